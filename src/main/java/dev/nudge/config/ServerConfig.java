package dev.nudge.config;

import java.time.Duration;

/** One mail server endpoint (SMTP or IMAP) of a mailbox. */
public record ServerConfig(
        String host,
        int port,
        Security security,
        String user,
        Duration connectTimeout,
        Duration readTimeout) {
}
