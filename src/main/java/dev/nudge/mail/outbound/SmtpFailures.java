package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.mail.outbound.SendFailure.Kind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Turns Angus Mail's exceptions into {@link SendFailure}s whose message says what the server said. */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static SendFailure onConnect(MailboxConfig mailbox, SMTPTransport transport, MessagingException e) {
        String where = " (mailbox: " + mailbox.name() + ", host: " + mailbox.smtp().host()
                + ":" + mailbox.smtp().port() + ")";
        if (e instanceof AuthenticationFailedException) {
            return new SendFailure(Kind.MAILBOX_BLOCKED, "SMTP login refused" + where + ": " + e.getMessage(), e);
        }
        if (find(e, SSLHandshakeException.class) != null) {
            // A certificate or protocol mismatch does not fix itself; the user must look.
            return new SendFailure(Kind.MAILBOX_BLOCKED, "SMTP TLS handshake failed" + where, e);
        }
        if (find(e, IOException.class) != null) {
            return new SendFailure(Kind.TRANSIENT, "Cannot reach SMTP server" + where + ": " + e.getMessage(), e);
        }
        // Reached the server, and it turned us away: a 4xx greeting is worth
        // another try; anything else (no STARTTLS, 5xx greeting) needs the user.
        int code = transport == null ? -1 : transport.getLastReturnCode();
        Kind kind = code >= 400 && code < 500 ? Kind.TRANSIENT : Kind.MAILBOX_BLOCKED;
        return new SendFailure(kind, "SMTP server refused the connection" + where + ": " + e.getMessage(), e);
    }

    static SendFailure onSend(MailboxConfig mailbox, OutgoingEmail email, MessageTrackingTransport transport,
                              MessagingException e) {
        String what = " (mailbox: " + mailbox.name() + ", message id: " + email.messageId()
                + ", to: " + email.toAddress() + ")";
        if (transport.messageWritten() && verdictLost(e)) {
            // The whole message was on the wire and only the verdict went missing:
            // the server may have delivered it, so sending it again could send it twice.
            return new SendFailure(Kind.UNKNOWN_OUTCOME, "SMTP connection lost after the whole message was sent"
                    + what + "; the server may have delivered it: " + e.getMessage(), e);
        }
        SMTPAddressFailedException rcpt = find(e, SMTPAddressFailedException.class);
        if (rcpt != null) {
            Kind kind = SmtpReplies.classify(rcpt.getCommand(), rcpt.getReturnCode(), rcpt.getMessage());
            return new SendFailure(kind, "SMTP server refused the recipient" + what + ": " + rcpt.getMessage(), e);
        }
        SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
        if (refused != null) {
            Kind kind = SmtpReplies.classify(refused.getCommand(), refused.getReturnCode(), refused.getMessage());
            return new SendFailure(kind, "SMTP server refused the message" + what + ": " + refused.getMessage(), e);
        }
        if (find(e, IOException.class) != null) {
            // The message was not written in full, so the server cannot have taken it.
            return new SendFailure(Kind.TRANSIENT, "SMTP connection lost while sending" + what, e);
        }
        Kind kind = SmtpReplies.classify(transport.getLastReturnCode(), transport.getLastServerResponse());
        return new SendFailure(kind, "SMTP send failed" + what + ": " + e.getMessage(), e);
    }

    // No reply at all: the connection broke (Angus reports an end of stream as reply code -1).
    private static boolean verdictLost(MessagingException e) {
        SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
        if (refused != null && refused.getReturnCode() >= 200) {
            return false;
        }
        return refused != null || find(e, IOException.class) != null;
    }

    // The first exception of this type in the cause chain or Jakarta Mail's next-exception chain.
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = next(t), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
