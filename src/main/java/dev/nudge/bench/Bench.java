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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * {@code nudge bench}: runs the selected cases (sending, start-up, ...),
 * prints a table and writes it, with the machine, to a Markdown file.
 */
public final class Bench {

    /** Every case, in the order they run and are reported. */
    static List<BenchCase> all() {
        return List.of(new SendingCase(), new StartupCase(), new ImportCase(), new ScaleCase(), new InboxCase(),
                new ReplyCase());
    }

    /** The keys {@code --case} accepts. */
    public static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        all().forEach(c -> keys.add(c.key()));
        return keys;
    }

    private final BenchOptions options;
    private final String note;
    private final Clock clock;
    private final PrintStream out;

    /** @param note a paragraph for the report about the conditions of this run, or null */
    public Bench(BenchOptions options, String note, Clock clock, PrintStream out) {
        Set<String> unknown = new TreeSet<>(options.cases());
        unknown.removeAll(keys());
        if (!unknown.isEmpty()) {
            throw new NudgeException.InvalidInput("Unknown bench case " + String.join(", ", unknown)
                    + "; the cases are " + String.join(", ", keys()));
        }
        this.options = options;
        this.note = note;
        this.clock = clock;
        this.out = out;
    }

    /** Runs every selected case, prints the table and writes the report; returns the report's text. */
    public String run() {
        List<BenchCase> cases = all().stream().filter(c -> options.includes(c.key())).toList();
        List<Figure> figures = new ArrayList<>();
        for (BenchCase c : cases) {
            out.println("== " + c.key());
            figures.addAll(c.run(options, out));
        }
        BenchReport report = new BenchReport(options, note, clock.instant(), cases, figures);
        out.println();
        out.print(report.table());
        out.print(report.findings());
        String markdown = report.markdown();
        write(options.out(), markdown);
        out.println("Written to " + options.out());
        return markdown;
    }

    /** Runs one measurement and prints it as a line of progress. */
    static double measure(PrintStream out, String what, DoubleSupplier run, String unit) {
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
