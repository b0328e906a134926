package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.observe.Metrics;

/**
 * Sends through another {@link Mailer} and counts what the servers answer: every
 * accepted message, every failure by its kind, and the refusals that pause a
 * mailbox. Sitting at the seam, it sees each send exactly where it happens and
 * leaves the dispatcher as it is.
 */
public final class ObservedMailer implements Mailer {

    private final Mailer mailer;
    private final Metrics metrics;
    private final MailboxPauses pauses;

    public ObservedMailer(Mailer mailer, Metrics metrics, MailboxPauses pauses) {
        this.mailer = mailer;
        this.metrics = metrics;
        this.pauses = pauses;
    }

    @Override
    public Connection connect(MailboxConfig mailbox) {
        try {
            return new Observed(mailer.connect(mailbox), mailbox.name());
        } catch (SendFailure f) {
            failed(mailbox.name(), f);
            throw f;
        }
    }

    private void failed(String mailbox, SendFailure f) {
        metrics.sendFailed(mailbox, f.kind());
        if (f.kind() == SendFailure.Kind.MAILBOX_BLOCKED) {
            pauses.blocked(mailbox, f.getMessage());
        }
    }

    private final class Observed implements Connection {

        private final Connection connection;
        private final String mailbox;

        Observed(Connection connection, String mailbox) {
            this.connection = connection;
            this.mailbox = mailbox;
        }

        @Override
        public void send(OutgoingEmail email) {
            try {
                connection.send(email);
            } catch (SendFailure f) {
                failed(mailbox, f);
                throw f;
            } catch (RuntimeException e) {
                // The dispatcher takes any other error of a send as a refusal of the recipient.
                metrics.sendFailed(mailbox, SendFailure.Kind.RECIPIENT_REJECTED);
                throw e;
            }
            metrics.sent(mailbox);
            pauses.working(mailbox);
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
