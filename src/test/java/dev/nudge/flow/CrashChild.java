package dev.nudge.flow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.App;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.ReplyConfig;
import dev.nudge.config.SandboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.DispatchResult;
import dev.nudge.mail.outbound.SmtpMailer;
import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Run in a child JVM by {@link CrashTest}: Nudge with the real SMTP and IMAP
 * clients and an H2 file, as {@code serve} would start it: interrupted sends are
 * settled first, then it dispatches until nothing is due, unless it is killed.
 *
 * <p>Arguments: the work folder, the SMTP port, the IMAP port.
 */
public final class CrashChild {

    static final String ME = "me@crash.test";
    static final String PASSWORD = "crash-test-password";
    static final String SEQUENCE = "one-step";

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        NudgeConfig config = config(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Clock clock = Clock.systemUTC();
        try (App app = open(config, clock)) {
            var recovered = app.recoverInterruptedSends();
            System.out.println("RECOVERED " + recovered.sent() + " " + recovered.uncertain());
            app.inboxSync().syncOnce("work");
            int sent = 0;
            DispatchResult r;
            do {
                r = app.dispatcher().dispatchOnce("work");
                sent += r.sent();
            } while (r.sent() + r.held() + r.failed() > 0);
            System.out.println("DONE " + sent);
        }
    }

    static App open(NudgeConfig config, Clock clock) {
        return App.openWith(config, clock, new App.Parts(new SmtpMailer(clock), new ImapMailbox(),
                config.mailboxes()));
    }

    /** A one-step sequence, the shipped templates, a mailbox that files its copies in Sent. */
    static NudgeConfig config(Path dir, int smtpPort, int imapPort) {
        Duration timeout = Duration.ofSeconds(10);
        MailboxConfig mailbox = new MailboxConfig("work", ME, "Crash Test",
                new ServerConfig("127.0.0.1", smtpPort, Security.PLAIN, ME, timeout, timeout),
                new ServerConfig("127.0.0.1", imapPort, Security.PLAIN, ME, timeout, timeout),
                new Secret("NUDGE_TEST_PASSWORD", PASSWORD), List.of("INBOX"), true);
        return new NudgeConfig(Path.of("templates").toAbsolutePath(), dir.resolve("sequences"),
                new DatabaseConfig("jdbc:h2:file:" + dir.resolve("nudge").toAbsolutePath(), "nudge", null),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZoneId.of("Europe/Berlin"), Duration.ofMinutes(1), Duration.ofMinutes(30),
                        Duration.ofSeconds(30), 50),
                new SandboxConfig(Duration.ofSeconds(5)), new ReplyConfig(true, Duration.ofDays(3), 3),
                List.of(mailbox));
    }

    /** GreenMail on loopback with SMTP and IMAP on free ports and {@code user}'s Sent folder made. */
    static GreenMail startMailWithSent(String user, String password) throws MessagingException {
        var greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        var me = greenMail.setUser(user, user, password);
        try {
            greenMail.getManagers().getImapHostManager().createMailbox(me, "Sent");
        } catch (Exception e) {
            greenMail.stop();
            throw new MessagingException("Cannot make the Sent folder: " + e.getMessage(), e);
        }
        return greenMail;
    }

    static void writeSequence(Path dir) throws java.io.IOException {
        Files.createDirectories(dir.resolve("sequences"));
        Files.writeString(dir.resolve("sequences/one-step.yaml"), """
                name: one-step
                steps:
                  - at: minute 1
                    template: follow-up/1-thanks
                """);
    }
}
