package dev.nudge.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, loaded once and never changed.
 *
 * @param mailboxes empty means sandbox mode
 */
public record NudgeConfig(
        Path templatesDir,
        Path sequencesDir,
        DatabaseConfig database,
        WebConfig web,
        SchedulingConfig scheduling,
        SandboxConfig sandbox,
        List<MailboxConfig> mailboxes) {

    public boolean sandboxMode() {
        return mailboxes.isEmpty();
    }
}
