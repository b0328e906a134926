package dev.nudge.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reply to stop: from a reply's delivery to its enrollment's REPLIED status,
 * through the real scheduler, with IMAP IDLE (goal: p95 under 2 s) and with
 * polling only.
 */
final class ReplyCase implements BenchCase {

    static final String IDLE_P50 = "Reply to stop, IMAP IDLE, p50";
    static final String IDLE_P95 = "Reply to stop, IMAP IDLE, p95";
    static final String POLL_P50 = "Reply to stop, polling only, p50";
    static final String POLL_P95 = "Reply to stop, polling only, p95";
    static final double GOAL_MS = 2_000;
    /** The default {@code scheduling.inbox-poll-interval}. */
    static final Duration DEFAULT_POLL = Duration.ofMinutes(1);
    private static final Duration QUICK_POLL = Duration.ofSeconds(2);

    @Override
    public String key() {
        return "reply";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        if (!DovecotServer.installed()) {
            String why = DovecotServer.notInstalled();
            out.println("reply: " + why);
            return List.of(Figure.skipped(IDLE_P95, why), Figure.skipped(POLL_P50, why));
        }
        int idleReplies = options.quick() ? 3 : 20;
        int pollReplies = options.quick() ? 3 : 40;
        Duration poll = options.quick() ? QUICK_POLL : DEFAULT_POLL;
        int runs = options.runs();
        double[] idle50 = new double[runs];
        double[] idle95 = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] ms;
            try (ReplyBench bench = new ReplyBench(true, DEFAULT_POLL, idleReplies)) {
                ms = bench.oneByOne(idleReplies);
            }
            String round = "run " + (r + 1) + "/" + runs;
            idle50[r] = Bench.measure(out, "IDLE, p50 of " + idleReplies + ", " + round, () -> percentile(ms, 50),
                    "ms");
            idle95[r] = Bench.measure(out, "IDLE, p95 of " + idleReplies + ", " + round, () -> percentile(ms, 95),
                    "ms");
        }
        double[] polled;
        try (ReplyBench bench = new ReplyBench(false, poll, pollReplies)) {
            polled = bench.spreadOver(pollReplies, poll);
        }
        double poll50 = Bench.measure(out, "polling every " + seconds(poll) + ", p50 of " + pollReplies,
                () -> percentile(polled, 50), "ms");
        double poll95 = Bench.measure(out, "polling every " + seconds(poll) + ", p95 of " + pollReplies,
                () -> percentile(polled, 95), "ms");
        String idleSize = idleReplies + " replies one by one";
        String idleNote = "App + Quartz + IDLE watcher, poll interval " + seconds(DEFAULT_POLL)
                + "; APPEND into Dovecot until REPLIED is read from the database";
        String pollSize = pollReplies + " replies within " + seconds(poll) + (options.quick() ? " (quick)" : "");
        String pollNote = "Dovecot without IDLE, inbox-poll-interval " + seconds(poll)
                + (poll.equals(DEFAULT_POLL) ? " (the default)" : " (shortened for the quick run)")
                + "; replies at random moments, in flight together; one run whatever --runs says";
        return List.of(
                Figure.of(IDLE_P50, idleSize, "ms", idle50, idleNote),
                Figure.of(IDLE_P95, idleSize, "ms", idle95, idleNote),
                Figure.of(POLL_P50, pollSize, "ms", new double[] {poll50}, pollNote),
                Figure.of(POLL_P95, pollSize, "ms", new double[] {poll95}, pollNote));
    }

    /** Nearest rank: the smallest value at or above {@code p} percent of them. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        BenchCase.find(figures, IDLE_P95).ifPresent(f -> lines.add(String.format(Locale.ROOT,
                "Reply to stop with IMAP IDLE, p95: **%.0f ms** (goal < %.0f ms: %s)", f.median(), GOAL_MS,
                f.median() < GOAL_MS ? "met" : "not met")));
        BenchCase.find(figures, POLL_P50).ifPresent(p50 -> BenchCase.find(figures, POLL_P95).ifPresent(p95 ->
                lines.add(String.format(Locale.ROOT, "Reply to stop, polling only: p50 **%.1f s**, p95 **%.1f s**"
                        + " (%s)", p50.median() / 1000, p95.median() / 1000, p50.size()))));
        return lines;
    }

    @Override
    public String method() {
        return """
                - **Reply to stop**: Nudge as `serve` runs it (the App with `startScheduling()`: Quartz with its
                  JDBC job store on an H2 file, the inbox-sync job every `inbox-poll-interval`, and the IMAP IDLE
                  watcher), in real time, against a Dovecot started by the bench. Contacts are enrolled in a
                  one-step sequence due in two days, so nothing is sent. A reply (a person's short answer with a
                  quoted line, from the contact's address) is delivered by IMAP `APPEND` into the sender's INBOX;
                  the time runs from the start of the APPEND until the enrollment reads `replied` from the
                  database (looked at every 10 ms). With IDLE: replies one by one, 0.2-0.7 s apart, each after
                  the previous stopped; the poll interval is the default minute, so IDLE does the work. Polling
                  only: the same Dovecot with IDLE left out of its capabilities (`imap_capability`), so the
                  watcher logs that the server has no IDLE and only the interval sync runs; the replies arrive
                  at random moments within one poll interval, all in flight together, so the case takes about
                  two intervals rather than one per reply; one run whatever `--runs` says.
                """;
    }
}
