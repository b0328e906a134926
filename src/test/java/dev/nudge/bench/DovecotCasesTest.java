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

        List<String> times = new java.util.ArrayList<>();
        for (DovecotServer.Storage storage : DovecotServer.Storage.values()) {
            for (String base : List.of(InboxCase.SMALL_TIME, InboxCase.LARGE_TIME, InboxCase.SMALL_OWN,
                    InboxCase.LARGE_OWN)) {
                times.add(InboxCase.named(base, storage));
            }
            if (storage == DovecotServer.Storage.MAILDIR) {
                times.addAll(List.of(InboxCase.SMALL_BYTES, InboxCase.LARGE_BYTES));
            }
        }
        times.add(InboxCase.FIRST_SYNC);
        assertThat(figures).extracting(Figure::name).containsExactlyElementsOf(times);
        assertThat(figures).allSatisfy(f -> assertThat(f.median()).as(f.name()).isPositive());
        for (int i : new int[] {0, 1, 6, 7}) {
            // Nudge's part of a sync is less than the whole: Dovecot reported some time of its own.
            assertThat(figures.get(i + 2).median()).as(figures.get(i + 2).name()).isLessThan(figures.get(i).median());
        }
        double small = BenchCase.find(figures, InboxCase.SMALL_BYTES).orElseThrow().median();
        Figure large = BenchCase.find(figures, InboxCase.LARGE_BYTES).orElseThrow();
        assertThat(large.median() / small).as("bytes read, large / small").isBetween(0.9, 1.1);
        assertThat(large.note()).contains("UID FETCH n:* (UID)").doesNotContain("ENVELOPE")
                .doesNotContain("SEARCH").doesNotContain("EXAMINE INBOX`, `EXAMINE");
        assertThat(inbox.findings(figures)).hasSize(3);
        assertThat(inbox.findings(figures).get(0)).contains("(Maildir), large / small").containsPattern("met")
                .contains("less the time Dovecot reports");
        assertThat(inbox.findings(figures).get(1)).contains("(mdbox), large / small");
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
