package dev.nudge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.App;
import dev.nudge.MutableClock;
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
import dev.nudge.mail.outbound.SmtpMailer;
import dev.nudge.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulingTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private NudgeConfig config(String mailbox) {
        ServerConfig nowhere = new ServerConfig("127.0.0.1", 9, Security.PLAIN, "x@y.test", Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        MailboxConfig box = new MailboxConfig(mailbox, mailbox + "@y.test", "", nowhere, nowhere,
                new Secret("NONE", "x"), List.of("INBOX"));
        return new NudgeConfig(Path.of("templates"), Path.of("config/sequences"), database(),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZoneId.of("UTC"), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1), 10),
                new SandboxConfig(Duration.ofSeconds(5)), new ReplyConfig(true, Duration.ofDays(3), 3), List.of(box));
    }

    private DatabaseConfig database() {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "nudge", null);
    }

    private void startAndStop(String mailbox) {
        NudgeConfig config = config(mailbox);
        try (App app = App.openWith(config, clock, new App.Parts(new SmtpMailer(clock), new ImapMailbox(),
                config.mailboxes()))) {
            app.startScheduling();
        }
    }

    @Test
    void jobs_of_a_mailbox_no_longer_configured_are_forgotten_at_start() {
        startAndStop("sandbox");
        startAndStop("work");
        try (Database db = Database.open(database())) {
            List<String> groups = db.inTransaction(tx -> tx.query(
                    "SELECT DISTINCT job_group FROM qrtz_job_details ORDER BY job_group", rs -> rs.getString(1)));
            assertThat(groups).containsExactly("work");
        }
    }
}
