package dev.nudge.config;

import java.time.Duration;

/**
 * A mailbox's {@code smtp:} or {@code imap:} block. {@code security: plain} is accepted only for
 * localhost, 127.0.0.1 and ::1, or with {@code allow-plain: true} in the block.
 *
 * @param host           {@code host}, required
 * @param port           {@code port}: default by security; SMTP 587 starttls, 465 tls, 25 plain;
 *                       IMAP 993 tls, 143 starttls or plain
 * @param security       {@code security}: plain, starttls or tls (any case); default starttls for
 *                       SMTP, tls for IMAP
 * @param user           {@code user}: the login; default the mailbox address
 * @param connectTimeout {@code connect-timeout}: default 10 seconds
 * @param readTimeout    {@code read-timeout}: default 30 seconds
 */
public record ServerConfig(
        String host,
        int port,
        Security security,
        String user,
        Duration connectTimeout,
        Duration readTimeout) {
}
