package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows an import skipped, kept as they were read, written next to the
 * input with one more column saying why, so the user can fix them and import
 * that file again.
 */
final class RejectedRows {

    private record Row(long line, List<String> fields, String reason) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<ImportReport.Reason, Long> counts = new EnumMap<>(ImportReport.Reason.class);

    void add(long line, List<String> fields, ImportReport.Reason reason, String detail) {
        rows.add(new Row(line, fields, "line " + line + ": " + reason.label() + ": " + detail));
        counts.merge(reason, 1L, Long::sum);
    }

    Map<ImportReport.Reason, Long> counts() {
        return counts;
    }

    /** FILE.csv gives FILE.rejected.csv; a rejected file imported again is rewritten in place. */
    static Path fileFor(Path input) {
        String name = input.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".rejected.csv")) {
            return input;
        }
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(base + ".rejected.csv");
    }

    /**
     * Writes the rows, in the order of the input, after the header plus
     * {@code reason}; with no rows, removes a rejected file an earlier import
     * left (unless that is the file just imported). Returns the file, or null when there was nothing to write.
     */
    Path write(Path input, List<String> header, int ignoredColumn, char delimiter) {
        Path target = fileFor(input);
        try {
            if (rows.isEmpty()) {
                if (!target.equals(input)) {
                    Files.deleteIfExists(target);
                }
                return null;
            }
            rows.sort(java.util.Comparator.comparingLong(Row::line));
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".nudge-rejected", ".csv");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                List<String> head = new ArrayList<>(header);
                if (ignoredColumn >= 0) {
                    head.remove(ignoredColumn);
                }
                head.add(ImportColumns.REASON);
                writeRow(out, head, delimiter);
                for (Row row : rows) {
                    List<String> fields = new ArrayList<>(row.fields());
                    if (ignoredColumn >= 0 && ignoredColumn < fields.size() && fields.size() == header.size()) {
                        fields.remove(ignoredColumn);
                    }
                    fields.add(row.reason());
                    writeRow(out, fields, delimiter);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new NudgeException("Cannot write the skipped rows to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeRow(Writer out, List<String> fields, char delimiter) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(quote(fields.get(i), delimiter));
        }
        out.write("\r\n");
    }

    static String quote(String value, char delimiter) {
        boolean plain = value.indexOf('"') < 0 && value.indexOf(delimiter) < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0 && (value.isEmpty() || value.trim().length() == value.length());
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
