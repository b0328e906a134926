package dev.nudge.mail.inbound;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines where the new text of a reply ends: signature
 * delimiters, "Sent from my iPhone" sign-offs, "Original Message" and forward
 * markers, and the "From: / Sent: / To:" block Outlook puts above a quoted
 * message. Clients localise all of these, so each pattern lists the languages
 * seen in real mail.
 */
final class ReplyMarkers {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    // "> text", and the "Name> text" prefixes of Supercite-style readers.
    private static final Pattern QUOTE = Pattern.compile("^[ \\t]*(\\p{Alpha}{1,10})?>");

    // Outlook's rule is a row of underscores; Gmail add-ons sign with a lone U+1427.
    private static final Pattern SEPARATOR = Pattern.compile("^[ \\t]*(_{5,}|\u1427)[ \\t]*$");

    private static final Pattern RULE = Pattern.compile("^[ \\t]*([-_=*~+]{3,}|\u1427)[ \\t]*$");

    // "-----Original Message-----", "---------- Forwarded message ---------", "-----Ursprüngliche Nachricht-----".
    private static final Pattern DASHED_LABEL = Pattern.compile(
            "^[ \\t]*\\*?[ \\t]*-{2,}[ \\t]*(\\p{L}[\\p{L}'’ .]{2,50})[ \\t]*-{2,}[ \\t]*\\*?[ \\t]*$", FLAGS);

    // Apple Mail's forward header, which has no dashes.
    private static final Pattern APPLE_FORWARD = Pattern.compile("^[ \\t]*(begin forwarded message"
            + "|anfang der weitergeleiteten nachricht|début du message (réexpédié|transféré)"
            + "|inicio del mensaje reenviado|begin doorgestuurd bericht|início da mensagem (re)?encaminhada"
            + "|inizio messaggio inoltrato)[ \\t]*:?[ \\t]*$", FLAGS);

    private static final Pattern FORWARD_WORD = Pattern.compile("forward|weitergeleitet|transf[ée]r|réexpédi"
            + "|reenviad|doorgestuurd|encaminhad|inoltrat|vidarebefordrat|videresend|przekazan|пересл", FLAGS);

    private static final String FROM_KEYS = "from|von|de|da|van|från|fra|od|от|від|lähettäjä|feladó|kimden"
            + "|expéditeur|发件人|寄件者|差出人";
    private static final String OTHER_KEYS = "sent|date|to|subject|cc|bcc|reply-to|gesendet|datum|an|betreff"
            + "|kopie|antwort an|enviado|enviada|fecha|para|asunto|envoyé|à|objet|inviato|data|a|oggetto"
            + "|risposta|verzonden|aan|onderwerp|skickat|till|ämne|sendt|til|emne|assunto|wysłano|do|temat"
            + "|отправлено|дата|кому|тема|надіслано|发送时间|發送時間|收件人|主题|主旨|日期|送信日時|宛先|件名";
    // Outlook's HTML-to-text turns the bold keys into "*From:*".
    private static final Pattern FROM_HEADER = headerLine(FROM_KEYS);
    private static final Pattern OTHER_HEADER = headerLine(OTHER_KEYS);

    private static final Pattern SIGN_OFF = Pattern.compile("^[ \\t(<\\[]*("
            + "get (outlook|the [\\p{L} ]{1,20} app) for"
            + "|envoy[ée] (de|depuis|avec|à partir de) "
            + "|(von|mit) meine[mr]? .{1,40}gesendet|gesendet (von|mit|vom) "
            + "|diese nachricht wurde (von|mit) .{1,60}gesendet"
            + "|enviad[oa] (desde|do|de|con|com|a partir) |inviato (da|dal|con) "
            + "|verzonden (met|vanaf|van|via|op) |verstuurd (vanaf|met|via) "
            + "|sendt fra |skickat från |lähetetty |wysłane z |отправлено (с|из) |надіслано з "
            + "|(发自|来自|從|寄自)我的|\\S{0,20}から送信)", FLAGS);

    // English sign-offs start with an ordinary verb, so they also need "from my" or a device or app to
    // count: "Sent by courier this morning" is news, not a sign-off.
    private static final Pattern SENT_FROM = Pattern.compile("^[ \\t(<\\[]*sent (from|with|via|using|by|on) ", FLAGS);
    private static final Pattern SENT_FROM_MY = Pattern.compile("^[ \\t(<\\[]*sent from my ", FLAGS);
    private static final Pattern DEVICE = Pattern.compile("\\b(iphone|ipad|ipod|android|mobile|phone|cell"
            + "|device|tablet|blackberry|galaxy|samsung|outlook|gmail|yahoo|aol|mail|mailbox|airmail|spark"
            + "|proton\\w*|windows|superhuman)\\b", FLAGS);

    private static final int SIGN_OFF_MAX_CHARS = 120;

    private ReplyMarkers() {
    }

    private static Pattern headerLine(String keys) {
        return Pattern.compile("^[ \\t]*\\*{0,2}(" + keys + ")\\*{0,2}[ \\t]*[:：]", FLAGS);
    }

    static boolean isQuote(String line) {
        return QUOTE.matcher(line).find();
    }

    /** The line without its quote prefixes, e.g. "On ... wrote:" for "> > On ... wrote:". */
    static String unquoted(String line) {
        // A loop, not a repeated regex group: Java's regex recursion overflows on a long run of '>'.
        int k = 0;
        while (true) {
            Matcher quote = QUOTE.matcher(line).region(k, line.length());
            if (!quote.lookingAt()) {
                return line.substring(k).strip();
            }
            k = quote.end();
        }
    }

    /** Whether this line starts something that is not the person's new text. */
    static boolean endsNewText(List<String> lines, int i) {
        String line = lines.get(i);
        return isSignatureDelimiter(line) || SEPARATOR.matcher(line).matches() || isMessageMarker(line)
                || isSignOff(line) || startsHeaderBlock(lines, i);
    }

    // "-- " is the standard delimiter (RFC 3676); many clients drop its space.
    static boolean isSignatureDelimiter(String line) {
        return line.stripTrailing().equals("--");
    }

    /** A decorative line that says nothing when it is all that is left at the end. */
    static boolean isRule(String line) {
        return RULE.matcher(line).matches();
    }

    static boolean isMessageMarker(String line) {
        return DASHED_LABEL.matcher(line).matches() || APPLE_FORWARD.matcher(line).matches();
    }

    static boolean isForwardMarker(String line) {
        return isMessageMarker(line) && FORWARD_WORD.matcher(line).find();
    }

    static boolean isSignOff(String line) {
        String s = line.strip();
        if (s.length() > SIGN_OFF_MAX_CHARS) {
            return false;
        }
        return SIGN_OFF.matcher(s).find() || SENT_FROM_MY.matcher(s).find()
                || SENT_FROM.matcher(s).find() && DEVICE.matcher(s).find();
    }

    /** "From: ..." followed, before the next blank line, by another header such as "Sent:" or "To:". */
    static boolean startsHeaderBlock(List<String> lines, int i) {
        if (!FROM_HEADER.matcher(lines.get(i)).find()) {
            return false;
        }
        for (int k = i + 1; k < Math.min(lines.size(), i + 6) && !lines.get(k).isBlank(); k++) {
            if (OTHER_HEADER.matcher(lines.get(k)).find()) {
                return true;
            }
        }
        return false;
    }
}
