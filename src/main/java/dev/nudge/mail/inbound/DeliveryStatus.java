package dev.nudge.mail.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-recipient fields of a message/delivery-status part (RFC 3464).
 *
 * <p>Real reports bend the format: blank lines inside a group, the Action in the
 * per-message group, no per-message group at all. So a group naming a recipient is
 * one recipient, and fields it lacks are taken from the groups that name none.
 */
record DeliveryStatus(List<Recipient> recipients) {

    // x.y.z alone: not part of an IP address or a version number such as 2.4.0.264935.
    private static final Pattern ENHANCED_CODE =
            Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");

    // address: Original-Recipient if it is an address (what we sent to), else Final-Recipient.
    // action: lower case (failed, delayed, delivered, relayed, expanded), null if absent.
    // status: the x.y.z of the Status field; diagnostic: the Diagnostic-Code with its type ("smtp; 550 ...").
    record Recipient(String address, String action, String status, String diagnostic) {

        boolean failed() {
            return action == null ? status != null && status.startsWith("5") : action.startsWith("fail");
        }
    }

    static DeliveryStatus parse(String text) {
        List<Map<String, String>> groups = ReportFields.groups(text);
        Map<String, String> shared = new LinkedHashMap<>();
        List<Map<String, String>> perRecipient = new ArrayList<>();
        for (Map<String, String> group : groups) {
            if (group.containsKey("final-recipient") || group.containsKey("original-recipient")) {
                perRecipient.add(group);
            } else {
                group.forEach(shared::putIfAbsent);
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (Map<String, String> group : perRecipient) {
            Map<String, String> fields = new LinkedHashMap<>(shared);
            fields.putAll(group);
            recipients.add(recipient(fields));
        }
        if (recipients.isEmpty() && (shared.containsKey("action") || shared.containsKey("status"))) {
            recipients.add(recipient(shared));
        }
        return new DeliveryStatus(List.copyOf(recipients));
    }

    private static Recipient recipient(Map<String, String> fields) {
        String original = ReportFields.address(fields.get("original-recipient"));
        String address = original != null ? original : ReportFields.address(fields.get("final-recipient"));
        String action = fields.get("action");
        String diagnostic = fields.get("diagnostic-code");
        return new Recipient(address,
                action == null || action.isBlank() ? null : action.strip().toLowerCase(Locale.ROOT).split("\\s+")[0],
                enhancedCode(fields.get("status")),
                diagnostic == null || diagnostic.isBlank() ? null : diagnostic.strip());
    }

    // The first enhanced status code (RFC 3463, e.g. 5.1.1) in a text, or null.
    static String enhancedCode(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED_CODE.matcher(text);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }
}
