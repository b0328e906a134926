package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;

/**
 * Guards text on its way into a header. Jakarta Mail passes CR and LF in
 * header values and display names straight to the wire, so a subject with a
 * line break could add a {@code Bcc:} of its own. Other control characters and
 * the Unicode line separators (U+0085, U+2028, U+2029) are refused as well:
 * some readers split header lines on them after decoding.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Returns {@code value} unchanged when it holds no line break or control
     * character (a tab is fine); null passes.
     *
     * @throws NudgeException.InvalidInput naming {@code field} otherwise
     */
    public static String requireSingleLine(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isForbidden(c)) {
                throw new NudgeException.InvalidInput(field + " must be a single line without line breaks or"
                        + " control characters (found U+" + String.format("%04X", (int) c) + " at position " + i + ")");
            }
        }
        return value;
    }

    private static boolean isForbidden(char c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }
}
