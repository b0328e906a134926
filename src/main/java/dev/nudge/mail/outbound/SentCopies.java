package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.mail.inbound.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through another {@link Mailer} and, for mailboxes with
 * {@code append-to-sent}, files a copy of each accepted message in the Sent
 * folder over IMAP, so that an interrupted send can be confirmed there later
 * even with providers that keep no copy of mail sent over SMTP.
 *
 * <p>The copy is filed before the dispatch commits {@code sent}: a process that
 * dies after the append but before that commit leaves a row the start-up
 * recovery confirms, where a copy filed after the commit would have helped nobody.
 */
public final class SentCopies implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SentCopies.class);
    static final String SENT_FOLDER = "\\Sent";

    private final Mailer mailer;
    private final Mailbox mailbox;
    private final Clock clock;

    public SentCopies(Mailer mailer, Mailbox mailbox, Clock clock) {
        this.mailer = mailer;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @Override
    public Connection connect(MailboxConfig config) {
        Connection smtp = mailer.connect(config);
        return config.appendToSent() ? new Filing(smtp, config) : smtp;
    }

    /** An SMTP connection plus an IMAP login opened at the first copy and kept for the run. */
    private final class Filing implements Connection {

        private final Connection smtp;
        private final MailboxConfig config;
        private final Session session = Session.getInstance(new Properties());
        private Mailbox.Connection imap;

        Filing(Connection smtp, MailboxConfig config) {
            this.smtp = smtp;
            this.config = config;
        }

        @Override
        public void send(OutgoingEmail email) {
            smtp.send(email);
            try {
                if (imap == null) {
                    imap = mailbox.connect(config);
                }
                if (!imap.appendSeen(SENT_FOLDER, rfc822(email))) {
                    log.warn("no Sent folder to file a copy in mailbox={} message_id={}", config.name(),
                            email.messageId());
                }
            } catch (RuntimeException e) {
                // The message has left; a missing copy only makes a later crash harder to resolve.
                log.warn("could not file a copy in the Sent folder mailbox={} message_id={} reason=\"{}\"",
                        config.name(), email.messageId(), e.getMessage());
                closeImap();
            }
        }

        private byte[] rfc822(OutgoingEmail email) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                MessageComposer.compose(session, email, clock.instant()).writeTo(out);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("could not write the copy: " + e.getMessage(), e);
            }
            return out.toByteArray();
        }

        private void closeImap() {
            if (imap != null) {
                try {
                    imap.close();
                } catch (RuntimeException e) {
                    log.debug("IMAP close failed mailbox={}", config.name(), e);
                }
                imap = null;
            }
        }

        @Override
        public void close() {
            try {
                smtp.close();
            } finally {
                closeImap();
            }
        }
    }
}
