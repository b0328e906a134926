package dev.nudge.mail.inbound;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when an absent person is back from an out-of-office text, in English, German,
 * French, Spanish, Dutch and Portuguese.
 *
 * <p>Wording that names the day back ("back on", "de retour le", "regreso el", "retorno
 * em", "ab dem 5. März wieder", "vanaf 5 maart weer") gives that day. Wording that names
 * the last day away ("until", "bis", "jusqu'au", "hasta", "tot en met", "até") gives the
 * day after it: people write the last day they are out, and a follow-up sent on that day
 * would still meet the auto-reply. The first is preferred when a text has both.
 */
public final class ReturnDates {

    private enum Meaning { BACK_ON, BACK_FROM, AWAY_UNTIL }

    private record Cue(Pattern pattern, Meaning meaning) {
    }

    // "ab dem 5. märz wieder": the date comes before the word that says "back".
    private static final Pattern AGAIN_AFTER = Pattern.compile(
            "\\.?[^.;]{0,40}?(?<!\\p{L})(?:wieder|weer|again|back|de retour|de nuevo|de volta|novamente)(?!\\p{L})");

    private static final List<Cue> CUES = List.of(
            cue(Meaning.BACK_ON, "(?:back|return|returning|returns|available again)(?:\\s+(?:in|to|at)\\s+(?:the\\s+)?"
                    + "(?:office|work|my desk))?(?:\\s+(?:on|by|from))?"),
            cue(Meaning.BACK_ON, "(?:zurück|wieder\\s+(?:im\\s+büro|erreichbar|da|im\\s+haus|im\\s+dienst))"
                    + "(?:\\s+(?:am|ab))?"),
            cue(Meaning.BACK_ON, "(?:de\\s+retour|retour|je\\s+reviendrai)(?:\\s+au\\s+bureau)?"
                    + "(?:\\s+(?:le|à\\s+partir\\s+du))?"),
            cue(Meaning.BACK_ON, "(?:regreso|regresaré|regresare|de\\s+vuelta|vuelvo|volveré|volvere)"
                    + "(?:\\s+(?:a\\s+la\\s+oficina))?(?:\\s+(?:el|a\\s+partir\\s+del))?"),
            cue(Meaning.BACK_ON, "(?:terug|weer\\s+(?:aanwezig|op\\s+kantoor|bereikbaar))(?:\\s+(?:op|vanaf|per))?"),
            cue(Meaning.BACK_ON, "(?:retorno|retornarei|regresso|regressarei|volto|estarei\\s+de\\s+volta|de\\s+volta)"
                    + "(?:\\s+(?:em|no\\s+dia|a|dia))?"),
            cue(Meaning.BACK_FROM,
                    "(?:ab|vanaf|from|à\\s+partir\\s+du|a\\s+partir\\s+del?|dès\\s+le|desde\\s+el|am)"),
            cue(Meaning.AWAY_UNTIL, "(?:until|till|til|through|thru|up\\s+to\\s+and\\s+including)"),
            cue(Meaning.AWAY_UNTIL, "bis(?:\\s+(?:einschließlich|einschl\\.|inklusive|inkl\\.|zum|am))?"),
            cue(Meaning.AWAY_UNTIL, "jusqu'(?:au|à|a)"),
            cue(Meaning.AWAY_UNTIL, "hasta(?:\\s+el)?"),
            cue(Meaning.AWAY_UNTIL, "(?:tot\\s+en\\s+met|t/m|tot)"),
            cue(Meaning.AWAY_UNTIL, "(?:até|ate)(?:\\s+(?:o\\s+dia|ao\\s+dia|dia))?"));

    private ReturnDates() {
    }

    /**
     * The first day the writer of an out-of-office text is back, if the text says.
     *
     * @param text      subject and body of the auto-reply
     * @param reference the day the auto-reply was written (its Date header); resolves missing years
     *                  to the next such date on or after it. Without it nothing is read.
     */
    public static Optional<LocalDate> find(String text, LocalDate reference) {
        if (text == null || reference == null) {
            return Optional.empty();
        }
        String t = normalize(text);
        for (Meaning meaning : Meaning.values()) {
            for (Cue cue : CUES) {
                if (cue.meaning() == meaning) {
                    Optional<LocalDate> found = scan(cue, t, reference);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> scan(Cue cue, String text, LocalDate reference) {
        Matcher m = cue.pattern().matcher(text);
        // A text saying "until the 4th" on the 4th means back on the 5th, so the day away may be the reference itself.
        LocalDate earliest = cue.meaning() == Meaning.AWAY_UNTIL ? reference.minusDays(1) : reference;
        while (m.find()) {
            Optional<LooseDates.Found> found = LooseDates.at(text, m.end(), earliest);
            if (found.isPresent() && (cue.meaning() != Meaning.BACK_FROM || againFollows(text, found.get().end()))) {
                LocalDate date = found.get().date();
                return Optional.of(cue.meaning() == Meaning.AWAY_UNTIL ? date.plusDays(1) : date);
            }
        }
        return Optional.empty();
    }

    private static boolean againFollows(String text, int from) {
        return AGAIN_AFTER.matcher(text).region(from, text.length()).useTransparentBounds(true).lookingAt();
    }

    private static Cue cue(Meaning meaning, String words) {
        return new Cue(Pattern.compile("(?<!\\p{L})(?:" + words + ")(?!\\p{L})\\s*(?=[\\p{L}\\d])"), meaning);
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u00a0', ' ').replaceAll("[ \\t\\r\\n]+", " ");
    }
}
