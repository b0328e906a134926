package dev.nudge.config;

import java.util.List;

/**
 * A sender mailbox: the address mail goes out from, and where replies arrive.
 *
 * @param name        short id used in sequences and logs, e.g. {@code work}
 * @param address     the From address
 * @param displayName the From display name, may be empty
 * @param password    read from the environment variable the config names
 * @param folders     IMAP folders watched for replies
 */
public record MailboxConfig(
        String name,
        String address,
        String displayName,
        ServerConfig smtp,
        ServerConfig imap,
        Secret password,
        List<String> folders) {
}
