package dev.nudge.mail.inbound;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Auto-replies: out-of-office notes and other answers a program sends. Known by the
 * headers RFC 3834 and vendors define, or by a subject that starts with what mail
 * clients put there in many languages.
 */
final class AutoReplies {

    // Subject starts (after "[" or "(") or parenthesised remarks, lower case.
    private static final List<String> SUBJECT_MARKERS = List.of(
            "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
            "autoresponse", "automatic response", "auto:", "out of office", "out of the office",
            "abwesenheitsnotiz", "automatische antwort", "automatische abwesenheitsnotiz", "abwesend",
            "réponse automatique", "reponse automatique", "absence", "absent", "message d'absence",
            "respuesta automática", "respuesta automatica", "fuera de la oficina", "fuera de oficina", "ausente",
            "automatisch antwoord", "afwezig", "afwezigheidsbericht",
            "resposta automática", "resposta automatica", "ausência", "fora do escritório",
            "risposta automatica", "fuori sede", "fuori ufficio",
            "autosvar", "automatiskt svar", "automatisk svar", "automaattinen vastaus",
            "autoodpowiedź", "automatyczna odpowiedź", "odpowiedź automatyczna", "automatická odpověď",
            "samodejni odgovor", "otomatik yanıt", "автоответ", "автоматический ответ", "自動応答", "自动答复",
            "自动回复", "自動回覆");

    // Where a reply starts quoting the message it answers.
    private static final Pattern QUOTE_START = Pattern.compile(
            "(?m)^(>|-{2,} ?original message ?-{2,}|on .{1,200} wrote:\\s*$|from: .+$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_HEADER = Pattern.compile(
            "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4}|\\d{2})(?!\\d)");

    private AutoReplies() {
    }

    static Optional<Verdict> detect(MailContent m) {
        InboundEmail h = m.headers();
        List<String> evidence = new ArrayList<>();
        AutomaticMail.autoReplyHeader(h).ifPresent(evidence::add);
        subjectMarker(m.subject()).ifPresent(marker -> evidence.add("subject \"" + m.subject() + "\""));
        if (evidence.isEmpty() && AutomaticMail.nullSender(h)) {
            evidence.add("Return-Path: <> (RFC 3834 responders send from the null sender)");
        }
        if (evidence.isEmpty() && m.repliesInThread() && h.header("List-Id") == null
                && h.header("List-Unsubscribe") == null) {
            // Vacation programs mark their answers so; a person's mail program never does.
            AutomaticMail.precedenceIn(h, "bulk", "junk").ifPresent(p -> evidence.add(p + " on a reply"));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        LocalDate back = ReturnDates.find(m.subject() + "\n" + ownWords(m.text()), sentOn(h.header("Date")))
                .orElse(null);
        String original = h.inReplyTo().isEmpty() ? null : h.inReplyTo().get(0);
        return Optional.of(new Verdict(MessageKind.AUTO_REPLY, null, null, null, back, original,
                String.join("; ", evidence) + (back == null ? "" : "; back on " + back)));
    }

    static Optional<String> subjectMarker(String subject) {
        String s = subject.toLowerCase(Locale.ROOT).strip();
        String start = s.replaceFirst("^[\\[(\\s]+", "");
        for (String marker : SUBJECT_MARKERS) {
            if (start.startsWith(marker) && !Character.isLetter(charAfter(start, marker.length()))
                    || s.contains("(" + marker) || s.contains("[" + marker)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }

    private static char charAfter(String s, int index) {
        return index < s.length() ? s.charAt(index) : ' ';
    }

    // The auto-reply's own words, not the quoted message of ours (whose dates mean nothing here).
    private static String ownWords(String text) {
        Matcher m = QUOTE_START.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    // The calendar day in the sender's own Date header, zone and all, or null.
    static LocalDate sentOn(String dateHeader) {
        if (dateHeader == null) {
            return null;
        }
        Matcher m = DATE_HEADER.matcher(dateHeader.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        Month month = Month.values()[List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                "nov", "dec").indexOf(m.group(2))];
        try {
            return LocalDate.of(year < 100 ? 2000 + year : year, month, Integer.parseInt(m.group(1)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
