package dev.nudge.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inbox sync: 10 new messages in a mailbox of 100 and in one of 50,000, on a
 * real Dovecot. The goal: the large mailbox takes at most twice as long.
 */
final class InboxCase implements BenchCase {

    static final String SMALL_TIME = "Inbox sync, 10 new, small mailbox";
    static final String LARGE_TIME = "Inbox sync, 10 new, large mailbox";
    static final String SMALL_BYTES = "Inbox sync bytes read, small mailbox";
    static final String LARGE_BYTES = "Inbox sync bytes read, large mailbox";
    static final double GOAL = 2.0;

    @Override
    public String key() {
        return "inbox";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        if (!DovecotServer.installed()) {
            String why = DovecotServer.notInstalled();
            out.println("inbox: " + why);
            return List.of(Figure.skipped(SMALL_TIME, why), Figure.skipped(LARGE_TIME, why));
        }
        int small = options.quick() ? 20 : 100;
        int large = options.quick() ? 500 : 50_000;
        int runs = options.runs();
        double[] smallMs = new double[runs];
        double[] largeMs = new double[runs];
        double[] smallBytes = new double[runs];
        double[] largeBytes = new double[runs];
        double[] smallExamine = new double[runs];
        double[] largeExamine = new double[runs];
        List<String> commands = List.of();
        try (InboxBench bench = new InboxBench(small, large, out)) {
            // One untimed round first: the JVM, the connection path and Dovecot's caches warm up.
            bench.deliverNew();
            bench.sync(InboxBench.SMALL);
            bench.sync(InboxBench.LARGE);
            for (int r = 0; r < runs; r++) {
                bench.deliverNew();
                String round = "run " + (r + 1) + "/" + runs;
                InboxBench.Sync s = bench.sync(InboxBench.SMALL);
                InboxBench.Sync l = bench.sync(InboxBench.LARGE);
                smallMs[r] = Bench.measure(out, "sync 10 new of " + small + ", " + round, s::millis, "ms");
                largeMs[r] = Bench.measure(out, "sync 10 new of " + large + ", " + round, l::millis, "ms");
                smallBytes[r] = s.bytes();
                largeBytes[r] = l.bytes();
                smallExamine[r] = s.examineMillis();
                largeExamine[r] = l.examineMillis();
                out.printf(Locale.ROOT, "%-40s %10d / %d bytes%n", "  bytes read, small / large", s.bytes(),
                        l.bytes());
                out.printf(Locale.ROOT, "%-40s %10.0f / %.0f ms%n", "  Dovecot's EXAMINE, small / large",
                        s.examineMillis(), l.examineMillis());
                commands = l.commands();
            }
        }
        out.println("IMAP commands of the last large-mailbox sync: " + String.join(" | ", commands));
        String how = "one `InboxSync.syncOnce`, Dovecot on 127.0.0.1, " + InboxBench.NEW + " new after the cursor";
        return List.of(
                Figure.of(SMALL_TIME, messages(small), "ms", smallMs, how + examined(smallExamine)),
                Figure.of(LARGE_TIME, messages(large), "ms", largeMs, how + examined(largeExamine)),
                Figure.of(SMALL_BYTES, messages(small), "bytes", smallBytes, "read from the IMAP socket"),
                Figure.of(LARGE_BYTES, messages(large), "bytes", largeBytes,
                        "read from the IMAP socket; commands: " + summary(commands)));
    }

    private static String messages(int count) {
        return String.format(Locale.ROOT, "%,d messages", count);
    }

    private static String examined(double[] millis) {
        double median = Figure.median(millis);
        return Double.isNaN(median) ? "" : String.format(Locale.ROOT,
                "; of which Dovecot says it spent %.0f ms (median) opening the folder (`EXAMINE`)", median);
    }

    // The commands of one sync, each once, in the order sent, e.g. "UID FETCH 101:* (UID)".
    private static String summary(List<String> commands) {
        List<String> distinct = new ArrayList<>();
        for (String c : commands) {
            String shape = c.replaceAll("\\d+", "n").replaceAll("n(:n|,n)+", "n:n");
            if (!distinct.contains(shape)) {
                distinct.add(shape);
            }
        }
        return "`" + String.join("`, `", distinct) + "`";
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        BenchCase.find(figures, SMALL_TIME).ifPresent(s -> BenchCase.find(figures, LARGE_TIME).ifPresent(l -> {
            double ratio = l.median() / s.median();
            lines.add(String.format(Locale.ROOT, "Inbox sync, large / small mailbox: **%.2f** (goal <= %.0f: %s)",
                    ratio, GOAL, ratio <= GOAL ? "met" : "not met"));
        }));
        BenchCase.find(figures, SMALL_BYTES).ifPresent(s -> BenchCase.find(figures, LARGE_BYTES).ifPresent(l ->
                lines.add(String.format(Locale.ROOT, "Inbox sync bytes read, large / small mailbox: **%.2f**",
                        l.median() / s.median()))));
        return lines;
    }

    @Override
    public String method() {
        return """
                - **Inbox sync**: a real Dovecot (`/usr/sbin/dovecot`, started by the bench in the foreground with a
                  throw-away config in a temporary folder: IMAP only, 127.0.0.1, a free port, plaintext login,
                  Maildir) with two mailboxes, one of 100 messages and one of 50,000, written straight into
                  `Maildir/cur`: people's replies and new threads, newsletters, notifications and out-of-office
                  answers, 1-3 KB each. Each mailbox's cursor is set at its last message, as a finished first
                  sync leaves it (the first sync itself reads and records every message, two commits each, which
                  takes minutes for 50,000 and is not what this case measures). One untimed round warms up; then
                  each run appends 10 new messages of the same mix to each mailbox over IMAP and times one
                  `InboxSync.syncOnce` per mailbox (log in, read the new headers and sizes above the cursor,
                  download the messages that may concern an enrollment, classify, record, move the cursor),
                  counting the bytes read from the IMAP socket through a counting
                  `mail.imap.socketFactory`, which also keeps the commands sent and the time Dovecot reports for
                  opening the folder. The goal is that the large mailbox costs at most twice the small one.
                """;
    }
}
