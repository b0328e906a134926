package dev.nudge.mail.inbound;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date written at a given place in lower-case text, the way people write
 * them in out-of-office notes: "monday, 2 march", "5. märz 2026", "5 de marzo",
 * "march 5th", "4.3.2026", "03/02/2026", "the 5th", "friday". Missing years and whole
 * dates are resolved to the first such day not before {@code earliest}.
 *
 * <p>Numbers separated by dots are day first. With slashes or dashes both readings are
 * tried (03/02 is 3 February in Europe, March 2 in the US) and the earliest one not in
 * the past wins: an absence note names a day soon after it was written.
 */
final class LooseDates {

    // A date found, and where its text ends.
    record Found(LocalDate date, int end) {
    }

    private static final String FILLER = "(?:(?:the|on|dem|den|am|le|el|o|na|no|ao|dia|de|del|em|op)\\s+)*";
    private static final Pattern LEAD = Pattern.compile(FILLER + "(?:(?<weekday>" + DateWords.WEEKDAY + ")\\.?,?\\s*"
            + FILLER + ")?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/-])");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\\.?(?:\\s+de)?\\s+("
            + DateWords.MONTH + ")\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("(" + DateWords.MONTH
            + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)(?!\\p{L})");
    private static final int MAX_DAYS_AHEAD = 400;

    private LooseDates() {
    }

    static Optional<Found> at(String text, int from, LocalDate earliest) {
        Matcher lead = LEAD.matcher(text).region(from, text.length()).useTransparentBounds(true);
        lead.lookingAt();
        int p = lead.end();
        Optional<Found> date = iso(text, p, earliest)
                .or(() -> dayMonth(text, p, earliest))
                .or(() -> monthDay(text, p, earliest))
                .or(() -> numeric(text, p, earliest))
                .or(() -> ordinal(text, p, earliest));
        if (date.isPresent() || lead.group("weekday") == null) {
            return date.filter(f -> !f.date().isAfter(earliest.plusDays(MAX_DAYS_AHEAD)));
        }
        DayOfWeek day = DateWords.WEEKDAYS.get(lead.group("weekday").replace(".", ""));
        return Optional.of(new Found(earliest.with(TemporalAdjusters.next(day)), lead.end()));
    }

    private static Matcher match(Pattern pattern, String text, int from) {
        Matcher m = pattern.matcher(text).region(from, text.length()).useTransparentBounds(true);
        return m.lookingAt() ? m : null;
    }

    private static Optional<Found> iso(String text, int from, LocalDate earliest) {
        Matcher m = match(ISO, text, from);
        return m == null
                ? Optional.empty()
                : resolve(num(m, 1), num(m, 2), num(m, 3), earliest).map(d -> new Found(d, m.end()));
    }

    private static Optional<Found> dayMonth(String text, int from, LocalDate earliest) {
        Matcher m = match(DAY_MONTH, text, from);
        if (m == null) {
            return Optional.empty();
        }
        int month = DateWords.MONTHS.get(m.group(2));
        return resolve(year(m.group(3)), month, num(m, 1), earliest).map(d -> new Found(d, m.end()));
    }

    private static Optional<Found> monthDay(String text, int from, LocalDate earliest) {
        Matcher m = match(MONTH_DAY, text, from);
        if (m == null) {
            return Optional.empty();
        }
        int month = DateWords.MONTHS.get(m.group(1));
        return resolve(year(m.group(3)), month, num(m, 2), earliest).map(d -> new Found(d, m.end()));
    }

    private static Optional<Found> numeric(String text, int from, LocalDate earliest) {
        Matcher m = match(NUMERIC, text, from);
        if (m == null) {
            return Optional.empty();
        }
        int first = num(m, 1);
        int second = num(m, 3);
        int year = year(m.group(4));
        List<LocalDate> readings = new ArrayList<>();
        resolve(year, second, first, earliest).ifPresent(readings::add);
        if (!m.group(2).equals(".")) {
            resolve(year, first, second, earliest).ifPresent(readings::add);
        }
        return readings.stream().min(Comparator.naturalOrder()).map(d -> new Found(d, m.end()));
    }

    private static Optional<Found> ordinal(String text, int from, LocalDate earliest) {
        Matcher m = match(ORDINAL, text, from);
        if (m == null) {
            return Optional.empty();
        }
        int day = num(m, 1);
        LocalDate month = earliest.withDayOfMonth(1);
        for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
            if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(earliest)) {
                return Optional.of(new Found(month.withDayOfMonth(day), m.end()));
            }
        }
        return Optional.empty();
    }

    // A date with a year must not be in the past; without one it is the next such day.
    private static Optional<LocalDate> resolve(int year, int month, int day, LocalDate earliest) {
        try {
            if (year > 0) {
                LocalDate date = LocalDate.of(year, month, day);
                return date.isBefore(earliest) ? Optional.empty() : Optional.of(date);
            }
            for (int y = earliest.getYear(); y <= earliest.getYear() + 4; y++) {
                if (day <= java.time.YearMonth.of(y, month).lengthOfMonth()) {
                    LocalDate date = LocalDate.of(y, month, day);
                    if (!date.isBefore(earliest)) {
                        return Optional.of(date);
                    }
                }
            }
        } catch (DateTimeException impossible) {
            // Month 13, day 0 and the like: not a date.
        }
        return Optional.empty();
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int year(String text) {
        if (text == null) {
            return 0;
        }
        int year = Integer.parseInt(text);
        return year < 100 ? 2000 + year : year;
    }
}
