package dev.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Progress progress(boolean terminal) {
        return new Progress("import", "rows", new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal,
                nanos::get);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void without_a_terminal_a_line_is_printed_every_tenth_of_the_way_or_every_five_seconds() {
        Progress p = progress(false);
        nanos.set(1_000_000_000L);
        p.at(1_000, 0.05);
        assertThat(printed()).isEmpty();
        p.at(2_000, 0.10);
        assertThat(printed()).isEqualTo("import: 2,000 rows   10%  2,000/s  9s left\n");
        nanos.set(7_000_000_000L);
        p.at(3_000, 0.15);
        p.finish(20_000);
        assertThat(printed().lines()).containsExactly("import: 2,000 rows   10%  2,000/s  9s left",
                "import: 3,000 rows   15%  429/s  40s left", "import: 20,000 rows  100%  2,857/s  in 7s");
    }

    @Test
    void on_a_terminal_one_line_is_redrawn_with_a_bar_and_ended_at_the_finish() {
        Progress p = progress(true);
        nanos.set(500_000_000L);
        p.at(50, 0.5);
        nanos.set(600_000_000L);
        p.at(60, 0.6);
        nanos.set(1_000_000_000L);
        p.finish(100);
        assertThat(printed()).startsWith("\r[###############...............] 50 rows   50%  100/s  1s left")
                .doesNotContain("60 rows").contains("\r[##############################] 100 rows  100%  100/s  in 1s")
                .endsWith("\n").doesNotContain("\nimport");
    }

    @Test
    void durations_read_as_a_person_would_write_them() {
        assertThat(Progress.duration(59)).isEqualTo("59s");
        assertThat(Progress.duration(61)).isEqualTo("1m01s");
        assertThat(Progress.duration(3_700)).isEqualTo("1h01m");
    }
}
