package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what a user types about a contact before anything is stored. */
final class ContactInput {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");
    /** The contact table's column width. */
    private static final int MAX_ADDRESS = 320;

    private ContactInput() {
    }

    /** What is wrong with a contact's input, by kind, so an import can count and report it. */
    enum Kind { ADDRESS, CONTROL_CHARACTER, TOO_LONG, FIELD_NAME }

    record Problem(Kind kind, String message) {
    }

    static void validate(EnrollRequest r) {
        Problem p = problem(r);
        if (p != null) {
            throw new NudgeException.InvalidInput(p.message());
        }
    }

    /** The first problem with the request, or null when it may be stored. */
    static Problem problem(EnrollRequest r) {
        Problem p = addressProblem(r.email());
        p = p != null ? p : textProblem("first name", r.firstName(), 200);
        p = p != null ? p : textProblem("last name", r.lastName(), 200);
        p = p != null ? p : textProblem("company", r.company(), 200);
        for (Map.Entry<String, String> f : r.fields().entrySet()) {
            if (p != null) {
                return p;
            }
            p = fieldNameProblem(f.getKey());
            p = p != null ? p : textProblem("custom field " + f.getKey(), f.getValue(), 2000);
        }
        return p;
    }

    static Problem fieldNameProblem(String name) {
        if (FIELD_NAME.matcher(name).matches()) {
            return null;
        }
        return new Problem(Kind.FIELD_NAME, "Custom field name '" + name
                + "' is not allowed: use letters, digits and _, starting with a letter"
                + " (templates read it as contact.fields." + name + ")");
    }

    private static Problem addressProblem(String email) {
        if (email == null || email.isBlank()) {
            return new Problem(Kind.ADDRESS, "An email address is required");
        }
        String invalid = "Not a valid email address: '" + printable(email)
                + "' (give a bare address such as ada@example.com)";
        if (hasControl(email)) {
            return new Problem(Kind.CONTROL_CHARACTER, invalid);
        }
        if (email.trim().length() > MAX_ADDRESS) {
            return new Problem(Kind.TOO_LONG, "The email address is longer than " + MAX_ADDRESS + " characters");
        }
        try {
            InternetAddress parsed = new InternetAddress(email.trim(), true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@")) {
                throw new AddressException("not a bare address");
            }
            return null;
        } catch (AddressException e) {
            return new Problem(Kind.ADDRESS, invalid);
        }
    }

    private static Problem textProblem(String what, String value, int max) {
        if (value == null) {
            return null;
        }
        if (hasControl(value)) {
            return new Problem(Kind.CONTROL_CHARACTER, "The " + what + " contains a line break or control character");
        }
        if (value.length() > max) {
            return new Problem(Kind.TOO_LONG, "The " + what + " is longer than " + max + " characters");
        }
        return null;
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
