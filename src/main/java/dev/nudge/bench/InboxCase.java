package dev.nudge.bench;

import dev.nudge.bench.DovecotServer.Storage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inbox sync: 10 new messages in a mailbox of 100 and in one of 50,000, on a
 * real Dovecot keeping the mail in a Maildir and, again, in its own mdbox.
 * The goal: the large mailbox takes at most twice as long.
 */
final class InboxCase implements BenchCase {

    static final String SMALL_TIME = "Inbox sync, 10 new, small mailbox";
    static final String LARGE_TIME = "Inbox sync, 10 new, large mailbox";
    static final String SMALL_OWN = "Inbox sync less Dovecot's time, small mailbox";
    static final String LARGE_OWN = "Inbox sync less Dovecot's time, large mailbox";
    static final String SMALL_BYTES = "Inbox sync bytes read, small mailbox";
    static final String LARGE_BYTES = "Inbox sync bytes read, large mailbox";
    static final String FIRST_SYNC = "Inbox first sync, every message recorded";
    static final double GOAL = 2.0;

    /** A figure's name for one way of storing the mail, e.g. "Inbox sync, 10 new, small mailbox (mdbox)". */
    static String named(String base, Storage storage) {
        return base + " (" + storage.label + ")";
    }

    @Override
    public String key() {
        return "inbox";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        List<Figure> figures = new ArrayList<>();
        for (Storage storage : Storage.values()) {
            if (!DovecotServer.installed()) {
                String why = DovecotServer.notInstalled();
                out.println("inbox: " + why);
                figures.add(Figure.skipped(named(SMALL_TIME, storage), why));
                figures.add(Figure.skipped(named(LARGE_TIME, storage), why));
            } else {
                figures.addAll(run(storage, options, out));
            }
        }
        if (DovecotServer.installed()) {
            figures.add(firstSync(options, out));
        }
        return figures;
    }

    private static Figure firstSync(BenchOptions options, PrintStream out) {
        int size = options.quick() ? 200 : 10_000;
        double[] rates = new double[options.runs()];
        try (FirstSyncBench bench = new FirstSyncBench(size)) {
            for (int r = 0; r < rates.length; r++) {
                rates[r] = Bench.measure(out, "first sync of " + size + ", run " + (r + 1) + "/" + rates.length,
                        bench::run, "msg/s");
            }
        }
        return Figure.of(FIRST_SYNC, messages(size), "msg/s", rates, "one `InboxSync.syncOnce` from an empty "
                + "database, Dovecot (Maildir) on 127.0.0.1: headers read in pages of 500, every message "
                + "classified and recorded");
    }

