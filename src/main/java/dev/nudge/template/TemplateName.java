package dev.nudge.template;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

// A validated template name such as follow-up/1-thanks. Names come from
// sequence definitions, the CLI and the web, so they are treated as hostile until
// they pass: no way out of the templates directory, no surprises for FreeMarker's
// own name handling ('*' acquisition, 'scheme:' prefixes).
record TemplateName(String value) {

    static final String TEXT_EXTENSION = ".ftl";
    static final String HTML_EXTENSION = ".ftlh";

    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}_.-]*");

    TemplateName {
        String problem = problemWith(value);
        if (problem != null) {
            throw new NudgeException.InvalidInput(
                    "Invalid template name: " + problem + " (template: " + printable(value) + ")");
        }
    }

    // Returns why name is not a valid template name, or null if it is.
    static String problemWith(String name) {
        if (name == null || name.isBlank()) {
            return "the name is empty";
        }
        if (name.contains("\\")) {
            return "use '/' to separate folders, not '\\'";
        }
        if (name.startsWith("/")) {
            return "the name must be relative to the templates directory";
        }
        if (name.contains("..")) {
            return "'..' is not allowed";
        }
        if (name.endsWith(TEXT_EXTENSION) || name.endsWith(HTML_EXTENSION)) {
            return "leave out the file extension";
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return "use letters, digits, '-', '_' and '.' between '/' (and no leading '.')";
            }
        }
        return null;
    }

    String textFile() {
        return value + TEXT_EXTENSION;
    }

    String htmlFile() {
        return value + HTML_EXTENSION;
    }

    // root is a real path. A symbolic link pointing outside the directory is
    // refused just like a '..' in the name.
    Path resolveIn(Path root, String file) {
        Path path = requireInside(root, root.resolve(file).normalize());
        if (Files.exists(path)) {
            requireInside(root, realPath(path));
        }
        return path;
    }

    private Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new NudgeException.InvalidInput(
                    "Template file cannot be read: " + e.getMessage() + " (template: " + value + ")");
        }
    }

    private Path requireInside(Path root, Path path) {
        if (!path.startsWith(root)) {
            throw new NudgeException.InvalidInput(
                    "Template resolves outside the templates directory (template: " + value + ")");
        }
        return path;
    }

    // Names end up in log lines and CLI output; keep control characters out.
    private static String printable(String name) {
        return name == null ? "null" : name.replaceAll("\\p{Cntrl}", "?");
    }
}
