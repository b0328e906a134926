package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.SmtpMailer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * From a reply's delivery to its enrollment's stop, through Nudge's real
 * wiring: the App with Quartz and the IMAP IDLE watcher running in real time,
 * against a Dovecot of its own. A reply is delivered by IMAP APPEND into the
 * sender's INBOX; it counts as handled once the enrollment reads REPLIED from
 * the database.
 */
final class ReplyBench implements AutoCloseable {

    private static final String USER = "sender";
    private static final Duration LOOK_EVERY = Duration.ofMillis(10);

    private final Path dir;
    private final DovecotServer dovecot;
    private final App app;
    private final Store replier;
    private final Folder inbox;
    private final Duration pollInterval;
    private final List<Enrollment> enrolled = new ArrayList<>();
    private final Random random = new Random(20261123);
    private int next;

    /**
     * @param idle     false runs a Dovecot that does not offer IDLE, so Nudge only polls
     * @param contacts how many enrollments are ready to reply
     */
    ReplyBench(boolean idle, Duration pollInterval, int contacts) {
        this.pollInterval = pollInterval;
        this.dir = TempDirs.create("nudge-bench-reply");
        DovecotServer server = null;
        App opened = null;
        Store store = null;
        try {
            server = new DovecotServer(List.of(USER), idle).start();
            MailboxConfig box = server.mailbox(USER, USER);
            Clock clock = Clock.systemUTC();
            opened = App.openWith(BenchConfig.write(dir, List.of(box), pollInterval), clock,
                    new App.Parts(new SmtpMailer(clock), new ImapMailbox(), List.of(box)));
            for (int i = 0; i < contacts; i++) {
                enrolled.add(opened.enrollments().enroll(new EnrollRequest(BenchMailServer.contact(i), "Ada",
                        "Lovelace", "Analytical Engines Ltd", Map.of("met_at", "the meetup"),
                        BenchConfig.sequenceOf(box))));
            }
            opened.startScheduling();
            store = server.login(USER);
            inbox = store.getFolder("INBOX");
        } catch (RuntimeException | MessagingException e) {
            close(store, opened, server);
            TempDirs.delete(dir);
            throw e instanceof RuntimeException r ? r : new NudgeException("Cannot set up the reply bench: " + e, e);
        }
        this.dovecot = server;
        this.app = opened;
        this.replier = store;
    }

    /**
     * Delivers {@code count} replies one after the other, each after the
     * previous one stopped its enrollment; milliseconds from delivery to stop.
     */
    double[] oneByOne(int count) {
        double[] millis = new double[count];
        for (int r = 0; r < count; r++) {
            DovecotServer.pause(Duration.ofMillis(200 + random.nextInt(500)));
            Enrollment e = enrolled.get(next++);
            long delivered = deliver(e);
            millis[r] = (awaitReplied(Map.of(e.id(), delivered)).get(e.id()) - delivered) / 1e6;
        }
        return millis;
    }

    /**
     * Delivers {@code count} replies at random moments within {@code spread},
     * all in flight together; milliseconds from each delivery to its stop.
     */
    double[] spreadOver(int count, Duration spread) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Map<Long, Long> delivered = new ConcurrentHashMap<>();
        try {
            List<ScheduledFuture<?>> sends = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                Enrollment e = enrolled.get(next++);
                long at = (long) (random.nextDouble() * spread.toMillis());
                sends.add(timer.schedule(() -> delivered.put(e.id(), deliver(e)), at, TimeUnit.MILLISECONDS));
            }
            Parallel.awaitAll(sends);
        } finally {
            timer.shutdownNow();
        }
        Map<Long, Long> stopped = awaitReplied(delivered);
        return delivered.entrySet().stream().mapToDouble(d -> (stopped.get(d.getKey()) - d.getValue()) / 1e6)
                .toArray();
    }

    // Looks at the enrollments every 10 ms; the nanoTime at which each was first seen REPLIED.
    private Map<Long, Long> awaitReplied(Map<Long, Long> waiting) {
        long deadline = System.nanoTime() + pollInterval.multipliedBy(2).plusSeconds(60).toNanos();
        Map<Long, Long> seen = new HashMap<>();
        while (seen.size() < waiting.size()) {
            if (System.nanoTime() > deadline) {
                throw new NudgeException("Only " + seen.size() + " of " + waiting.size() + " replies stopped their"
                        + " enrollment within " + pollInterval.multipliedBy(2).plusSeconds(60).toSeconds() + " s");
            }
            long now = System.nanoTime();
            for (Enrollment e : app.enrollments().list()) {
                if (waiting.containsKey(e.id()) && e.status() == EnrollmentStatus.REPLIED) {
                    seen.putIfAbsent(e.id(), now);
                }
            }
            DovecotServer.pause(LOOK_EVERY);
        }
        return seen;
    }

    // APPEND is thread-safe enough here: one timer thread, or the calling thread, delivers at a time.
    private synchronized long deliver(Enrollment e) {
        try {
            MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
            reply.setFrom(new InternetAddress(e.contactEmail(), "Ada Lovelace", "UTF-8"));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(DovecotServer.address(USER)));
            reply.setSubject("Re: Thanks for your time, Ada", "UTF-8");
            reply.setText("Hi,\n\nthanks, a call next week works for me. Tuesday at 10?\n\nAda\n\n"
                    + "> Just reply with a time that works for you.\n", "UTF-8");
            reply.saveChanges();
            long started = System.nanoTime();
            inbox.appendMessages(new Message[] {reply});
            return started;
        } catch (MessagingException | java.io.UnsupportedEncodingException ex) {
            throw new NudgeException("Cannot deliver a bench reply: " + ex.getMessage() + "\n" + dovecot.log(), ex);
        }
    }

    @Override
    public void close() {
        close(replier, app, dovecot);
        TempDirs.delete(dir);
    }

    private static void close(Store store, App app, DovecotServer server) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // The server goes next anyway.
        } finally {
            try {
                if (app != null) {
                    app.close();
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }
}
