package dev.nudge.enrollment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did: how many rows were read and enrolled, how many were
 * skipped and why, and where the skipped rows were written.
 *
 * @param rejectedFile null when no row was rejected
 * @param firstDue     when the first step of the enrolled contacts is due; null if none was
 */
public record ImportReport(Path file, String sequence, boolean dryRun, long rows, long enrolled,
                           Map<Reason, Long> skipped, Path rejectedFile, List<String> columns, Instant firstDue) {

    /** Why a row was not enrolled. */
    public enum Reason {
        INVALID_ADDRESS("invalid address"),
        CONTROL_CHARACTER("line break or control character"),
        TOO_LONG("field too long for its column"),
        FIELD_COUNT("wrong number of fields"),
        BAD_QUOTING("broken quoting"),
        DUPLICATE("duplicate of an earlier row"),
        SUPPRESSED("suppressed address"),
        ALREADY_ENROLLED("already enrolled");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ImportReport {
        Map<Reason, Long> copy = new EnumMap<>(Reason.class);
        copy.putAll(skipped);
        skipped = java.util.Collections.unmodifiableMap(copy);
        columns = List.copyOf(columns);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The summary a person reads after an import, one line each. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s %s into sequence %s: %,d rows, %,d %s, %,d skipped",
                dryRun ? "Dry run of" : "Imported", file.getFileName(), sequence, rows, enrolled,
                dryRun ? "would be enrolled" : "enrolled", skippedTotal()));
        skipped.forEach((reason, n) -> lines.add(String.format(Locale.ROOT, "  %-32s %,9d", reason.label(), n)));
        if (firstDue != null && !dryRun) {
            lines.add("Step 1 of the enrolled contacts is due from "
                    + firstDue.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        if (rejectedFile != null) {
            lines.add("Skipped rows, each with its line and reason in a last column 'reason', are in "
                    + rejectedFile + "; fix them and import that file again.");
        }
        if (dryRun) {
            lines.add("Nothing was changed (--dry-run).");
        }
        return lines;
    }
}
