package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.DispatchResult;
import dev.nudge.mail.outbound.SmtpMailer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Nudge's own sending path: N due one-step enrollments over M mailboxes, sent
 * by calling the dispatcher per mailbox until nothing is due. Only rendering,
 * sending and committing are timed; enrolling is set-up.
 */
final class DispatchBench {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    static final int BATCH = BenchConfig.DISPATCH_BATCH;

    private final int sends;
    private final int mailboxCount;
    private final SmtpSink sink;

    /** @param sink the SMTP server the mailboxes send to, or null for the embedded GreenMail's */
    DispatchBench(int sends, int mailboxCount, SmtpSink sink) {
        this.sends = sends;
        this.mailboxCount = mailboxCount;
        this.sink = sink;
    }

    /** Messages per second with {@code threads} threads sharing the mailboxes between them. */
    double run(int threads) {
        Path dir = TempDirs.create("nudge-bench-dispatch");
        BenchClock clock = new BenchClock(START);
        try (BenchMailServer server = new BenchMailServer(mailboxCount, sink);
             App app = App.openWith(BenchConfig.write(dir, server.mailboxes(), Duration.ofMinutes(1)), clock,
                     new App.Parts(new SmtpMailer(clock), new ImapMailbox(), server.mailboxes()))) {
            enrollAll(app);
            clock.advance(Duration.ofDays(2));
            for (MailboxConfig m : server.mailboxes()) {
                app.inboxSync().syncOnce(m.name());
            }
            long started = System.nanoTime();
            int sent = dispatchAll(app, server.mailboxes(), threads);
            long took = System.nanoTime() - started;
            if (sent != sends) {
                throw new NudgeException("The dispatch bench sent " + sent + " of " + sends + " due steps");
            }
            return Figure.rate(sent, took);
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Enrolls through the service, a few at a time; not timed. */
    private void enrollAll(App app) {
        List<MailboxConfig> boxes = app.mailboxes().all();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < sends; i += 4) {
                        String sequence = BenchConfig.sequenceOf(boxes.get(i % boxes.size()));
                        app.enrollments().enroll(new EnrollRequest(BenchMailServer.contact(i), "Ada", "Lovelace",
                                "Analytical Engines Ltd", Map.of("met_at", "the meetup"), sequence));
                    }
                }));
            }
            Parallel.awaitAll(done);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int dispatchAll(App app, List<MailboxConfig> mailboxes, int threads) {
        if (threads == 1) {
            int sent = 0;
            for (MailboxConfig m : mailboxes) {
                sent += drain(app, m.name());
            }
            return sent;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (MailboxConfig m : mailboxes) {
                counts.add(pool.submit(() -> drain(app, m.name())));
            }
            return Parallel.sum(counts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Calls the dispatcher for one mailbox until a run finds nothing to do. */
    private static int drain(App app, String mailbox) {
        int sent = 0;
        while (true) {
            DispatchResult r = app.dispatcher().dispatchOnce(mailbox);
            if (r.heldReason() != null) {
                throw new NudgeException("The bench mailbox is held (mailbox: " + mailbox + "): " + r.heldReason());
            }
            if (r.sent() + r.failed() + r.held() + r.retrying() == 0) {
                return sent;
            }
            sent += r.sent();
        }
    }
}
