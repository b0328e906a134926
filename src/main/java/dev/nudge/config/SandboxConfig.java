package dev.nudge.config;

import java.time.Duration;

/**
 * The {@code sandbox:} section: the embedded mail server used when no mailbox is configured.
 *
 * @param dayLength {@code day-length}, env {@code NUDGE_SANDBOX_DAY_LENGTH}: how long one sequence
 *                  day lasts in the sandbox, so the whole story plays out in minutes; default
 *                  5 seconds
 */
public record SandboxConfig(Duration dayLength) {
}
