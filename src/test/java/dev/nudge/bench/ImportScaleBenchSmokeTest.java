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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import and scale cases at tiny sizes: each gives positive figures and its findings. */
class ImportScaleBenchSmokeTest {

    @TempDir
    Path dir;

    private String run(String bench) {
        Path report = dir.resolve(bench + ".md");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        new Bench(BenchOptions.quick(dir.resolve("no-such.jar"), report, Set.of(bench)), null, clock,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        try {
            return Files.readString(report);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void quick_import_case_reports_a_positive_rate_against_its_goal() {
        String markdown = run("import");

        assertThat(median(markdown, ImportCase.IMPORT, "contacts/s")).isPositive();
        assertThat(markdown).containsPattern("goal >= 5,000/s: (met|not met)");
    }

    @Test
    void quick_scale_case_reports_the_due_query_at_each_size_and_the_heap() {
        String markdown = run("scale");

        assertThat(median(markdown, ScaleCase.HEAP, "MB")).isPositive();
        assertThat(median(markdown, ScaleCase.DUE_QUERY, "ms")).isNotNegative();
        assertThat(markdown).contains("2,000 enrollments").containsPattern("flat means within 2x: (flat|not flat)")
                .containsPattern("goal <= 256 MB: (met|not met)");
    }

    private static double median(String markdown, String name, String unit) {
        Matcher m = Pattern.compile("\\| " + Pattern.quote(name) + " \\| [^|]+ \\| ([0-9.,]+) " + Pattern.quote(unit)
                + " \\|").matcher(markdown);
        assertThat(m.find()).as("a row for " + name + " in:\n" + markdown).isTrue();
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
