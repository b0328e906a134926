package dev.nudge.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, loaded once by {@link ConfigLoader} and never changed.
 *
 * @param templatesDir {@code templates}, env {@code NUDGE_TEMPLATES}: the message templates,
 *                     relative to the working directory; default {@code templates}
 * @param sequencesDir {@code sequences}, env {@code NUDGE_SEQUENCES}: the sequence definitions,
 *                     relative to the working directory; default {@code config/sequences}
 * @param mailboxes    {@code mailboxes}: empty (the default) means sandbox mode
 */
public record NudgeConfig(
        Path templatesDir,
        Path sequencesDir,
        DatabaseConfig database,
        WebConfig web,
        SchedulingConfig scheduling,
        SandboxConfig sandbox,
        ReplyConfig replies,
        List<MailboxConfig> mailboxes) {

    /** True when no mailbox is configured: Nudge then runs its embedded mail server. */
    public boolean sandboxMode() {
        return mailboxes.isEmpty();
    }
}
