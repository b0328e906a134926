package dev.nudge.config;

/**
 * @param url      JDBC URL; the default is an H2 file at {@code ./data/nudge}
 * @param user     database user
 * @param password from the environment, or null where the database needs none
 */
public record DatabaseConfig(String url, String user, Secret password) {
}
