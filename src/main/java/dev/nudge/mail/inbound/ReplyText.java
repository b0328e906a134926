package dev.nudge.mail.inbound;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the words a person just wrote in a reply, without the earlier messages
 * their client quoted below or above them.
 *
 * <p>The body is read top to bottom. The new text ends at the first line that
 * starts something else: an attribution ("On ... wrote:"), a signature, a
 * mobile sign-off, an "Original Message" or forward marker, or Outlook's
 * "From: / Sent:" block. Quoted lines are cut when they trail the new text or
 * sit under an attribution at the very top (a bottom-posted reply); a quote
 * between the person's own paragraphs is kept, because there the person is
 * answering inline and the quote is the question they answer. Callers that
 * must not read quoted words (such as {@link RemovalRequest}) skip lines
 * starting with "&gt;".
 *
 * <p>When the body opens with an attribution or a forward header and text
 * follows without quote marks, that text is kept: nothing else in the
 * message can be the person's words.
 */
public final class ReplyText {

    private ReplyText() {
    }

    /**
     * The text of a message body the person just wrote: quoted earlier messages, "On ... wrote:" headers,
     * forwarded blocks, signatures ("-- ", "Sent from my iPhone", mobile/Outlook sign-offs ...) and Outlook's
     * "From: / Sent: / To: / Subject:" quote headers cut. Line endings normalised to \n, leading and
     * trailing blank lines removed; "" for a null body.
     */
    public static String newText(String body) {
        if (body == null) {
            return "";
        }
        List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> kept = new ArrayList<>();
        for (int i = opening(lines); i < lines.size(); i++) {
            String line = lines.get(i);
            if (ReplyMarkers.isQuote(line)) {
                kept.add(line);
                continue;
            }
            if (ReplyMarkers.endsNewText(lines, i)) {
                break;
            }
            int attribution = Attribution.end(lines, i);
            if (attribution >= 0) {
                if (!introducesInlineAnswers(lines, attribution + 1)) {
                    break;
                }
                i = attribution;
                continue;
            }
            kept.add(line);
        }
        trimEnd(kept);
        return String.join("\n", kept);
    }

    // Where the person's text can start: past blank lines, and past an attribution, a quoted
    // attribution or a forward header that opens the body, each with the quote or headers it introduces.
    private static int opening(List<String> lines) {
        int i = skipBlanks(lines, 0);
        while (i < lines.size()) {
            int attribution = Attribution.end(lines, i);
            if (attribution >= 0) {
                i = skipBlanks(lines, skipQuote(lines, skipBlanks(lines, attribution + 1)));
            } else if (ReplyMarkers.isQuote(lines.get(i)) && quotesAttribution(lines, i)) {
                i = skipBlanks(lines, skipQuote(lines, i));
            } else if (ReplyMarkers.isForwardMarker(lines.get(i))) {
                i = skipBlanks(lines, skipParagraph(lines, i + 1));
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean quotesAttribution(List<String> lines, int i) {
        List<String> inside = new ArrayList<>();
        for (int k = i; k < Math.min(lines.size(), i + 5) && ReplyMarkers.isQuote(lines.get(k)); k++) {
            inside.add(ReplyMarkers.unquoted(lines.get(k)));
        }
        return Attribution.end(inside, 0) >= 0;
    }

    // An attribution in the middle of the text keeps its quote only when the person answers below it.
    private static boolean introducesInlineAnswers(List<String> lines, int from) {
        int k = skipBlanks(lines, from);
        if (k >= lines.size() || !ReplyMarkers.isQuote(lines.get(k))) {
            return false;
        }
        k = skipQuote(lines, k);
        return k < lines.size() && !ReplyMarkers.endsNewText(lines, k) && Attribution.end(lines, k) < 0;
    }

    // Past quoted lines and the blank lines between them.
    private static int skipQuote(List<String> lines, int from) {
        int k = from;
        while (k < lines.size() && (ReplyMarkers.isQuote(lines.get(k)) || lines.get(k).isBlank())) {
            k++;
        }
        return k;
    }

    private static int skipParagraph(List<String> lines, int from) {
        int k = from;
        while (k < lines.size() && !lines.get(k).isBlank()) {
            k++;
        }
        return k;
    }

    private static int skipBlanks(List<String> lines, int from) {
        int k = from;
        while (k < lines.size() && lines.get(k).isBlank()) {
            k++;
        }
        return k;
    }

    // Blank lines, rules and a trailing quote say nothing once the text above them is kept. A body
    // that is nothing but a quote keeps it: that quote is all the message has to say.
    private static void trimEnd(List<String> kept) {
        boolean hasText = kept.stream().anyMatch(l -> !l.isBlank() && !ReplyMarkers.isQuote(l));
        while (!kept.isEmpty()) {
            String last = kept.get(kept.size() - 1);
            if (last.isBlank() || ReplyMarkers.isRule(last) || hasText && ReplyMarkers.isQuote(last)) {
                kept.remove(kept.size() - 1);
            } else {
                break;
            }
        }
    }
}
