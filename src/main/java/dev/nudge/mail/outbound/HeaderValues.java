package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;

/**
 * Guards text on its way into a header. Jakarta Mail passes CR and LF in
 * header values and display names straight to the wire, so a subject with a
 * line break could add a {@code Bcc:} of its own.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns {@code value} unchanged when it holds no CR, LF or NUL; null passes.
     *
     * @throws NudgeException.InvalidInput naming {@code field} otherwise
     */
    public static String requireSingleLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new NudgeException.InvalidInput(field
                        + " must be a single line without CR, LF or NUL (found at position " + i + ")");
            }
        }
        return value;
    }
}
