package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.config.ServerConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SMTP connection that a dispatch run reuses for all its messages. Not thread-safe. */
final class SmtpConnection implements Mailer.Connection {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final MailboxConfig mailbox;
    private final Session session;
    private final Clock clock;
    private MessageTrackingTransport transport;

    SmtpConnection(MailboxConfig mailbox, Session session, Clock clock) {
        this.mailbox = mailbox;
        this.session = session;
        this.clock = clock;
    }

    static boolean hasPassword(MailboxConfig mailbox) {
        return mailbox.password() != null && mailbox.password().value() != null
                && !mailbox.password().value().isEmpty();
    }

    void open() {
        ServerConfig smtp = mailbox.smtp();
        transport = new MessageTrackingTransport(session);
        try {
            if (hasPassword(mailbox)) {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), mailbox.password().value());
            } else {
                transport.connect(smtp.host(), smtp.port(), null, null);
            }
        } catch (MessagingException e) {
            // Classified first: closing may overwrite the transport's last reply.
            SendFailure failure = SmtpFailures.onConnect(mailbox, transport, e);
            closeQuietly();
            throw failure;
        }
    }

    @Override
    public void send(OutgoingEmail email) {
        // Built and checked first: a header with CR/LF fails before anything is written.
        MimeMessage message = MessageComposer.compose(session, email, clock.instant());
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | IllegalStateException e) {
            if (!deadBeforeTheMessage(e)) {
                throw SmtpFailures.onSend(mailbox, email, transport, asMessaging(e));
            }
            // Servers close connections that sat idle; the message was not even begun,
            // so the server cannot have taken it: once more on a new connection.
            log.info("SMTP connection lost, reconnecting mailbox={} host={}", mailbox.name(), mailbox.smtp().host());
            closeQuietly();
            open();
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException again) {
                throw SmtpFailures.onSend(mailbox, email, transport, again);
            }
        }
    }

    /**
     * Whether the connection was found broken (no reply, a socket error, or a
     * transport that knows it is closed) before the server accepted the message's
     * MAIL FROM. A broken connection used to be found by a NOOP before every
     * message, a round trip per send; now only a send that fails pays for it. A
     * failure later in the message is left to the caller (retry later, or
     * uncertain once the whole message was written).
     */
    private boolean deadBeforeTheMessage(Exception e) {
        if (transport.messageBegun() || transport.messageWritten()) {
            return false;
        }
        if (e instanceof IllegalStateException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return transport.getLastReturnCode() == -1;
    }

    private static MessagingException asMessaging(Exception e) {
        return e instanceof MessagingException m ? m : new MessagingException(e.getMessage(), e);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("SMTP close failed mailbox={}", mailbox.name(), e);
        }
    }
}
