package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.Progress;
import dev.nudge.config.NudgeConfig;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.sandbox.Sandbox;
import dev.nudge.store.Database;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scale: a million active enrollments. How long the dispatcher's query for
 * due work takes as the table grows, and how much heap Nudge holds while
 * serving them.
 */
final class ScaleCase implements BenchCase {

    static final String HEAP = "Heap in use while serving";
    static final String DUE_QUERY = "Due-work query";
    static final double HEAP_GOAL_MB = 256;
    static final int[] FULL = {10_000, 100_000, 1_000_000};
    static final int[] QUICK = {500, 1_000, 2_000};
    /**
     * Every enrollment's next step falls somewhere in 100 days, the first five of them already past: 5% is
     * due, so even the smallest size has more due steps than one query returns, and every size is asked for
     * the same amount of work.
     */
    static final int SPREAD_MINUTES = 100 * 24 * 60;
    static final int OVERDUE_MINUTES = 5 * 24 * 60;
    private static final int REPETITIONS = 200;
    private static final int GROUPS = 5;

    @Override
    public String key() {
        return "scale";
    }

    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        int[] sizes = options.quick() ? QUICK : FULL;
        int repetitions = options.quick() ? 4 * GROUPS : REPETITIONS;
        Path dir = TempDirs.create("nudge-bench-scale");
        List<Figure> figures = new ArrayList<>();
        try {
            NudgeConfig config = SandboxWorld.config(dir);
            String mailbox = Sandbox.placeholderMailbox().name();
            Instant now = Clock.systemUTC().instant();
            try (Database db = Database.open(config.database())) {
                int seeded = 0;
                for (int size : sizes) {
                    seed(db, seeded, size, mailbox, now);
                    if (seeded == 0) {
                        // Untimed, so the first size does not pay for the JIT and cold statement caches.
                        dueQueryRuns(db, mailbox, now.minusSeconds(1), repetitions);
                    }
                    seeded = size;
                    double[] runs = dueQueryRuns(db, mailbox, now, repetitions);
                    Figure f = Figure.of(DUE_QUERY, String.format(Locale.ROOT, "%,d enrollments", size), "ms", runs,
                            "the dispatcher's query for " + DispatchBench.BATCH + " due steps of one mailbox, "
                                    + "5% of the enrollments due; each run the median of " + repetitions / GROUPS);
                    out.printf(Locale.ROOT, "%-40s %10.3f ms%n", "due query, " + size + " enrollments", f.median());
                    figures.add(f);
                }
            }
            double heap = Bench.measure(out, "heap while serving " + seeded(sizes) + " enrollments",
                    () -> servingHeapMb(config), "MB");
            figures.add(Figure.of(HEAP, String.format(Locale.ROOT, "%,d active enrollments", seeded(sizes)), "MB",
                    new double[] {heap}, "used heap after a full GC, App with Quartz and the dispatcher running"));
            return figures;
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static int seeded(int[] sizes) {
        return sizes[sizes.length - 1];
    }

    /**
     * Grows the tables from {@code from} to {@code to} contacts, each with one
     * active enrollment, with set-based SQL (H2's SYSTEM_RANGE), in chunks of
     * 100,000 so no one transaction grows too big.
     */
    static void seed(Database db, int from, int to, String mailbox, Instant now) {
        Progress progress = Progress.onStderr("seed", "enrollments");
        for (int start = from + 1; start <= to; start += 100_000) {
            int lo = start;
            int hi = Math.min(to, lo + 99_999);
            db.run(tx -> {
                long before = tx.queryOne("SELECT COALESCE(MAX(id), 0) FROM contact", rs -> rs.getLong(1))
                        .orElse(0L);
                tx.update("INSERT INTO contact (email, first_name, last_name, company, created_at, updated_at) "
                        + "SELECT 'person' || X || '@scale.test', 'Ada', 'Lovelace', 'Engines Ltd', :now, :now "
                        + "FROM SYSTEM_RANGE(:lo, :hi)", "now", now, "lo", lo, "hi", hi);
                tx.update("INSERT INTO enrollment (contact_id, sequence_name, mailbox, status, next_step, "
                        + "due_rank, next_due_at, enrolled_at, updated_at, active_sequence, version) "
                        + "SELECT id, :sequence, :mailbox, 'ACTIVE', 1 + MOD(id, 3), "
                        + "CASE WHEN MOD(id, 3) = 0 THEN 1 ELSE 0 END, "
                        + "DATEADD(MINUTE, MOD(id * 7919, :spread) - :overdue, CAST(:now AS TIMESTAMP WITH TIME ZONE)), "
                        + ":now, :now, :sequence, 0 FROM contact WHERE id > :before",
                        "sequence", SandboxWorld.SEQUENCE, "mailbox", mailbox, "spread", SPREAD_MINUTES,
                        "overdue", OVERDUE_MINUTES, "now", now, "before", before);
            });
            progress.at(hi, (double) (hi - from) / (to - from));
        }
        progress.finish(to);
    }

    /**
     * The exact query the dispatcher runs to pick due steps, {@code repetitions}
     * times, in {@value #GROUPS} groups whose medians are the runs. Each
     * repetition asks a millisecond later, because H2 hands back its previous
     * result for the same query with the same parameters on unchanged tables.
     */
    static double[] dueQueryRuns(Database db, String mailbox, Instant now, int repetitions) {
        EnrollmentRepository enrollments = new EnrollmentRepository();
        double[] all = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            Instant asked = now.plusMillis(r);
            long started = System.nanoTime();
            int found = db.inTransaction(tx -> enrollments.due(tx, mailbox, asked, DispatchBench.BATCH)).size();
            all[r] = (System.nanoTime() - started) / 1e6;
            if (found == 0) {
                throw new dev.nudge.NudgeException("The scale bench found no due work; the seed is wrong");
            }
        }
        double[] runs = new double[GROUPS];
        int per = repetitions / GROUPS;
        for (int g = 0; g < GROUPS; g++) {
            runs[g] = Figure.median(java.util.Arrays.copyOfRange(all, g * per, (g + 1) * per));
        }
        return runs;
    }

