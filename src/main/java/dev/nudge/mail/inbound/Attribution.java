package dev.nudge.mail.inbound;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the line a mail client writes above the message it quotes:
 * "On Mon, 2 Mar 2026 at 10:00, Jane &lt;j@x&gt; wrote:" and its translations.
 * Clients wrap it over two or three lines, put the verb in the middle
 * ("Am ... schrieb Jane &lt;j@x&gt;:") or leave it out altogether
 * ("2016-03-03 17:21 GMT+01:00 Jane &lt;j@x&gt;:"), so an attribution is
 * found by its parts rather than by one fixed shape.
 */
final class Attribution {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final int MAX_LINES = 5;
    private static final int MAX_CHARS = 300;

    private static final String VERBS = "wrote|writes|schrieb|a écrit|escribió|escribio|schreef|geschreven"
            + "|escreveu|ha scritto|skrev|kirjoitti|napisał\\(a\\)|napisała|napisał|написал|написала|написав"
            + "|пише|写道|寫道|írta|yazdı|napsal|έγραψε";

    // The verb closes the attribution, or only the sender (with an address) or a time follows it.
    private static final Pattern VERB_AT_END = Pattern.compile(
            "(?:^|[\\s,])(?:" + VERBS + ")(?:\\s*[:：]?|\\s+[^:：]{0,120}(?:@|>|\"|uhr)[^:：]{0,20}[:：])$", FLAGS);

    // Words that open an attribution: "On", "Am", "Le", "El", "Op", "Em", "Il", "Den", "Dnia", "At", "在".
    private static final Pattern OPENER = Pattern.compile(
            "^(\\d|(on|am|le|el|op|em|il|den|dnia|w dniu|at|på|dne|в|у)\\s|在)", FLAGS);

    // Gmail in some locales: "2016-10-24 15:36 GMT+02:00 Jane <j@x>:", with no verb at all. The zone as
    // Gmail writes it, or an address in angle brackets, tells it from "2026-03-10 14:00 UTC works for me".
    private static final Pattern DATE_LED = Pattern.compile(
            "^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b.*(<\\S*@|\\bGMT[+-]\\d{1,2}(:?\\d{2})?\\b)", FLAGS);

    private static final Pattern LINE_END = Pattern.compile("([:：]|" + VERBS + "|-{2,})\\s*$", FLAGS);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s*$");

    private Attribution() {
    }

    /**
     * The index of the last line of an attribution that starts at line {@code start}, or -1 when none
     * starts there. Lines are taken as they are; callers strip quote prefixes first when they look
     * inside a quote.
     */
    static int end(List<String> lines, int start) {
        String first = lines.get(start).strip();
        if (first.isEmpty() || ReplyMarkers.isQuote(first)) {
            return -1;
        }
        boolean opener = OPENER.matcher(first).find();
        if (!opener && start > 0 && !lines.get(start - 1).isBlank()) {
            // Without an opening word an attribution starts its own paragraph.
            return -1;
        }
        if (first.length() > MAX_CHARS) {
            return -1;
        }
        int last = candidateEnd(lines, start, opener);
        if (last < 0 || !matches(joined(lines, start, last))
                || !opener && last > start && !first.contains("<") && !first.contains("@")) {
            return DATE_LED.matcher(first).find() ? start : -1;
        }
        return startsLater(lines, start, last) ? -1 : last;
    }

    // The first line within reach that could close an attribution. Only one with an opening word may
    // run over blank lines, which some clients leave around an address they wrapped.
    private static int candidateEnd(List<String> lines, int start, boolean opener) {
        int limit = Math.min(lines.size(), start + MAX_LINES);
        for (int k = start; k < limit; k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                if (!opener || SENTENCE_END.matcher(lines.get(k - 1)).find()) {
                    return -1;
                }
                continue;
            }
            if (line.length() > MAX_CHARS) {
                return -1;
            }
            if (LINE_END.matcher(line.strip()).find()) {
                return k;
            }
        }
        return -1;
    }

    // A line of text directly above "On ... wrote:" belongs to the reply, not to the attribution.
    private static boolean startsLater(List<String> lines, int start, int last) {
        for (int k = start + 1; k <= last; k++) {
            String line = lines.get(k).strip();
            if (!line.isEmpty() && OPENER.matcher(line).find() && matches(joined(lines, k, last))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String text) {
        if (text.length() > MAX_CHARS) {
            return false;
        }
        boolean dated = text.chars().anyMatch(Character::isDigit) || text.contains("@");
        // The colon of a time ("um 12:52 Uhr:") is not the one that closes the attribution.
        String timesAside = text.replaceAll("(\\d)[:：](\\d)", "$1.$2");
        return dated && VERB_AT_END.matcher(timesAside).find()
                || DATE_LED.matcher(text).find() && text.endsWith(":");
    }

    // One line of text, as the attribution reads before a client wrapped it.
    private static String joined(List<String> lines, int start, int last) {
        StringBuilder text = new StringBuilder();
        for (int k = start; k <= last; k++) {
            text.append(lines.get(k)).append(' ');
        }
        return text.toString()
                .replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .replaceAll("^[\\s*-]+|[\\s*-]+$", "")
                .strip();
    }
}
