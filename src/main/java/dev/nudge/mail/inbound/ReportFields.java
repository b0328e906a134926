package dev.nudge.mail.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Name: value" groups of a machine-readable report part: message/delivery-status
 * (RFC 3464), message/feedback-report (RFC 5965), message/disposition-notification.
 * Groups are separated by blank lines; names come back lower case, values unfolded.
 */
final class ReportFields {

    private ReportFields() {
    }

    static List<Map<String, String>> groups(String text) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if (Character.isWhitespace(line.charAt(0)) && lastName != null) {
                current.merge(lastName, " " + line.strip(), String::concat);
            } else {
                lastName = put(current, line);
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    // All groups merged, the first value of a name winning.
    static Map<String, String> merged(String text) {
        Map<String, String> all = new LinkedHashMap<>();
        groups(text).forEach(group -> group.forEach(all::putIfAbsent));
        return all;
    }

    // Returns the name the line set, so a folded continuation knows where it belongs.
    private static String put(Map<String, String> group, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        // A repeated field keeps its first value; later ones are usually copies.
        if (group.containsKey(name)) {
            return null;
        }
        group.put(name, line.substring(colon + 1).strip());
        return name;
    }

    // "rfc822; Ann@Example.org" or "<ann@example.org>" as a bare lower-case address, or null.
    static String address(String value) {
        if (value == null) {
            return null;
        }
        // "rfc822; rfc822;ann@example.org" happens: the address is after the last type.
        String bare = value.substring(value.lastIndexOf(';') + 1).strip();
        bare = bare.replaceAll("^<+|>+$", "").strip();
        return bare.indexOf('@') > 0 && bare.chars().noneMatch(Character::isWhitespace)
                ? bare.toLowerCase(Locale.ROOT)
                : null;
    }
}