    private List<Figure> run(Storage storage, BenchOptions options, PrintStream out) {
        int small = options.quick() ? 20 : 100;
        int large = options.quick() ? 500 : 50_000;
        int runs = options.runs();
        double[] smallMs = new double[runs];
        double[] largeMs = new double[runs];
        double[] smallOwn = new double[runs];
        double[] largeOwn = new double[runs];
        double[] smallBytes = new double[runs];
        double[] largeBytes = new double[runs];
        double[] smallExamine = new double[runs];
        double[] largeExamine = new double[runs];
        List<String> commands = List.of();
        out.println("inbox sync, Dovecot keeping the mail in " + storage.label);
        try (InboxBench bench = new InboxBench(small, large, storage, out)) {
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
                smallOwn[r] = s.ownMillis();
                largeOwn[r] = l.ownMillis();
                smallBytes[r] = s.bytes();
                largeBytes[r] = l.bytes();
                smallExamine[r] = s.examineMillis();
                largeExamine[r] = l.examineMillis();
                out.printf(Locale.ROOT, "%-40s %10d / %d bytes%n", "  bytes read, small / large", s.bytes(),
                        l.bytes());
                out.printf(Locale.ROOT, "%-40s %10.0f / %.0f ms%n", "  Dovecot's EXAMINE, small / large",
                        s.examineMillis(), l.examineMillis());
                out.printf(Locale.ROOT, "%-40s %10.1f / %.1f ms%n", "  less Dovecot's time, small / large",
                        s.ownMillis(), l.ownMillis());
                commands = l.commands();
            }
        }
        out.println("IMAP commands of the last large-mailbox sync: " + String.join(" | ", commands));
        String how = "one `InboxSync.syncOnce`, Dovecot (" + storage.label + ") on 127.0.0.1, " + InboxBench.NEW
                + " new after the cursor";
        String own = "the same syncs less the time Dovecot reports for each command (`OK ... completed (s + s"
                + " secs)`): Nudge's work and the wire's";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(named(SMALL_TIME, storage), messages(small), "ms", smallMs, how + examined(smallExamine)),
                Figure.of(named(LARGE_TIME, storage), messages(large), "ms", largeMs, how + examined(largeExamine)),
                Figure.of(named(SMALL_OWN, storage), messages(small), "ms", smallOwn, own),
                Figure.of(named(LARGE_OWN, storage), messages(large), "ms", largeOwn, own)));
        if (storage == Storage.MAILDIR) {
            // The same commands and answers whatever the storage: counted once.
            figures.add(Figure.of(SMALL_BYTES, messages(small), "bytes", smallBytes, "read from the IMAP socket"));
            figures.add(Figure.of(LARGE_BYTES, messages(large), "bytes", largeBytes,
                    "read from the IMAP socket; commands: " + summary(commands)));
        }
        return figures;
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
        for (Storage storage : Storage.values()) {
            ratio(figures, named(SMALL_TIME, storage), named(LARGE_TIME, storage)).ifPresent(time -> {
                String line = String.format(Locale.ROOT,
                        "Inbox sync (%s), large / small mailbox: **%.2f** (goal <= %.0f: %s)", storage.label, time,
                        GOAL, time <= GOAL ? "met" : "not met");
                lines.add(line + ratio(figures, named(SMALL_OWN, storage), named(LARGE_OWN, storage))
                        .map(own -> String.format(Locale.ROOT, "; less the time Dovecot reports: **%.2f**", own))
                        .orElse(""));
            });
        }
        ratio(figures, SMALL_BYTES, LARGE_BYTES).ifPresent(bytes -> lines.add(String.format(Locale.ROOT,
                "Inbox sync bytes read, large / small mailbox: **%.2f**", bytes)));
        return lines;
    }

    private static java.util.Optional<Double> ratio(List<Figure> figures, String small, String large) {
        return BenchCase.find(figures, small).filter(Figure::measured).flatMap(s -> BenchCase.find(figures, large)
                .filter(Figure::measured).map(l -> l.median() / s.median()));
    }

    @Override
    public String method() {
        return """
                - **Inbox sync**: a real Dovecot (`/usr/sbin/dovecot`, started by the bench in the foreground with a
                  throw-away config in a temporary folder: IMAP only, 127.0.0.1, a free port, plaintext login)
                  with two mailboxes, one of 100 messages and one of 50,000, written straight into
                  `Maildir/cur`: people's replies and new threads, newsletters, notifications and out-of-office
                  answers, 1-3 KB each. Each mailbox is left as a finished first sync leaves it: its cursor at
                  the last message and a record of every message in Nudge's database (one `INSERT ... SELECT`),
                  so the new ones are checked against 50,000 records. One untimed round warms up; then
                  each run appends 10 new messages of the same mix to each mailbox over IMAP and times one
                  `InboxSync.syncOnce` per mailbox (log in, read the new headers and sizes above the cursor,
                  download the messages that may concern an enrollment, classify, record, move the cursor),
                  counting the bytes read from the IMAP socket through a counting
                  `mail.imap.socketFactory`, which also keeps the commands sent and the time Dovecot reports for
                  each of them (`OK ... completed (0.081 + 0.000 secs)`). The goal is that the large mailbox
                  costs at most twice the small one. The case runs twice: with Dovecot keeping the mail in the
                  Maildir, and with Dovecot's own mdbox format, converted from the same Maildir by
                  `doveadm backup -R` before the first sync. Opening a Maildir folder that has new mail,
                  Dovecot reads its whole `dovecot-uidlist` (about 2 MB at 50,000 messages) and lists `cur/`
                  again (seen with strace: some 240 reads of the uidlist and 90 directory reads per `EXAMINE`),
                  whatever the client asks for; mdbox keeps the same facts in its indexes. *Less Dovecot's
                  time* is each sync's time less the sum of the times Dovecot reports for its commands: the
                  part that is Nudge's (and the loopback's). *First sync*: a third Dovecot mailbox of 10,000
                  messages of the same mix, synced from an empty database each run: what Nudge does the first
                  time it meets a mailbox with a history, in messages recorded per second.
                """;
    }
}
