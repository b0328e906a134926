package dev.nudge.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one scalar of a config file is read. Raw values are strings, booleans or null as
 * {@link YamlMap} hands them over (an environment override is always a string), so every type
 * parses text rather than trusting what YAML guessed.
 *
 * @param <T> the value read
 */
@FunctionalInterface
public interface ValueType<T> {

    /**
     * @param raw a non-null scalar, map or list as it came from YAML or the environment
     * @throws IllegalArgumentException whose message says what was expected and what was given,
     *                                  ready to be shown after the key
     */
    T parse(Object raw);

    /** Any scalar, as text. */
    static ValueType<String> text() {
        return raw -> {
            if (raw instanceof String || raw instanceof Boolean) {
                return raw.toString();
            }
            throw mismatch("text", raw);
        };
    }

    /** Text matching the whole of {@code pattern}; {@code expected} describes it to the user. */
    static ValueType<String> matching(String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return raw -> {
            String text = text().parse(raw);
            if (!pattern.matcher(text).matches()) {
                throw mismatch(expected, raw);
            }
            return text;
        };
    }

    /** A decimal whole number within {@code min..max}. */
    static ValueType<Integer> wholeNumber(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        return raw -> {
            String text = raw instanceof String s ? s.trim() : "";
            // Up to ten digits fits a long, so out-of-range values get the range message too.
            if (!text.matches("[+-]?\\d{1,10}")) {
                throw mismatch(expected, raw);
            }
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw mismatch(expected, raw);
            }
            return (int) value;
        };
    }

    /** {@code true} or {@code false}; YAML 1.1's yes/no/on/off are refused as too easy to misread. */
    static ValueType<Boolean> bool() {
        return raw -> {
            if (raw instanceof Boolean b) {
                return b;
            }
            String text = raw instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            throw mismatch("true or false", raw);
        };
    }

    /** One of the enum's constants, case-insensitive. */
    static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toList());
        return raw -> {
            String text = raw instanceof String s ? s.trim().toUpperCase(Locale.ROOT) : "";
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            throw mismatch("one of " + String.join(", ", names), raw);
        };
    }

    /**
     * A positive duration: ISO-8601 ({@code PT30S}, {@code PT1M}, {@code P1D}) or a short form
     * ({@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}).
     */
    static ValueType<Duration> duration() {
        Pattern shortForm = Pattern.compile("(\\d{1,9})\\s*([smhd])");
        String expected = "a duration above zero like 30s, 5m, 1h, 2d or ISO-8601 like PT30S";
        return raw -> {
            String text = raw instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            Duration value;
            Matcher m = shortForm.matcher(text);
            try {
                value = m.matches() ? shortDuration(Long.parseLong(m.group(1)), m.group(2))
                        : Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                throw mismatch(expected, raw);
            }
            if (value.isNegative() || value.isZero()) {
                throw mismatch(expected, raw);
            }
            return value;
        };
    }

    private static Duration shortDuration(long amount, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** An IANA time zone such as {@code Europe/Berlin}. */
    static ValueType<ZoneId> zone() {
        return raw -> {
            String text = text().parse(raw).trim();
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw mismatch("an IANA time zone like Europe/Berlin or America/New_York", raw);
            }
        };
    }

    /** A non-empty file system path, kept relative when given relative. */
    static ValueType<Path> path() {
        return raw -> {
            String text = text().parse(raw);
            try {
                if (!text.isBlank()) {
                    return Path.of(text);
                }
            } catch (InvalidPathException e) {
                // reported below like an empty path
            }
            throw mismatch("a directory path", raw);
        };
    }

    /** The standard "must be X, got Y" failure. */
    static IllegalArgumentException mismatch(String expected, Object raw) {
        return new IllegalArgumentException("must be " + expected + ", got " + shown(raw));
    }

    /** A given value as the user would recognise it: text quoted, collections by their kind. */
    static String shown(Object raw) {
        if (raw instanceof Map) {
            return "a section of keys";
        }
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof String s) {
            String shortened = s.length() > 60 ? s.substring(0, 57) + "..." : s;
            return '"' + shortened.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
        }
        return String.valueOf(raw);
    }
}
