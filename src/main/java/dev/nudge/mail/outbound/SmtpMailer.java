package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.mail.ServerProperties;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends over SMTP with Angus Mail: one connection per dispatch run, our own
 * Message-ID on every message, failures sorted into {@link SendFailure.Kind}.
 */
public final class SmtpMailer implements Mailer {

    private final Clock clock;

    /** @param clock stamps the Date header of each message */
    public SmtpMailer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Connects and logs in.
     *
     * @throws SendFailure when the server cannot be reached (TRANSIENT) or
     *                     refuses us (MAILBOX_BLOCKED)
     */
    @Override
    public Connection connect(MailboxConfig mailbox) {
        Properties props = ServerProperties.of("smtp", mailbox.smtp());
        props.setProperty("mail.smtp.auth", Boolean.toString(SmtpConnection.hasPassword(mailbox)));
        SmtpConnection connection = new SmtpConnection(mailbox, Session.getInstance(props), clock);
        connection.open();
        return connection;
    }
}
