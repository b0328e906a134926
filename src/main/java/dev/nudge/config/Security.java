package dev.nudge.config;

/** How a connection to a mail server is protected. */
public enum Security {
    /** No encryption. Allowed only when set explicitly. */
    PLAIN,
    /** Plain connect, then STARTTLS, which is required: no fallback to plain. */
    STARTTLS,
    /** Implicit TLS from the first byte (SMTPS 465, IMAPS 993). */
    TLS
}
