package dev.nudge.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sending: the dispatcher with one thread and with one per core, next to a
 * plain SMTP loop (the ceiling) and to one Quartz trigger per step.
 */
final class SendingCase implements BenchCase {

    static final String DISPATCH_SEQUENTIAL = "Dispatch, 1 thread";
    static final String DISPATCH_PARALLEL = "Dispatch, 1 thread per core";
    static final String DISPATCH_POOL = "Dispatch, Quartz's worker threads";
    static final String CEILING = "Ceiling: plain SMTP loop, 1 connection";
    static final String QUARTZ = "Quartz: 1 trigger per step";
    static final String SINK_SEQUENTIAL = "Dispatch into smtp-sink, 1 thread";
    static final String SINK_PARALLEL = "Dispatch into smtp-sink, 1 thread per core";
    static final String SINK_POOL = "Dispatch into smtp-sink, Quartz's worker threads";
    static final String SINK_CEILING = "Ceiling into smtp-sink: plain SMTP loop";
    static final double GOAL = 0.7;
    private static final int WORKERS = dev.nudge.schedule.Scheduling.WORKER_THREADS;

    @Override
    public String key() {
        return "sending";
    }

    /** Each round runs every sending case once, so drifting load on the machine hits them all alike. */
    @Override
    public List<Figure> run(BenchOptions options, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = options.sends();
        int runs = options.runs();
        double[] sequential = new double[runs];
        double[] parallel = new double[runs];
        double[] pool = new double[runs];
        double[] ceiling = new double[runs];
        double[] quartz = new double[runs];
        DispatchBench dispatch = new DispatchBench(n, options.mailboxes(), null);
        for (int r = 0; r < runs; r++) {
            String round = "run " + (r + 1) + "/" + runs;
            sequential[r] = Bench.measure(out, "dispatch, 1 thread, " + round, () -> dispatch.run(1), "msg/s");
            parallel[r] = Bench.measure(out, "dispatch, " + cores + " threads, " + round, () -> dispatch.run(cores),
                    "msg/s");
            pool[r] = Bench.measure(out, "dispatch, " + WORKERS + " threads, " + round, () -> dispatch.run(WORKERS),
                    "msg/s");
            ceiling[r] = Bench.measure(out, "plain SMTP loop, " + round, () -> new CeilingBench(n, null).run(),
                    "msg/s");
            quartz[r] = Bench.measure(out, "Quartz trigger per step, " + round,
                    () -> new QuartzBench(options.quartzSteps()).run(), "msg/s");
        }
        String size = n + " steps, " + options.mailboxes() + " mailboxes";
        String quartzNote = options.quartzSteps() < n
                ? "; capped at " + options.quartzSteps() + " steps; the full " + n + " would take too long"
                : "";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(DISPATCH_SEQUENTIAL, size, "msg/s", sequential,
                        "dispatchOnce per mailbox in turn, batches of " + DispatchBench.BATCH),
                Figure.of(DISPATCH_PARALLEL, size, "msg/s", parallel,
                        cores + " threads (one per core), mailboxes shared between them"),
                Figure.of(DISPATCH_POOL, size, "msg/s", pool,
                        WORKERS + " threads, as many as `serve` gives Quartz, mailboxes shared between them"),
                Figure.of(CEILING, n + " messages", "msg/s", ceiling,
                        "Transport.connect once, sendMessage " + n + " times"),
                Figure.of(QUARTZ, options.quartzSteps() + " steps", "msg/s", quartz,
                        "JDBC job store on H2, a new SMTP connection per job" + quartzNote)));
        figures.addAll(intoSink(options, out, cores));
        return figures;
    }

    /** The dispatcher and the plain loop again, sending into Postfix's smtp-sink instead of GreenMail. */
    private static List<Figure> intoSink(BenchOptions options, PrintStream out, int cores) {
        var binary = SmtpSink.binary();
        if (binary.isEmpty()) {
            String why = "skipped: smtp-sink is not installed (Debian package postfix)";
            out.println("smtp-sink: " + why);
            return List.of(Figure.skipped(SINK_SEQUENTIAL, why), Figure.skipped(SINK_PARALLEL, why),
                    Figure.skipped(SINK_POOL, why), Figure.skipped(SINK_CEILING, why));
        }
        int n = options.sends();
        int runs = options.runs();
        double[] sequential = new double[runs];
        double[] parallel = new double[runs];
        double[] pool = new double[runs];
        double[] ceiling = new double[runs];
        try (SmtpSink sink = SmtpSink.start(binary.get())) {
            DispatchBench dispatch = new DispatchBench(n, options.mailboxes(), sink);
            for (int r = 0; r < runs; r++) {
                String round = "run " + (r + 1) + "/" + runs;
                sequential[r] = Bench.measure(out, "smtp-sink: dispatch, 1 thread, " + round, () -> dispatch.run(1),
                        "msg/s");
                parallel[r] = Bench.measure(out, "smtp-sink: dispatch, " + cores + " threads, " + round,
                        () -> dispatch.run(cores), "msg/s");
                pool[r] = Bench.measure(out, "smtp-sink: dispatch, " + WORKERS + " threads, " + round,
                        () -> dispatch.run(WORKERS), "msg/s");
                ceiling[r] = Bench.measure(out, "smtp-sink: plain SMTP loop, " + round,
                        () -> new CeilingBench(n, sink).run(), "msg/s");
            }
        }
        String size = n + " steps, " + options.mailboxes() + " mailboxes";
        return List.of(
                Figure.of(SINK_SEQUENTIAL, size, "msg/s", sequential, "as above, SMTP to smtp-sink, IMAP on GreenMail"),
                Figure.of(SINK_PARALLEL, size, "msg/s", parallel, cores + " threads, SMTP to smtp-sink"),
                Figure.of(SINK_POOL, size, "msg/s", pool, WORKERS + " threads, SMTP to smtp-sink"),
                Figure.of(SINK_CEILING, n + " messages", "msg/s", ceiling,
                        "Transport.connect once to smtp-sink, sendMessage " + n + " times"));
    }

    /** Dispatch over the ceiling of the same server, against the goal of 0.7. */
    @Override
    public List<String> findings(List<Figure> figures) {
        List<String> lines = new ArrayList<>();
        ratio(figures, DISPATCH_SEQUENTIAL, CEILING, lines);
        ratio(figures, DISPATCH_PARALLEL, CEILING, lines);
        ratio(figures, DISPATCH_POOL, CEILING, lines);
        ratio(figures, SINK_SEQUENTIAL, SINK_CEILING, lines);
        ratio(figures, SINK_PARALLEL, SINK_CEILING, lines);
        ratio(figures, SINK_POOL, SINK_CEILING, lines);
        BenchCase.find(figures, DISPATCH_SEQUENTIAL).ifPresent(d -> BenchCase.find(figures, QUARTZ).ifPresent(q ->
                lines.add(String.format(Locale.ROOT, "%s / %s: **%.1f**", DISPATCH_SEQUENTIAL, QUARTZ,
                        d.median() / q.median()))));
        return lines;
    }

    private static void ratio(List<Figure> figures, String name, String ceilingName, List<String> lines) {
        BenchCase.find(figures, name).ifPresent(f -> BenchCase.find(figures, ceilingName).ifPresent(c -> {
            double ratio = f.median() / c.median();
            lines.add(String.format(Locale.ROOT, "%s / %s: **%.2f** (goal >= %.1f: %s)", name, c.name(), ratio,
                    GOAL, ratio >= GOAL ? "met" : "not met"));
        }));
    }

    @Override
    public String method() {
        return """
                - **Dispatch**: due one-step enrollments spread evenly over the sender mailboxes, each mailbox a
                  user of one embedded GreenMail (SMTP and IMAP on 127.0.0.1), an H2 file opened as Nudge opens
                  it (a commit is on disk when it returns), the shipped first template (text and HTML). Contacts
                  are enrolled through the enrollment service and each inbox is synced once beforehand so the
                  reply-safety gate lets sends through; neither is timed. With one thread, one per core,
                  and as many as `serve` gives Quartz (whose jobs send for several mailboxes at once). Timed: calling the dispatcher per
                  mailbox until nothing is due, that is claiming, rendering, committing `sending`, sending over
                  SMTP (one connection per dispatch run) and committing `sent`. Logging is at WARN, as for every
                  command but `serve`.
                - **Ceiling**: the same number of similar messages (text and HTML) from a plain Angus Mail loop to
                  the same kind of GreenMail over one reused connection; no database, no templates.
                - **Quartz, one trigger per step**: the design Nudge did not take. Quartz's JDBC job store on the
                  same kind of H2 file (tables from Nudge's Flyway migrations, Nudge's scheduler settings: 4
                  threads, trigger batches of 10), one SimpleTrigger per step, all due at once; each job sends one
                  message over a new SMTP connection. Timed from starting the scheduler until every job has
                  sent; scheduling the triggers is not timed.
                - **Into smtp-sink**: the dispatch and ceiling cases again with SMTP going to Postfix's
                  `smtp-sink` (a C server that accepts and discards mail as fast as the socket allows) on a
                  free loopback port, started by the bench; the inboxes are still read from GreenMail. The
                  GreenMail server runs in the bench's own JVM and takes CPU from the client; the sink does
                  not, so these rows show the client's own cost. Skipped when `smtp-sink` is not installed
                  (`apt-get install postfix`).
                """;
    }
}
