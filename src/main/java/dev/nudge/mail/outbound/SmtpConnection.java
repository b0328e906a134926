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
        reconnectIfDropped();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw SmtpFailures.onSend(mailbox, email, transport, e);
        }
    }

    // Servers close idle connections and a dispatch run may pause between
    // sends; isConnected() pings with NOOP, so a dead socket shows here
    // rather than halfway through a message.
    private void reconnectIfDropped() {
        if (transport.isConnected()) {
            return;
        }
        log.info("SMTP connection lost, reconnecting mailbox={} host={}", mailbox.name(), mailbox.smtp().host());
        closeQuietly();
        open();
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
