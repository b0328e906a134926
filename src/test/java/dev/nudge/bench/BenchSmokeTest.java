package dev.nudge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench end to end at tiny sizes: every sending case runs and the report names its figures. */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void quick_bench_writes_a_report_with_a_positive_figure_for_every_sending_case() throws Exception {
        Path report = dir.resolve("docs/BENCHMARKS.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

        new Bench(BenchOptions.quick(dir.resolve("no-such.jar"), report, java.util.Set.of("sending", "startup")),
                "Smoke run.", clock,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("2026-11-23").contains("cores").contains("Smoke run.");
        for (String name : new String[] {SendingCase.DISPATCH_SEQUENTIAL, SendingCase.DISPATCH_PARALLEL,
            SendingCase.CEILING, SendingCase.QUARTZ}) {
            assertThat(median(markdown, name)).as(name).isPositive();
        }
        assertThat(markdown).contains("| " + StartupCase.STARTUP + " | - | skipped |")
                .contains("mvn -q -B -DskipTests package");
        assertThat(markdown).contains(SendingCase.DISPATCH_SEQUENTIAL + " / " + SendingCase.CEILING + ": **");
        if (SmtpSink.binary().isPresent()) {
            for (String name : new String[] {SendingCase.SINK_SEQUENTIAL, SendingCase.SINK_PARALLEL,
                SendingCase.SINK_CEILING}) {
                assertThat(median(markdown, name)).as(name).isPositive();
            }
        } else {
            assertThat(markdown).contains("| " + SendingCase.SINK_CEILING + " | - | skipped |");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| " + SendingCase.CEILING + " |");
    }

    private static double median(String markdown, String name) {
        Matcher m = Pattern.compile("\\| " + Pattern.quote(name) + " \\| [^|]+ \\| ([0-9.]+) msg/s \\|")
                .matcher(markdown);
        assertThat(m.find()).as("a row for " + name + " in:\n" + markdown).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
