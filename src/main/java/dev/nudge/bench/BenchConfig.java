package dev.nudge.bench;

import dev.nudge.NudgeException;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.ReplyConfig;
import dev.nudge.config.SandboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.sandbox.SampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** A Nudge config in a throw-away folder: the sample templates, one sequence per mailbox, an H2 file. */
final class BenchConfig {

    static final int DISPATCH_BATCH = 200;

    private BenchConfig() {
    }

    /** The sequence {@link #write} gives {@code mailbox}: one step, two days after enrolling. */
    static String sequenceOf(MailboxConfig mailbox) {
        return "bench-" + mailbox.name();
    }

    static NudgeConfig write(Path dir, List<MailboxConfig> mailboxes, Duration inboxPollInterval) {
        SampleFiles.extract(dir);
        Path sequences = dir.resolve("bench-sequences");
        try {
            Files.createDirectories(sequences);
            for (MailboxConfig m : mailboxes) {
                Files.writeString(sequences.resolve(m.name() + ".yaml"), "name: " + sequenceOf(m) + "\n"
                        + "mailbox: " + m.name() + "\n"
                        + "steps:\n"
                        + "  - at: day 2\n"
                        + "    template: follow-up/1-thanks\n");
            }
        } catch (IOException e) {
            throw new NudgeException("Cannot write the bench sequences: " + e.getMessage(), e);
        }
        Duration maxInboxAge = inboxPollInterval.multipliedBy(10);
        return new NudgeConfig(dir.resolve("templates"), sequences,
                new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db/nudge").toAbsolutePath(), "nudge", null),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZoneOffset.UTC, inboxPollInterval, maxInboxAge, Duration.ofSeconds(30), DISPATCH_BATCH),
                new SandboxConfig(Duration.ofSeconds(5)), new ReplyConfig(true, Duration.ofDays(3), 3), mailboxes);
    }
}
