package dev.nudge.mail.outbound;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, remembering whether the whole message reached
 * the socket. A connection lost after that point may have lost only the
 * server's "250 OK": the message may have been delivered, so it must not be
 * sent again as if it had not.
 */
final class MessageTrackingTransport extends SMTPTransport {

    private boolean messageWritten;
    private boolean mailFromAccepted;

    MessageTrackingTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        messageWritten = false;
        mailFromAccepted = false;
        super.sendMessage(message, addresses);
    }

    // The first command of a message: a connection found dead here was dead before the message began.
    @Override
    protected void mailFrom() throws MessagingException {
        super.mailFrom();
        mailFromAccepted = true;
    }

    // Called once the message body is written; it sends the final "." and reads the verdict.
    @Override
    protected void finishData() throws IOException, MessagingException {
        messageWritten = true;
        super.finishData();
    }

    /** Whether the server answered the last send's MAIL FROM, that is, whether the message was begun. */
    boolean messageBegun() {
        return mailFromAccepted;
    }

    /** Whether the last send wrote the message in full before it failed or succeeded. */
    boolean messageWritten() {
        return messageWritten;
    }
}
