package dev.nudge.template;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

// Turns FreeMarker's multi-paragraph error messages into one-line problems
// located in the file where they happened (which may be an included file).
final class FreemarkerErrors {

    private static final int MAX_MESSAGE_LENGTH = 200;
    private static final String NESTED_MESSAGE = "---begin-message---";
    private static final String SEE_CAUSE = "; see cause exception";

    private FreemarkerErrors() {
    }

    static TemplateProblem problem(ParseException e, String renderedFile) {
        String file = e.getTemplateName() != null ? e.getTemplateName() : renderedFile;
        return new TemplateProblem(file, atLeastOne(e.getLineNumber()), atLeastOne(e.getColumnNumber()),
                summary(e.getEditorMessage()));
    }

    static TemplateProblem problem(TemplateException e, String renderedFile) {
        String file = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : renderedFile;
        return new TemplateProblem(file, atLeastOne(e.getLineNumber()), atLeastOne(e.getColumnNumber()),
                message(e));
    }

    // A missing value is the most common mistake by far; say how to make it optional.
    private static String message(TemplateException e) {
        String blamed = e.getBlamedExpressionString();
        if (e instanceof InvalidReferenceException && blamed != null) {
            return shorten(blamed + " is missing; if it is optional, give a default: " + blamed + "!\"...\"");
        }
        String summary = summary(e.getMessageWithoutStackTop());
        Throwable cause = e.getCause();
        if (summary.endsWith(SEE_CAUSE) && cause != null) {
            String withoutPointer = summary.substring(0, summary.length() - SEE_CAUSE.length());
            return shorten(withoutPointer + ": " + summary(cause.getMessage()));
        }
        return summary;
    }

    // The first meaningful line. FreeMarker often ends its first line with ':' and
    // puts the interesting part (the blamed expression, the cause) on the next one.
    static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "template error";
        }
        // ?eval and ?interpret wrap the real error in a garbled outer message.
        int nested = message.indexOf(NESTED_MESSAGE);
        if (nested >= 0) {
            return summary(message.substring(nested + NESTED_MESSAGE.length()));
        }
        String[] lines = message.strip().split("\\R");
        String summary = lines[0].strip();
        String next = nextContentLine(lines);
        if (summary.endsWith(":") && next != null) {
            summary = summary + " " + next;
        }
        return shorten(summary);
    }

    private static String nextContentLine(String[] lines) {
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("---")) {
                return null;
            }
            if (!line.isEmpty()) {
                return withoutLocation(line.startsWith("==>") ? line.substring(3).strip() : line);
            }
        }
        return null;
    }

    // The location is already in file:line:column; drop FreeMarker's repetition of it.
    private static String withoutLocation(String line) {
        int at = line.indexOf("[in template ");
        return at > 0 ? line.substring(0, at).strip() : line;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
    }

    private static int atLeastOne(Integer number) {
        return number == null || number < 1 ? 1 : number;
    }
}
