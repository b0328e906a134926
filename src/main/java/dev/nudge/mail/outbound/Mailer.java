package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;

/**
 * The seam to the outgoing mail server. The production implementation speaks
 * SMTP; tests may put a fault-injecting one here.
 */
public interface Mailer {

    /** Opens one connection that a dispatch run reuses for all its sends. */
    Connection connect(MailboxConfig mailbox);

    interface Connection extends AutoCloseable {

        /**
         * Hands one message to the server.
         *
         * @throws SendFailure when the server did not accept it; the kind says why
         */
        void send(OutgoingEmail email);

        @Override
        void close();
    }
}
