package dev.nudge.config;

import java.time.Duration;

/**
 * The embedded mail server used when no mailbox is configured.
 *
 * @param dayLength how long one sequence day lasts in the sandbox, so the whole
 *                  story plays out in minutes
 */
public record SandboxConfig(Duration dayLength) {
}