    /**
     * Opens Nudge on the seeded database and starts its scheduler: Quartz, the
     * dispatcher and the inbox sync. The placeholder mailbox's inbox can never be
     * read, so the reply-safety gate holds every send: nothing goes out.
     */
    static double servingHeapMb(NudgeConfig config) {
        try (App app = App.open(config, Clock.systemUTC(), null)) {
            app.startScheduling();
            app.dispatcher().dispatchOnce(Sandbox.placeholderMailbox().name());
            Parallel.pause(3_000);
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        }
    }

    @Override
    public List<String> findings(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        BenchCase.find(figures, HEAP).ifPresent(f -> lines.add(String.format(Locale.ROOT,
                "%s (%s): **%.0f MB** (goal <= %.0f MB: %s)", HEAP, f.size(), f.median(), HEAP_GOAL_MB,
                f.median() <= HEAP_GOAL_MB ? "met" : "not met")));
        List<Figure> due = figures.stream().filter(f -> f.name().equals(DUE_QUERY) && f.measured()).toList();
        if (due.size() >= 2) {
            Figure small = due.get(0);
            Figure big = due.get(due.size() - 1);
            double ratio = big.median() / small.median();
            lines.add(String.format(Locale.ROOT, "%s: %.2f ms at %s, %.2f ms at %s: %.1fx (flat means within 2x: %s)",
                    DUE_QUERY, small.median(), small.size(), big.median(), big.size(), ratio,
                    ratio <= 2 ? "flat" : "not flat"));
        }
        return lines;
    }

    @Override
    public String method() {
        return """
                - **Scale**: contacts with one active enrollment each in the sample sequence, seeded with set-based
                  SQL (`INSERT ... SELECT ... FROM SYSTEM_RANGE(...)`, 100,000 rows per transaction), with next due
                  times spread over 100 days of which the first five have passed, so 5% is due (500 steps at
                  10,000, more than one query returns), and steps 1 to 3 mixed.
                  *Due-work query*: at 10,000, 100,000 and 1,000,000 enrollments, the exact query the dispatcher runs
                  to pick up to 200 due steps of one mailbox (`EnrollmentRepository.due`, in its own transaction),
                  repeated 200 times after an untimed round at the first size, each asking 1 ms later (H2 returns its previous result unchanged for an
                  identical query on unchanged tables); the runs are the medians of 5 groups of 40, in ms. *Heap*: Nudge opened on the million-row database with its
                  scheduler started (Quartz, the dispatch and inbox-sync jobs) and one dispatch run; the sandbox's
                  placeholder mailbox has no reachable inbox, so the reply-safety gate holds every send and nothing
                  is sent. After 3 s, `System.gc()` three times, then the used heap from `MemoryMXBean` (the JVM's
                  `-Xmx` may be much larger; this is what is in use).
                """;
    }
}
