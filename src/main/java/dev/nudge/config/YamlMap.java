package dev.nudge.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One section of a YAML file, read key by key. Problems go to a shared list instead of being
 * thrown, so a whole file (or several) is checked in one pass. Every key asked for becomes an
 * allowed key; {@link #rejectUnknownKeys()} then reports the rest, with a suggestion when a key
 * is a near miss.
 *
 * <p>Outside lists, a scalar can be overridden from the environment: {@code NUDGE_} plus the key
 * path upper-cased, with {@code .} and {@code -} as {@code _} ({@code web.port} is
 * {@code NUDGE_WEB_PORT}). The override is parsed like the file value and problems with it name
 * the variable.
 */
public final class YamlMap {

    private static final String ENV_PREFIX = "NUDGE_";

    private final String source;
    private final String path;
    private final Map<String, Object> values;
    /** Null where overrides do not reach (list elements, files without overrides). */
    private final Map<String, String> env;
    private final List<ConfigProblem> problems;
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Set<String> handled = new LinkedHashSet<>();
    private final List<YamlMap> children = new ArrayList<>();

    private YamlMap(String source, String path, Map<String, Object> values,
                    Map<String, String> env, List<ConfigProblem> problems) {
        this.source = source;
        this.path = path;
        this.values = values;
        this.env = env;
        this.problems = problems;
    }

    /**
     * Reads a YAML file. Problems reading or parsing it are added to {@code problems} and the
     * result is empty, so callers do not pile "is required" problems onto a broken file.
     *
     * @param env environment for {@code NUDGE_...} overrides, or null for none
     */
    public static Optional<YamlMap> read(Path file, Map<String, String> env, List<ConfigProblem> problems) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            problems.add(new ConfigProblem(source, "", "is not valid UTF-8; save it as UTF-8"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new ConfigProblem(source, "", "cannot be read: " + e));
            return Optional.empty();
        }
        return parse(source, text, env, problems);
    }

    /** Like {@link #read}, from text already in hand; {@code source} names it in problems. */
    public static Optional<YamlMap> parse(String source, String text, Map<String, String> env,
                                          List<ConfigProblem> problems) {
        Optional<Object> document = YamlDocument.load(source, text, problems);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Object content = document.get();
        if (content == YamlDocument.EMPTY) {
            return Optional.of(new YamlMap(source, "", new LinkedHashMap<>(), env, problems));
        }
        if (!(content instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(source, "",
                    "must be a section of keys (key: value lines), got " + ValueType.shown(content)));
            return Optional.empty();
        }
        return Optional.of(new YamlMap(source, "", stringKeys(map), env, problems));
    }

    /** The value under {@code key}, if present and valid; a problem is recorded when invalid. */
    public <T> Optional<T> optional(String key, ValueType<T> type) {
        allowed.add(key);
        String envName = envName(key);
        if (envName != null) {
            return parse(envName, key, env.get(envName), type);
        }
        Object raw = values.get(key);
        return raw == null ? Optional.empty() : parse(source, key, raw, type);
    }

    /** The value under {@code key}, or {@code fallback} when absent (or invalid, with a problem). */
    public <T> T get(String key, ValueType<T> type, T fallback) {
        return optional(key, type).orElse(fallback);
    }

    /**
     * The value under {@code key}; when absent, records "is required: {@code what}".
     *
     * @param what what belongs there, with an example
     */
    public <T> Optional<T> required(String key, ValueType<T> type, String what) {
        boolean present = values.get(key) != null || envName(key) != null;
        Optional<T> value = optional(key, type);
        if (!present) {
            problem(key, "is required: " + what);
        }
        return value;
    }

    /** Whether {@code key} is set in the file; it counts as allowed. */
    public boolean has(String key) {
        allowed.add(key);
        return values.get(key) != null;
    }

    /** The section under {@code key}; an empty one when absent or not a section (with a problem). */
    public YamlMap section(String key) {
        allowed.add(key);
        Object raw = values.get(key);
        Map<String, Object> content = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            content = stringKeys(map);
        } else if (raw != null) {
            problem(key, "must be a section of keys, got " + ValueType.shown(raw));
        }
        return child(keyPath(key), content, env);
    }

    /** The sections listed under {@code key}; overrides do not reach into them. */
    public List<YamlMap> sections(String key) {
        List<YamlMap> result = new ArrayList<>();
        for (IndexedValue item : list(key)) {
            if (item.value() instanceof Map<?, ?> map) {
                result.add(child(item.path(), stringKeys(map), null));
            } else {
                problems.add(new ConfigProblem(source, item.path(),
                        "must be a section of keys, got " + ValueType.shown(item.value())));
            }
        }
        return result;
    }

    /** The scalars listed under {@code key}, or {@code fallback} when absent. */
    public <T> List<T> scalars(String key, ValueType<T> type, List<T> fallback) {
        if (!has(key)) {
            return fallback;
        }
        List<IndexedValue> items = list(key);
        if (!(values.get(key) instanceof List)) {
            return fallback; // the problem is recorded; one is enough
        }
        List<T> result = new ArrayList<>();
        for (IndexedValue item : items) {
            try {
                result.add(type.parse(item.value()));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(source, item.path(), e.getMessage()));
            }
        }
        return result;
    }

    /** Records a problem when {@code key} is present: for keys that must never be used. */
    public void forbid(String key, String message) {
        handled.add(key);
        if (values.containsKey(key)) {
            problem(key, message);
        }
    }

    /** Records a problem with {@code key} of this section, in the file. */
    public void problem(String key, String message) {
        problems.add(new ConfigProblem(source, keyPath(key), message));
    }

    /** The full path of {@code key}, e.g. {@code mailboxes[0].smtp.port}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports keys nobody asked for, here and in every section read from here. */
    public void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!allowed.contains(key) && !handled.contains(key)) {
                problem(key, unknownKeyMessage(key));
            }
        }
        children.forEach(YamlMap::rejectUnknownKeys);
    }

    private String unknownKeyMessage(String key) {
        String message = "unknown key '" + key + "'";
        Optional<String> closest = KeySuggestion.closest(key, allowed);
        if (closest.isPresent()) {
            message += " (did you mean '" + closest.get() + "'?)";
        }
        return message + "; allowed: " + String.join(", ", allowed);
    }

    private <T> Optional<T> parse(String from, String key, Object raw, ValueType<T> type) {
        try {
            return Optional.of(type.parse(raw));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(from, keyPath(key), e.getMessage()));
            return Optional.empty();
        }
    }

    /** The override variable for {@code key} when one is set, else null. */
    private String envName(String key) {
        if (env == null) {
            return null;
        }
        String name = ENV_PREFIX + keyPath(key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return env.containsKey(name) ? name : null;
    }

    private List<IndexedValue> list(String key) {
        allowed.add(key);
        Object raw = values.get(key);
        List<IndexedValue> result = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                result.add(new IndexedValue(keyPath(key) + "[" + i + "]", list.get(i)));
            }
        } else if (raw != null) {
            problem(key, "must be a list, got " + ValueType.shown(raw));
        }
        return result;
    }

    private YamlMap child(String childPath, Map<String, Object> content, Map<String, String> childEnv) {
        YamlMap child = new YamlMap(source, childPath, content, childEnv, problems);
        children.add(child);
        return child;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    /** A list element with its path, e.g. {@code mailboxes[1]}. */
    private record IndexedValue(String path, Object value) {
    }
}
