package dev.nudge.mail.inbound;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Month and weekday names in English, German, French, Spanish, Dutch and Portuguese, lower case. */
final class DateWords {

    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("januar", 1), Map.entry("jänner", 1),
            Map.entry("janvier", 1), Map.entry("enero", 1), Map.entry("januari", 1), Map.entry("janeiro", 1),
            Map.entry("february", 2), Map.entry("feb", 2), Map.entry("februar", 2), Map.entry("février", 2),
            Map.entry("fevrier", 2), Map.entry("febrero", 2), Map.entry("februari", 2), Map.entry("fevereiro", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("märz", 3), Map.entry("maerz", 3),
            Map.entry("mars", 3), Map.entry("marzo", 3), Map.entry("maart", 3), Map.entry("março", 3),
            Map.entry("marco", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("avril", 4), Map.entry("abril", 4),
            Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mayo", 5), Map.entry("mei", 5), Map.entry("maio", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juni", 6), Map.entry("juin", 6),
            Map.entry("junio", 6), Map.entry("junho", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("juli", 7), Map.entry("juillet", 7),
            Map.entry("julio", 7), Map.entry("julho", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("août", 8), Map.entry("aout", 8),
            Map.entry("agosto", 8), Map.entry("augustus", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("septembre", 9),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("setembro", 9),
            Map.entry("october", 10), Map.entry("oct", 10), Map.entry("oktober", 10), Map.entry("okt", 10),
            Map.entry("octobre", 10), Map.entry("octubre", 10), Map.entry("outubro", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("novembre", 11), Map.entry("noviembre", 11),
            Map.entry("novembro", 11),
            Map.entry("december", 12), Map.entry("dec", 12), Map.entry("dezember", 12), Map.entry("dez", 12),
            Map.entry("décembre", 12), Map.entry("decembre", 12), Map.entry("diciembre", 12),
            Map.entry("dezembro", 12));

    static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("montag", DayOfWeek.MONDAY),
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("maandag", DayOfWeek.MONDAY), Map.entry("segunda-feira", DayOfWeek.MONDAY),
            Map.entry("segunda", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("dinsdag", DayOfWeek.TUESDAY), Map.entry("terça-feira", DayOfWeek.TUESDAY),
            Map.entry("terça", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("mittwoch", DayOfWeek.WEDNESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("miércoles", DayOfWeek.WEDNESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("woensdag", DayOfWeek.WEDNESDAY),
            Map.entry("quarta-feira", DayOfWeek.WEDNESDAY), Map.entry("quarta", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("donderdag", DayOfWeek.THURSDAY), Map.entry("quinta-feira", DayOfWeek.THURSDAY),
            Map.entry("quinta", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("freitag", DayOfWeek.FRIDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("vrijdag", DayOfWeek.FRIDAY), Map.entry("sexta-feira", DayOfWeek.FRIDAY),
            Map.entry("sexta", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("sábado", DayOfWeek.SATURDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY), Map.entry("zaterdag", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sonntag", DayOfWeek.SUNDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("domingo", DayOfWeek.SUNDAY),
            Map.entry("zondag", DayOfWeek.SUNDAY));

    static final String MONTH = alternation(MONTHS);
    static final String WEEKDAY = alternation(WEEKDAYS);

    private DateWords() {
    }

    // Longest first, so "märz" wins over "mär" and "september" over "sep"; never inside a longer word.
    private static String alternation(Map<String, ?> words) {
        return words.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?:", ")(?!\\p{L})"));
    }
}
