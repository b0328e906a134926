package dev.nudge.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration, precise enough to fix without guessing.
 *
 * @param source  where the value came from: a file path, or the environment variable that
 *                overrode it
 * @param key     the key path, e.g. {@code mailboxes[0].smtp.port}; empty for a problem with
 *                the whole source, such as a YAML syntax error
 * @param message what is wrong and how to fix it
 */
public record ConfigProblem(String source, String key, String message) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** {@code config/nudge.yaml: mailboxes[0].smtp.port: must be a whole number ...}. */
    @Override
    public String toString() {
        return key.isEmpty() ? source + ": " + message : source + ": " + key + ": " + message;
    }
}
