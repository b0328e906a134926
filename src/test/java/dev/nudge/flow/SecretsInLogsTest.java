package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.enrollment.EnrollRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mailbox password never reaches a log line, not even when the server turns it down. */
class SecretsInLogsTest {

    private static final String ADA = "ada@prospect.test";
    private static final String BOB = "bob@prospect.test";

    @TempDir
    Path dir;

    @Test
    void the_password_and_its_smtp_auth_encodings_never_appear_in_any_log_line() throws Exception {
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.attach(); MailWorld world = new MailWorld(dir)) {
            runTheWholeStory(world);
            lines = logs.lines();
        }

        assertThat(lines).as("log lines captured").hasSizeGreaterThan(10);
        assertThat(lines).anyMatch(l -> l.contains("sent enrollment="));
        assertThat(lines).as("the refused SMTP login was logged").anyMatch(l -> l.contains("SMTP login refused"));
        assertThat(lines).as("the refused IMAP login was logged").anyMatch(l -> l.contains("IMAP login refused"));
        for (String secret : secretForms()) {
            assertThat(lines).as("lines containing " + secret).noneMatch(l -> l.contains(secret));
        }
    }

    private static void runTheWholeStory(MailWorld world) throws Exception {
        world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", "Lovelace", "Engines Ltd",
                Map.of("met_at", "the meetup"), "follow-up"));
        world.app.enrollments().enroll(new EnrollRequest(BOB, "Bob", "Babbage", "Mills Ltd",
                Map.of(), "follow-up"));
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isEqualTo(2);
        String subject = world.inboxOf(ADA).get(0).getSubject();
        world.deliverToMe(ADA, "Re: " + subject, "Sounds good, call me.", Map.of());
        world.app.inboxSync().syncOnce("work");

        // A fresh sync opens the reply-safety gate; then the server changes the
        // password, and ours is wrong for SMTP and IMAP alike.
        world.clock.advance(Duration.ofDays(5));
        world.app.inboxSync().syncOnce("work");
        world.greenMail.getUserManager().getUser(MailWorld.ME).setPassword("changed-by-the-admin");
        assertThat(world.app.dispatcher().dispatchOnce("work").sent()).isZero();
        try {
            world.app.inboxSync().syncOnce("work");
        } catch (RuntimeException refused) {
            // Logged by the sync itself; what matters here is what the log says.
        }
    }

    private static List<String> secretForms() {
        String user = MailWorld.ME;
        String password = MailWorld.PASSWORD;
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(password,
                b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
