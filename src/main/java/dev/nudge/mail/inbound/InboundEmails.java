package dev.nudge.mail.inbound;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@link InboundEmail} out of raw headers. Tolerant by design: real
 * mail has unbracketed ids, commas between references and undecodable
 * subjects, and none of that may stop an inbox sync.
 */
public final class InboundEmails {

    private InboundEmails() {
    }

    /** The headers of a parsed message, e.g. one read from a file; its size is unknown (-1). */
    public static InboundEmail fromMessage(long uid, MimeMessage message) throws MessagingException {
        return fromHeaders(uid, -1, message.getAllHeaders());
    }

    /**
     * Header lines in wire order, as {@code MimeMessage.getAllHeaders()} gives them.
     *
     * @param size the whole message's size in bytes, or -1 when unknown
     */
    public static InboundEmail fromHeaders(long uid, long size, Enumeration<Header> raw) {
        Map<String, List<String>> headers = collect(raw);
        return new InboundEmail(
                uid,
                size,
                firstId(first(headers, "message-id")),
                bareAddress(first(headers, "from")),
                decoded(first(headers, "subject")),
                messageIds(first(headers, "in-reply-to")),
                messageIds(first(headers, "references")),
                headers);
    }

    private static Map<String, List<String>> collect(Enumeration<Header> raw) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        while (raw.hasMoreElements()) {
            Header h = raw.nextElement();
            String name = h.getName().strip().toLowerCase(Locale.ROOT);
            String value = h.getValue() == null ? "" : MimeUtility.unfold(h.getValue()).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(frozen);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // Lower-case bare address of the first mailbox named, or null.
    static String bareAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            InternetAddress first = parsed.length == 0 ? null : parsed[0];
            if (first != null && first.isGroup()) {
                InternetAddress[] members = first.getGroup(false);
                first = members == null || members.length == 0 ? null : members[0];
            }
            String address = first == null || first.getAddress() == null ? "" : first.getAddress().strip();
            // Lenient parsing turns any text into an "address"; words with spaces are not one.
            if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
                return null;
            }
            return address.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }

    static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (Exception e) {
            // Unknown charset or a broken encoded-word: the raw text still says something.
            return value;
        }
    }

    static String firstId(String value) {
        List<String> ids = messageIds(value);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        // A Message-ID without brackets or '@' is still the message's id.
        String[] words = value == null ? new String[0] : value.strip().split("\\s+");
        return words.length == 0 || words[0].isEmpty() ? null : words[0];
    }

    // Message ids without angle brackets. Bracketed ids win; without any
    // brackets, words that look like ids (they have an '@') are taken, so
    // comments such as "(Fred's message of ...)" are left out.
    static List<String> messageIds(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> bracketed = new ArrayList<>();
        int open = value.indexOf('<');
        while (open >= 0) {
            int close = value.indexOf('>', open + 1);
            String inside = close < 0 ? value.substring(open + 1) : value.substring(open + 1, close);
            // Some mailers fold inside an id; ids never hold whitespace.
            String id = inside.replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                bracketed.add(id);
            }
            open = close < 0 ? -1 : value.indexOf('<', close + 1);
        }
        if (!bracketed.isEmpty()) {
            return List.copyOf(bracketed);
        }
        List<String> bare = new ArrayList<>();
        for (String word : value.split("[\\s,]+")) {
            if (word.indexOf('@') > 0) {
                bare.add(word);
            }
        }
        return List.copyOf(bare);
    }
}
