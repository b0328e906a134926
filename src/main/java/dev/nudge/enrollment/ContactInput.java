package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what a user types about a contact before anything is stored. */
final class ContactInput {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

    private ContactInput() {
    }

    static void validate(EnrollRequest r) {
        requireAddress(r.email());
        requireText("first name", r.firstName(), 200);
        requireText("last name", r.lastName(), 200);
        requireText("company", r.company(), 200);
        for (Map.Entry<String, String> f : r.fields().entrySet()) {
            if (!FIELD_NAME.matcher(f.getKey()).matches()) {
                throw new NudgeException.InvalidInput("Custom field name '" + f.getKey()
                        + "' is not allowed: use letters, digits and _, starting with a letter"
                        + " (templates read it as contact.fields." + f.getKey() + ")");
            }
            requireText("custom field " + f.getKey(), f.getValue(), 2000);
        }
    }

    static void requireAddress(String email) {
        if (email == null || email.isBlank()) {
            throw new NudgeException.InvalidInput("An email address is required");
        }
        try {
            InternetAddress parsed = new InternetAddress(email.trim(), true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@")
                    || hasControl(email)) {
                throw new AddressException("not a bare address");
            }
        } catch (AddressException e) {
            throw new NudgeException.InvalidInput("Not a valid email address: '" + printable(email)
                    + "' (give a bare address such as ada@example.com)");
        }
    }

    private static void requireText(String what, String value, int max) {
        if (value == null) {
            return;
        }
        if (hasControl(value)) {
            throw new NudgeException.InvalidInput("The " + what + " contains a line break or control character");
        }
        if (value.length() > max) {
            throw new NudgeException.InvalidInput("The " + what + " is longer than " + max + " characters");
        }
    }

    private static boolean hasControl(String s) {
        // The same rule as for mail headers: names and fields end up in the subject and the To line.
        return s.chars().anyMatch(c -> (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029');
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0").toCharArray()) {
            boolean hidden = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            out.append(hidden ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
