package dev.nudge.sequence;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a step is due, counted from enrollment. Days, weeks, months and years are calendar
 * amounts ({@code period}: "day 2" keeps the time of day across a DST change, "month 1" after
 * 31 January is the end of February); hours and minutes are elapsed time ({@code duration}).
 *
 * @param text what the user wrote, kept for display
 */
public record StepOffset(Period period, Duration duration, String text) {

    private static final String UNIT = "(minute|hour|day|week|month|year)s?";
    private static final Pattern NUMBER_FIRST = Pattern.compile("(\\d{1,5})\\s*" + UNIT);
    private static final Pattern UNIT_FIRST = Pattern.compile(UNIT + "\\s*(\\d{1,5})");
    /** Far enough for any follow-up; further out, calendar math could overflow. */
    private static final Duration LONGEST = Duration.ofDays(100 * 365);
    private static final String ACCEPTED = "a step offset like \"day 2\", \"2 days\", \"week 1\", "
            + "\"1 week\", \"month 1\", \"hour 4\", \"minute 30\" or ISO-8601 like \"P2D\", \"PT4H\", "
            + "\"P1M\", \"P1W\", \"P1DT12H\"";

    public StepOffset {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses "day 2", "days 2", "2 days", "week 1", "1 week", "month 1", "hour 4", "minute 30",
     * and ISO-8601 ("P2D", "PT4H", "P1M", "P1W", "P1DT12H"). Must be > 0.
     *
     * @throws IllegalArgumentException with a message listing the accepted forms
     */
    public static StepOffset parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        StepOffset offset = words(trimmed);
        if (offset == null) {
            offset = iso(trimmed);
        }
        if (offset == null) {
            throw new IllegalArgumentException("must be " + ACCEPTED + ", got " + quoted(text));
        }
        Duration length = offset.approximate();
        if (offset.period.isNegative() || offset.duration.isNegative() || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("must be later than enrollment (above zero), got " + quoted(text));
        }
        if (length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("must be at most 100 years, got " + quoted(text));
        }
        return offset;
    }

    /** base + period + duration, calendar math in zone (month 1 after Jan 31 = Feb 28/29). */
    public Instant after(Instant base, ZoneId zone) {
        return base.atZone(zone).plus(period).toInstant().plus(duration);
    }

    /** Approximate length (month = 30 days, year = 365 days): for ordering and sandbox time scaling. */
    public Duration approximate() {
        long days = period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
        return Duration.ofDays(days).plus(duration);
    }

    @Override
    public String toString() {
        return text;
    }

    private static StepOffset words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = NUMBER_FIRST.matcher(lower);
        if (m.matches()) {
            return ofUnit(Integer.parseInt(m.group(1)), m.group(2), text);
        }
        m = UNIT_FIRST.matcher(lower);
        if (m.matches()) {
            return ofUnit(Integer.parseInt(m.group(2)), m.group(1), text);
        }
        return null;
    }

    private static StepOffset ofUnit(int amount, String unit, String text) {
        return switch (unit) {
            case "minute" -> new StepOffset(Period.ZERO, Duration.ofMinutes(amount), text);
            case "hour" -> new StepOffset(Period.ZERO, Duration.ofHours(amount), text);
            case "day" -> new StepOffset(Period.ofDays(amount), Duration.ZERO, text);
            case "week" -> new StepOffset(Period.ofWeeks(amount), Duration.ZERO, text);
            case "month" -> new StepOffset(Period.ofMonths(amount), Duration.ZERO, text);
            default -> new StepOffset(Period.ofYears(amount), Duration.ZERO, text);
        };
    }

    /** ISO-8601: the date part is a Period, the part after T a Duration ("P1DT12H"). */
    private static StepOffset iso(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("P") || upper.endsWith("T") || upper.equals("P")) {
            return null;
        }
        int t = upper.indexOf('T');
        String datePart = t < 0 ? upper : upper.substring(0, t);
        try {
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration duration = t < 0 ? Duration.ZERO : Duration.parse("PT" + upper.substring(t + 1));
            return new StepOffset(period, duration, text);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : '"' + text + '"';
    }
}
