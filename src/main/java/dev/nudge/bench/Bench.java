package dev.nudge.bench;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * {@code nudge bench}: how fast the dispatcher sends next to a plain SMTP loop
 * and to one Quartz trigger per step, and how long {@code serve} takes to
 * start. Prints a table and writes it, with the machine, to a Markdown file.
 */
public final class Bench {

    private final BenchOptions options;
    private final String note;
    private final Clock clock;
    private final PrintStream out;

    /** @param note a paragraph for the report about the conditions of this run, or null */
    public Bench(BenchOptions options, String note, Clock clock, PrintStream out) {
        this.options = options;
        this.note = note;
        this.clock = clock;
        this.out = out;
    }

    /** Runs every case, prints the table and writes the report; returns the report's text. */
    public String run() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Figure> figures = new ArrayList<>(sendingFigures(cores));
        figures.add(startup());
        BenchReport report = new BenchReport(options, note, clock.instant(), figures);
        out.println();
        out.print(report.table());
        out.print(report.ratios());
        String markdown = report.markdown();
        write(options.out(), markdown);
        out.println("Written to " + options.out());
        return markdown;
    }

    /** Each round runs every sending case once, so drifting load on the machine hits them all alike. */
    private List<Figure> sendingFigures(int cores) {
        int n = options.sends();
        int runs = options.runs();
        double[] sequential = new double[runs];
        double[] parallel = new double[runs];
        double[] ceiling = new double[runs];
        double[] quartz = new double[runs];
        DispatchBench dispatch = new DispatchBench(n, options.mailboxes());
        for (int r = 0; r < runs; r++) {
            String round = "run " + (r + 1) + "/" + runs;
            sequential[r] = measure("dispatch, 1 thread, " + round, () -> dispatch.run(1), "msg/s");
            parallel[r] = measure("dispatch, " + cores + " threads, " + round, () -> dispatch.run(cores), "msg/s");
            ceiling[r] = measure("plain SMTP loop, " + round, () -> new CeilingBench(n).run(), "msg/s");
            quartz[r] = measure("Quartz trigger per step, " + round,
                    () -> new QuartzBench(options.quartzSteps()).run(), "msg/s");
        }
        String size = n + " steps, " + options.mailboxes() + " mailboxes";
        String quartzNote = options.quartzSteps() < n
                ? "; capped at " + options.quartzSteps() + " steps; the full " + n + " would take too long"
                : "";
        return List.of(
                Figure.of(BenchReport.DISPATCH_SEQUENTIAL, size, "msg/s", sequential,
                        "dispatchOnce per mailbox in turn, batches of " + DispatchBench.BATCH),
                Figure.of(BenchReport.DISPATCH_PARALLEL, size, "msg/s", parallel,
                        cores + " threads (one per core), mailboxes shared between them"),
                Figure.of(BenchReport.CEILING, n + " messages", "msg/s", ceiling,
                        "Transport.connect once, sendMessage " + n + " times"),
                Figure.of(BenchReport.QUARTZ, options.quartzSteps() + " steps", "msg/s", quartz,
                        "JDBC job store on H2, a new SMTP connection per job" + quartzNote));
    }

    private Figure startup() {
        Path jar = options.jar();
        if (jar == null || !Files.isRegularFile(jar)) {
            String why = "skipped: " + (jar == null ? "no jar" : jar + " is missing")
                    + "; build it with `mvn -q -B -DskipTests package`";
            out.println(BenchReport.STARTUP + ": " + why);
            return Figure.skipped(BenchReport.STARTUP, why);
        }
        double[] runs = new double[options.runs()];
        StartupBench startup = new StartupBench(jar);
        for (int r = 0; r < runs.length; r++) {
            runs[r] = measure("start-up, run " + (r + 1) + "/" + runs.length, startup::run, "ms");
        }
        return Figure.of(BenchReport.STARTUP, "sandbox mode, fresh H2 file", "ms", runs,
                "`java -jar " + jar + " serve` until the `ready:` log line");
    }

    private double measure(String what, DoubleSupplier run, String unit) {
        double value = run.getAsDouble();
        out.printf(Locale.ROOT, "%-40s %10.1f %s%n", what, value, unit);
        return value;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new NudgeException("Cannot write the bench report to " + file + ": " + e.getMessage(), e);
        }
    }
}
