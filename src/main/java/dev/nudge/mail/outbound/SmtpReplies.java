package dev.nudge.mail.outbound;

import dev.nudge.mail.outbound.SendFailure.Kind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts an SMTP reply into what it means for a follow-up. Pure, so the
 * table of real-world replies lives in a unit test.
 */
public final class SmtpReplies {

    // RFC 3463 enhanced status code, e.g. "5.4.5" in "550 5.4.5 Daily user sending limit exceeded".
    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private static final Set<Integer> AUTH_CODES = Set.of(530, 534, 535, 538);

    // Microsoft 365 and Gmail codes that say the sending account itself may not send.
    private static final Set<String> ACCOUNT_BLOCKED = Set.of(
            "5.4.5",   // Gmail: daily sending quota
            "5.7.8",   // bad credentials
            "5.7.9",   // application-specific password required
            "5.7.57",  // Microsoft: client not authenticated to send
            "5.7.60",  // Microsoft: not allowed to send as this address
            "5.7.139"  // Microsoft: SMTP AUTH disabled for the tenant
    );

    private static final Pattern SENDER_LIMIT = Pattern.compile("quota|limit|too many");

    // Words that put a quota on the recipient's side: their mailbox is full, not ours blocked.
    private static final Pattern RECIPIENT_STORAGE =
            Pattern.compile("mailbox (is )?full|over quota|mailbox quota|storage|insufficient space");

    private SmtpReplies() {
    }

    /**
     * What a reply to a send means. {@code code} is the SMTP reply code, or -1
     * when the server said nothing (the connection dropped).
     */
    public static Kind classify(int code, String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        String enhanced = enhancedStatus(lower);
        if (AUTH_CODES.contains(code) || ACCOUNT_BLOCKED.contains(enhanced)) {
            return Kind.MAILBOX_BLOCKED;
        }
        if ((code >= 400 && code < 600) && isSenderLimit(enhanced, lower)) {
            return Kind.MAILBOX_BLOCKED;
        }
        return code >= 500 && code < 600 ? Kind.RECIPIENT_REJECTED : Kind.TRANSIENT;
    }

    /**
     * Like {@link #classify(int, String)}, knowing which command was refused: a
     * 5xx to {@code MAIL FROM} is about our address, never the recipient's.
     */
    public static Kind classify(String command, int code, String text) {
        Kind kind = classify(code, text);
        boolean senderRefused = command != null && command.regionMatches(true, 0, "MAIL FROM", 0, 9);
        return senderRefused && kind == Kind.RECIPIENT_REJECTED ? Kind.MAILBOX_BLOCKED : kind;
    }

    private static boolean isSenderLimit(String enhanced, String lower) {
        boolean recipientSide = enhanced.startsWith("5.1.") || enhanced.startsWith("4.1.")
                || enhanced.endsWith(".2.2") || RECIPIENT_STORAGE.matcher(lower).find();
        return !recipientSide && SENDER_LIMIT.matcher(lower).find();
    }

    private static String enhancedStatus(String lower) {
        Matcher m = ENHANCED.matcher(lower);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "";
    }
}
