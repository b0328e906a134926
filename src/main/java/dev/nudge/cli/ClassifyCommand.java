package dev.nudge.cli;

import dev.nudge.mail.inbound.Classifier;
import dev.nudge.mail.inbound.MessageKind;
import dev.nudge.mail.inbound.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "classify",
        description = "Say what saved messages are (bounce, auto-reply, person's reply, ...) and why.")
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object per file.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Raw messages (.eml, .msg), headers and body.")
    List<String> files;

    @Override
    public Integer call() {
        // No config and no own addresses: this looks at the files alone.
        Classifier classifier = new Classifier(Set.of());
        boolean failed = false;
        for (String file : files) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(Path.of(file));
            } catch (IOException | InvalidPathException e) {
                System.err.println("nudge classify: " + file + ": " + problem(e));
                failed = true;
                continue;
            }
            Verdict v = classifier.classify(raw);
            System.out.println(json ? jsonLine(file, v) : textLine(file, v));
        }
        return failed ? Main.FAILED : 0;
    }

    private static String problem(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String textLine(String file, Verdict v) {
        List<String> details = new ArrayList<>();
        if (v.kind() == MessageKind.BOUNCE) {
            details.add("bounce " + v.bounce().name().toLowerCase(Locale.ROOT));
            if (v.status() != null) {
                details.add(v.status());
            }
            if (v.recipient() != null) {
                details.add("to " + v.recipient());
            }
        }
        if (v.returnDate() != null) {
            details.add("back on " + v.returnDate());
        }
        String detail = details.isEmpty() ? "" : " (" + String.join(" ", details) + ")";
        return file + ": " + v.kind().jsonName() + detail + " — " + v.reason();
    }

    static String jsonLine(String file, Verdict v) {
        String bounce = v.kind() == MessageKind.BOUNCE && v.bounce() != null
                ? v.bounce().name().toLowerCase(Locale.ROOT)
                : null;
        return "{\"file\":" + string(file)
                + ",\"kind\":" + string(v.kind().jsonName())
                + ",\"bounce\":" + string(bounce)
                + ",\"status\":" + string(v.status())
                + ",\"recipient\":" + string(v.recipient())
                + ",\"return_date\":" + string(v.returnDate() == null ? null : v.returnDate().toString())
                + ",\"reason\":" + string(v.reason()) + "}";
    }

    // JSON string (RFC 8259), all non-ASCII escaped so the line survives any console encoding.
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
