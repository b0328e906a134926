package dev.nudge.config;

import java.util.List;

/**
 * One entry of {@code mailboxes:}: the address mail goes out from, and where replies arrive.
 * Environment overrides do not reach into mailboxes.
 *
 * @param name        {@code name}, required: short id used in sequences and logs, e.g.
 *                    {@code work}; 1 to 40 of {@code a-z 0-9 -}, unique
 * @param address     {@code address}, required: the From address
 * @param displayName {@code display-name}: the From display name; default empty
 * @param smtp        {@code smtp}, required: where mail is sent
 * @param imap        {@code imap}, required: where replies are read
 * @param password    read from the environment variable named by {@code password-env}
 *                    (required); used for both SMTP and IMAP
 * @param folders     {@code folders}: IMAP folders watched for replies; default {@code [INBOX]};
 *                    the name {@code \Junk} stands for the server's junk folder, if it has one
 * @param appendToSent {@code append-to-sent}: after each send, file a copy (marked read) in the
 *                    mailbox's Sent folder; default false. Turn it on when the provider does not keep
 *                    copies of mail sent over SMTP (Gmail and Outlook.com do): an interrupted send is
 *                    confirmed by finding its copy there when Nudge starts
 */
public record MailboxConfig(
        String name,
        String address,
        String displayName,
        ServerConfig smtp,
        ServerConfig imap,
        Secret password,
        List<String> folders,
        boolean appendToSent) {

    /** A mailbox that leaves filing sent copies to its provider. */
    public MailboxConfig(String name, String address, String displayName, ServerConfig smtp, ServerConfig imap,
                         Secret password, List<String> folders) {
        this(name, address, displayName, smtp, imap, password, folders, false);
    }
}
