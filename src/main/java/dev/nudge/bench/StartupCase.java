package dev.nudge.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Start-up: {@code serve} from launch to its {@code ready:} line, against the goal of 1.5 s. */
final class StartupCase implements BenchCase {

    static final String STARTUP = "Start-up to `ready:`";
    static final String STARTUP_ARCHIVE = "Start-up to `ready:`, with the class data archive";
    static final double GOAL_MS = 1_500;

    @Override
    public String key() {
        return "startup";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        Path jar = options.jar();
        if (jar == null || !Files.isRegularFile(jar)) {
            String why = "skipped: " + (jar == null ? "no jar" : jar + " is missing")
                    + "; build it with `mvn -q -B -DskipTests package`";
            out.println(STARTUP + ": " + why);
            return List.of(Figure.skipped(STARTUP, why));
        }
        Path archive = jar.resolveSibling("nudge.jsa");
        boolean archived = Files.isRegularFile(archive);
        double[] plain = new double[options.runs()];
        double[] mapped = new double[options.runs()];
        StartupBench startup = new StartupBench(jar, null);
        StartupBench withArchive = new StartupBench(jar, archive);
        for (int r = 0; r < plain.length; r++) {
            plain[r] = Bench.measure(out, "start-up, run " + (r + 1) + "/" + plain.length, startup::run, "ms");
            if (archived) {
                mapped[r] = Bench.measure(out, "start-up with the class archive, run " + (r + 1) + "/" + plain.length,
                        withArchive::run, "ms");
            }
        }
        Figure first = Figure.of(STARTUP, "sandbox mode, fresh H2 file", "ms", plain,
                "`java -jar " + jar + " serve` until the `ready:` log line");
        Figure second = archived
                ? Figure.of(STARTUP_ARCHIVE, "sandbox mode, fresh H2 file", "ms", mapped,
                        "`java -XX:SharedArchiveFile=" + archive + " -jar " + jar + " serve`, the archive written by"
                                + " `mvn package`")
                : Figure.skipped(STARTUP_ARCHIVE, "skipped: no " + archive + "; `mvn package` writes it");
        return List.of(first, second);
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        return List.of(STARTUP, STARTUP_ARCHIVE).stream()
                .flatMap(name -> BenchCase.find(figures, name).stream())
                .map(f -> String.format(Locale.ROOT, "%s: **%.0f ms** (goal < %.0f ms: %s)", f.name(), f.median(),
                        GOAL_MS, f.median() < GOAL_MS ? "met" : "not met"))
                .toList();
    }

    @Override
    public String method() {
        return """
                - **Start-up**: from launching `java -jar target/nudge.jar serve` in sandbox mode, with the sample
                  sequence and a fresh H2 file in a temporary folder, to its `ready:` log line; then the child is
                  stopped. Again with `-XX:SharedArchiveFile=target/nudge.jsa`, the class data archive that
                  `mvn package` writes from a training start of `serve`, so the JVM maps the classes instead of
                  loading them.
                """;
    }
}
