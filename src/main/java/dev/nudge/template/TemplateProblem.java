package dev.nudge.template;

import java.util.Objects;

/**
 * One thing wrong with a template, located the way editors and compilers do.
 *
 * @param file    the file relative to the templates directory, e.g. {@code follow-up/1-thanks.ftl}
 * @param line    1-based line in that file
 * @param column  1-based column in that file
 * @param message one short line saying what is wrong
 */
public record TemplateProblem(String file, int line, int column, String message) {

    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** Formats as {@code file:line:column: message}, which editors can jump to. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
