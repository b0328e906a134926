package dev.nudge.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The bench's results as a Markdown table, with the machine they were measured on. */
final class BenchReport {

    static final String DISPATCH_SEQUENTIAL = "Dispatch, 1 thread";
    static final String DISPATCH_PARALLEL = "Dispatch, 1 thread per core";
    static final String CEILING = "Ceiling: plain SMTP loop, 1 connection";
    static final String QUARTZ = "Quartz: 1 trigger per step";
    static final String STARTUP = "Start-up to `ready:`";
    static final double GOAL = 0.7;

    private final BenchOptions options;
    private final String note;
    private final Instant at;
    private final List<Figure> figures;

    BenchReport(BenchOptions options, String note, Instant at, List<Figure> figures) {
        this.options = options;
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

    /** Dispatch over the ceiling, against the goal of 0.7. */
    String ratios() {
        Figure ceiling = find(CEILING);
        StringBuilder s = new StringBuilder("\n");
        for (String name : List.of(DISPATCH_SEQUENTIAL, DISPATCH_PARALLEL)) {
            double ratio = find(name).median() / ceiling.median();
            s.append(String.format(Locale.ROOT, "- %s / ceiling: **%.2f** (goal >= %.1f: %s)%n", name, ratio, GOAL,
                    ratio >= GOAL ? "met" : "not met"));
        }
        double quartz = find(DISPATCH_SEQUENTIAL).median() / find(QUARTZ).median();
        s.append(String.format(Locale.ROOT, "- %s / %s: **%.1f**%n", DISPATCH_SEQUENTIAL, QUARTZ, quartz));
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
        s.append("## Results\n\n").append(table()).append(ratios()).append('\n');
        s.append(method());
        return s.toString();
    }

    private static String method() {
        return """
                ## What each case does

                - **Dispatch**: due one-step enrollments spread evenly over the sender mailboxes, each mailbox a
                  user of one embedded GreenMail (SMTP and IMAP on 127.0.0.1), an H2 file opened as Nudge opens
                  it (a commit is on disk when it returns), the shipped first template (text and HTML). Contacts
                  are enrolled through the enrollment service and each inbox is synced once beforehand so the
                  reply-safety gate lets sends through; neither is timed. Timed: calling the dispatcher per
                  mailbox until nothing is due, that is claiming, rendering, committing `sending`, sending over
                  SMTP (one connection per dispatch run) and committing `sent`. Logging is at WARN, as for every
                  command but `serve`.
                - **Ceiling**: the same number of similar messages (text and HTML) from a plain Angus Mail loop to
                  the same kind of GreenMail over one reused connection; no database, no templates.
                - **Quartz, one trigger per step**: the design Nudge did not take. Quartz's JDBC job store on the
                  same kind of H2 file (tables from Nudge's Flyway migrations, Nudge's scheduler settings: 4
                  threads, trigger batches of 10), one SimpleTrigger per step, all due at once; each job sends one
                  message over a new SMTP connection. Timed from starting the scheduler until every job has
                  sent; scheduling the triggers is not timed.
                - **Start-up**: from launching `java -jar target/nudge.jar serve` in sandbox mode, with the sample
                  sequence and a fresh H2 file in a temporary folder, to its `ready:` log line; then the child is
                  stopped.

                Rates are messages per second (higher is better); start-up is milliseconds (lower is better).
                The figures depend on the machine and on whatever else runs on it: compare runs on the same
                machine only. Run it again with `java -jar target/nudge.jar bench`.
                """;
    }

    private Figure find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String runs(Figure f) {
        return f.measured() ? java.util.Arrays.stream(f.runs()).mapToObj(BenchReport::number)
                .collect(Collectors.joining(", ")) : "-";
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
