package dev.nudge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox and reply cases at tiny sizes against a Dovecot each starts for
 * itself. Skipped where Dovecot is not installed; CI installs it.
 */
class DovecotCasesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void needs_dovecot() {
        assumeTrue(DovecotServer.installed(), "needs " + DovecotServer.BINARY + " (Debian: dovecot-imapd)");
    }

    @Test
    void inbox_case_times_both_mailboxes_and_counts_the_same_bytes_for_the_same_new_mail() {
        InboxCase inbox = new InboxCase();

        List<Figure> figures = inbox.run(options("inbox"), out());

        assertThat(figures).extracting(Figure::name).containsExactly(InboxCase.SMALL_TIME, InboxCase.LARGE_TIME,
                InboxCase.SMALL_BYTES, InboxCase.LARGE_BYTES);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).as(f.name()).isPositive());
        double small = figures.get(2).median();
        double large = figures.get(3).median();
        assertThat(large / small).as("bytes read, large / small").isBetween(0.9, 1.1);
        assertThat(figures.get(3).note()).contains("UID FETCH n:* (UID)").doesNotContain("ENVELOPE")
                .doesNotContain("SEARCH").doesNotContain("EXAMINE INBOX`, `EXAMINE");
        assertThat(inbox.findings(figures)).first().asString().contains("large / small").containsPattern("met");
    }

    @Test
    void reply_case_sees_replies_stop_their_enrollments_with_idle_and_by_polling() {
        ReplyCase reply = new ReplyCase();

        List<Figure> figures = reply.run(options("reply"), out());

        assertThat(figures).extracting(Figure::name).containsExactly(ReplyCase.IDLE_P50, ReplyCase.IDLE_P95,
                ReplyCase.POLL_P50, ReplyCase.POLL_P95);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).as(f.name()).isPositive());
        assertThat(figures.get(2).size()).contains("2 s").contains("quick");
        assertThat(reply.findings(figures)).hasSize(2);
    }

    private BenchOptions options(String key) {
        return BenchOptions.quick(dir.resolve("no-such.jar"), dir.resolve("BENCHMARKS.md"), Set.of(key));
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }
}
