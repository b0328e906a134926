package dev.nudge.config;

/**
 * The {@code database:} section.
 *
 * @param url      {@code url}, env {@code NUDGE_DATABASE_URL}: JDBC URL; default an H2 file at
 *                 {@code ./data/nudge}
 * @param user     {@code user}, env {@code NUDGE_DATABASE_USER}: default {@code nudge}
 * @param password read from the environment variable named by {@code password-env}, or null when
 *                 none is named (H2 needs none)
 */
public record DatabaseConfig(String url, String user, Secret password) {
}
