package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.Progress;
import dev.nudge.enrollment.ImportReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Import: contacts from a CSV file enrolled and scheduled through the import service, against 5,000/s. */
final class ImportCase implements BenchCase {

    static final String IMPORT = "Import CSV: contacts enrolled";
    static final double GOAL = 5_000;
    static final int FULL = 100_000;
    static final int QUICK = 500;

    @Override
    public String key() {
        return "import";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        int size = options.quick() ? QUICK : FULL;
        double[] runs = new double[options.runs()];
        for (int r = 0; r < runs.length; r++) {
            runs[r] = Bench.measure(out, "import " + size + " contacts, run " + (r + 1) + "/" + runs.length,
                    () -> once(size), "contacts/s");
        }
        return List.of(Figure.of(IMPORT, String.format(Locale.ROOT, "%,d contacts", size), "contacts/s", runs,
                "`nudge import` service, fresh H2 file (WRITE_DELAY=0), batches of 1,000"));
    }

    /** Contacts per second for one import of {@code size} fresh contacts into a fresh database. */
    static double once(int size) {
        Path dir = TempDirs.create("nudge-bench-import");
        try {
            Path csv = writeCsv(dir.resolve("contacts.csv"), size);
            try (App app = App.open(SandboxWorld.config(dir), Clock.systemUTC(), null)) {
                Progress progress = Progress.onStderr("import", "rows");
                long started = System.nanoTime();
                ImportReport report = app.contactImport().importFile(csv, SandboxWorld.SEQUENCE, false,
                        progress::at);
                long took = System.nanoTime() - started;
                progress.finish(report.rows());
                if (report.enrolled() != size) {
                    throw new NudgeException("The import bench enrolled " + report.enrolled() + " of " + size
                            + " contacts: " + report.summary());
                }
                return Figure.rate(size, took);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Rows as a CRM export has them: a quoted company with a comma, a custom field. */
    static Path writeCsv(Path file, int size) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Email,First Name,Last Name,Company,Role\r\n");
            for (int i = 0; i < size; i++) {
                w.write(String.format(Locale.ROOT, "person%d@example%d.test,Ada,Lovelace %d,"
                        + "\"Analytical Engines, Ltd\",Head of Research\r\n", i, i % 97, i));
            }
            return file;
        } catch (IOException e) {
            throw new NudgeException("Cannot write the bench CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        return BenchCase.find(figures, IMPORT).map(f -> List.of(String.format(Locale.ROOT,
                "%s: **%,.0f contacts/s** (goal >= %,.0f/s: %s)", IMPORT, f.median(), GOAL,
                f.median() >= GOAL ? "met" : "not met"))).orElse(List.of());
    }

    @Override
    public String method() {
        return """
                - **Import**: a generated CSV of 100,000 contacts (email, first and last name, a quoted company with
                  a comma, one custom field) enrolled into the sample sequence through the same service as
                  `nudge import`, into a fresh H2 file opened as Nudge opens it (`WRITE_DELAY=0`, every commit on
                  disk): reading and checking every row, one transaction per 1,000 rows with batched inserts of the
                  contacts, their fields, the enrollments with their due times, and their first events. Timed from
                  the call to its return; writing the CSV and opening the database are set-up.
                """;
    }
}
