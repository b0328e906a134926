package dev.nudge.mail.inbound;

import java.util.List;
import java.util.Map;

/**
 * A message found in a watched folder, as far as its headers tell.
 *
 * @param uid        the IMAP UID in its folder
 * @param size       the whole message's size in bytes as the server reports it, or -1 when unknown
 * @param messageId  its Message-ID without angle brackets, or null if it has none
 * @param from       the bare From address, lower case, or null if unreadable
 * @param inReplyTo  Message-IDs named in In-Reply-To (no brackets)
 * @param references Message-IDs named in References (no brackets)
 * @param headers    every header, names lower case, values unfolded, in order
 */
public record InboundEmail(
        long uid,
        long size,
        String messageId,
        String from,
        String subject,
        List<String> inReplyTo,
        List<String> references,
        Map<String, List<String>> headers) {

    /** The first value of a header, or null. Name is case-insensitive. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
