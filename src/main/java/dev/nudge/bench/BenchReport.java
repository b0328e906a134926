package dev.nudge.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The bench's results as a Markdown table, with the machine they were measured on. */
final class BenchReport {

    private final BenchOptions options;
    private final String note;
    private final Instant at;
    private final List<BenchCase> cases;
    private final List<Figure> figures;

    BenchReport(BenchOptions options, String note, Instant at, List<BenchCase> cases, List<Figure> figures) {
        this.options = options;
        this.cases = cases;
        this.note = note;
        this.at = at;
        this.figures = figures;
    }

    String table() {
        StringBuilder s = new StringBuilder();
        s.append("| Case | Size | Median | Runs | How |\n");
        s.append("|---|---|---:|---|---|\n");
        for (Figure f : figures) {
            s.append("| ").append(f.name()).append(" | ").append(f.size()).append(" | ")
                    .append(f.measured() ? number(f.median()) + " " + f.unit() : "skipped").append(" | ")
                    .append(runs(f)).append(" | ").append(f.note()).append(" |\n");
        }
        return s.toString();
    }

    /** What each case makes of its own figures, as a Markdown list. */
    String findings() {
        StringBuilder s = new StringBuilder("\n");
        for (BenchCase c : cases) {
            for (String line : c.findings(figures)) {
                s.append("- ").append(line).append('\n');
            }
        }
        return s.toString();
    }

    String markdown() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder s = new StringBuilder("# Benchmarks\n\n");
        s.append("Written by `nudge bench` on ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC)))
                .append(" (UTC). Each figure is the median of ").append(options.runs())
                .append(options.runs() == 1 ? " run" : " runs").append("; every run is listed after it.\n\n");
        s.append("Machine: ").append(rt.availableProcessors()).append(" cores, max heap ")
                .append(rt.maxMemory() / (1024 * 1024)).append(" MB, JDK ").append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vendor")).append("), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(").\n\n");
        if (note != null && !note.isBlank()) {
            s.append(note.strip()).append("\n\n");
        }
        s.append("## Results\n\n").append(table()).append(findings()).append('\n');
        s.append(method());
        return s.toString();
    }

    private String method() {
        StringBuilder s = new StringBuilder("## What each case does\n\n");
        cases.forEach(c -> s.append(c.method()));
        s.append("""

                Rates are per second (higher is better); times are milliseconds (lower is better).
                The figures depend on the machine and on whatever else runs on it: compare runs on the same
                machine only. Run it again with `java -jar target/nudge.jar bench`; `--case` picks cases.
                """);
        return s.toString();
    }

    private static String runs(Figure f) {
        return f.measured() ? java.util.Arrays.stream(f.runs()).mapToObj(BenchReport::number)
                .collect(Collectors.joining(", ")) : "-";
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
