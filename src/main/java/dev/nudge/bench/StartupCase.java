package dev.nudge.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Start-up: {@code serve} from launch to its {@code ready:} line, against the goal of 1.5 s. */
final class StartupCase implements BenchCase {

    static final String STARTUP = "Start-up to `ready:`";
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
        double[] runs = new double[options.runs()];
        StartupBench startup = new StartupBench(jar);
        for (int r = 0; r < runs.length; r++) {
            runs[r] = Bench.measure(out, "start-up, run " + (r + 1) + "/" + runs.length, startup::run, "ms");
        }
        return List.of(Figure.of(STARTUP, "sandbox mode, fresh H2 file", "ms", runs,
                "`java -jar " + jar + " serve` until the `ready:` log line"));
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        return BenchCase.find(figures, STARTUP).map(f -> List.of(String.format(Locale.ROOT,
                "%s: **%.0f ms** (goal < %.0f ms: %s)", STARTUP, f.median(), GOAL_MS,
                f.median() < GOAL_MS ? "met" : "not met"))).orElse(List.of());
    }

    @Override
    public String method() {
        return """
                - **Start-up**: from launching `java -jar target/nudge.jar serve` in sandbox mode, with the sample
                  sequence and a fresh H2 file in a temporary folder, to its `ready:` log line; then the child is
                  stopped.
                """;
    }
}
