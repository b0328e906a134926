package dev.nudge.bench;

import dev.nudge.config.DatabaseConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.ReplyConfig;
import dev.nudge.config.SandboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.sandbox.SampleFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Nudge as a newcomer first runs it, in a throw-away folder: the sample
 * sequence and templates, no mailbox configured, and an H2 file opened as
 * Nudge opens it (every commit on disk).
 */
final class SandboxWorld {

    static final String SEQUENCE = "follow-up";

    private SandboxWorld() {
    }

    static NudgeConfig config(Path dir) {
        SampleFiles.extract(dir);
        return new NudgeConfig(dir.resolve("templates"), dir.resolve("sequences"),
                new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db/nudge").toAbsolutePath(), "nudge", null),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZoneOffset.UTC, Duration.ofMinutes(1), Duration.ofMinutes(10),
                        Duration.ofSeconds(30), DispatchBench.BATCH),
                new SandboxConfig(Duration.ofDays(1)), new ReplyConfig(true, Duration.ofDays(3), 3), List.of());
    }
}
