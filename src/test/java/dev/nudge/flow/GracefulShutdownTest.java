package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.nudge.App;
import dev.nudge.config.ConfigLoader;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.DispatchResult;
import dev.nudge.mail.outbound.Mailer;
import dev.nudge.mail.outbound.OutgoingEmail;
import dev.nudge.mail.outbound.SmtpMailer;
import dev.nudge.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nudge is stopped while a dispatch run is sending a long batch, with the real
 * parts: GreenMail, an H2 file, Quartz, copies filed in the Sent folder over
 * IMAP. Once through {@link App#close()}, once as {@code nudge serve} in a child
 * JVM that gets SIGTERM. The step on the wire must finish and be recorded, the
 * run must end there rather than at the end of its batch, the stop must log no
 * error, and a restart must send the rest, none twice.
 */
class GracefulShutdownTest {

    private static final String ME = "me@shutdown.test";
    private static final String PASSWORD = "shutdown-test-password";
    private static final String PASSWORD_ENV = "NUDGE_TEST_PASSWORD";
    /** One dispatch run takes them all; with a copy filed per step that run lasts far beyond the bound. */
    private static final int SENDS = 300;
    private static final int BEFORE_STOP = 10;
    /** The mailbox's SMTP connect and read timeouts. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** How long App waits for running jobs at most: 5 s more than both timeouts. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(5).plus(TIMEOUT).plus(TIMEOUT);
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GreenMail greenMail;

    @BeforeEach
    void start() throws Exception {
        greenMail = CrashChild.startMailWithSent(ME, PASSWORD);
        CrashChild.writeSequence(dir);
        writeConfig("nudge.yaml", true, TIMEOUT);
        // The restart that sends the rest files no copies: at ~90 ms a copy on GreenMail they would cost half a minute.
        writeConfig("restart.yaml", false, TIMEOUT);
        writeConfig("short-timeouts.yaml", false, Duration.ofSeconds(1));
    }

    private void writeConfig(String name, boolean appendToSent, Duration timeout) throws Exception {
        Files.writeString(dir.resolve(name), """
                templates: %s
                sequences: %s
                database:
                  url: jdbc:h2:file:%s
                web:
                  port: 0
                scheduling:
                  zone: Europe/Berlin
                  inbox-poll-interval: PT1S
                  max-inbox-age: PT10M
                  dispatch-recheck: PT1S
                  dispatch-batch: %d
                mailboxes:
                  - name: work
                    address: %s
                    password-env: %s
                    append-to-sent: %s
                    folders: [INBOX]
                    smtp: {host: 127.0.0.1, port: %d, security: plain, connect-timeout: %s, read-timeout: %s}
                    imap: {host: 127.0.0.1, port: %d, security: plain, connect-timeout: %s, read-timeout: %s}
                """.formatted(Path.of("templates").toAbsolutePath(), dir.resolve("sequences"),
                dir.resolve("nudge").toAbsolutePath(), SENDS, ME, PASSWORD_ENV, appendToSent,
                greenMail.getSmtp().getPort(), timeout, timeout, greenMail.getImap().getPort(), timeout, timeout));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void closing_the_app_mid_run_records_every_step_the_server_got_and_stops_between_steps() throws Exception {
        enrollEveryone();
        List<String> errors;
        Duration took;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            App app = open(Clock.systemUTC());
            try {
                app.inboxSync().syncOnce("work"); // the reply-safety gate lets the first run send at once
                CountDownLatch arrived = deliveries(BEFORE_STOP);
                app.startScheduling();
                assertThat(arrived.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("sending began").isTrue();
            } finally {
                long started = System.nanoTime();
                app.close();
                took = Duration.ofNanos(System.nanoTime() - started);
            }
            errors = logs.lines().stream().filter(GracefulShutdownTest::errorOrStackTrace).toList();
        }
        assertThat(errors).as("log events at ERROR, or with a stack trace, while stopping").isEmpty();
        assertThat(took).as("close() waits for the step on the wire, not for the batch").isLessThan(STOP_BOUND);
        assertStoppedMidRunWithEveryDeliveryRecorded();
        assertRestartSendsTheRestOnce();
    }

    @Test
    void sigterm_to_serve_mid_run_records_every_step_the_server_got_and_logs_no_error() throws Exception {
        enrollEveryone();
        CountDownLatch arrived = deliveries(BEFORE_STOP);
        Path log = dir.resolve("serve.log");
        Process serve = serve(log);
        try {
            assertThat(arrived.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("sending began; log:%n%s",
                    read(log)).isTrue();
            long started = System.nanoTime();
            serve.destroy(); // SIGTERM
            boolean ended = serve.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(ended).as("serve ended within %s of SIGTERM; log:%n%s", STOP_BOUND, read(log)).isTrue();
            assertThat(serve.exitValue()).as("exit code; log:%n%s", read(log)).isZero();
            System.out.printf("graceful shutdown: serve stopped %d ms after SIGTERM%n", took.toMillis());
        } finally {
            serve.destroyForcibly();
            serve.waitFor();
        }
        String said = read(log);
        assertThat(said.lines().filter(l -> l.contains(" ERROR ") || l.startsWith("\tat ")
                || l.contains("Exception"))).as("errors and stack traces in the log:%n%s", said).isEmpty();
        assertThat(said).contains("scheduler stopped jobs_waited_for=");
        assertStoppedMidRunWithEveryDeliveryRecorded();
        assertRestartSendsTheRestOnce();
    }

    @Test
    void a_send_that_hangs_past_the_bound_is_named_and_close_returns_at_the_bound() throws Exception {
        enrollEveryone();
        NudgeConfig config = config("short-timeouts.yaml");
        Duration bound = Duration.ofSeconds(5).plus(Duration.ofSeconds(2)); // 5 s plus a 1 s connect and read timeout
        HangingMailer mailer = new HangingMailer(new SmtpMailer(Clock.systemUTC()), 3);
        List<String> warnings;
        Duration took;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            App app = App.openWith(config, Clock.systemUTC(), new App.Parts(mailer, new ImapMailbox(),
                    config.mailboxes()));
            try {
                app.inboxSync().syncOnce("work");
                app.startScheduling();
                assertThat(mailer.hanging.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } finally {
                long started = System.nanoTime();
                app.close();
                took = Duration.ofNanos(System.nanoTime() - started);
            }
            warnings = logs.lines().stream().filter(l -> l.contains(" WARN ")).toList();
        } finally {
            mailer.release.countDown();
        }
        assertThat(took).as("close() gives up at the bound").isBetween(bound.minusSeconds(1), bound.plusSeconds(5));
        assertThat(warnings).anyMatch(l -> l.contains("scheduler stopped without waiting for jobs still running")
                && l.contains("[dispatch mailbox=work]"));
    }

    /** Real SMTP, except that one send hangs, as with a server that stopped answering, until released. */
    private static final class HangingMailer implements Mailer {

        final CountDownLatch hanging = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Mailer real;
        private final int hangAt;
        private int sends;

        HangingMailer(Mailer real, int hangAt) {
            this.real = real;
            this.hangAt = hangAt;
        }

        @Override
        public Connection connect(MailboxConfig mailbox) {
            Connection smtp = real.connect(mailbox);
            return new Connection() {
                @Override
                public void send(OutgoingEmail email) {
                    if (++sends == hangAt) {
                        hanging.countDown();
                        awaitRelease();
                    }
                    smtp.send(email);
                }

                @Override
                public void close() {
                    smtp.close();
                }
            };
        }

        private void awaitRelease() {
            try {
                release.await(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void a_stopped_inbox_sync_reads_nothing_and_does_not_count_as_a_read_of_the_inbox() throws Exception {
        try (MailWorld world = new MailWorld(dir.resolve("world"))) {
            world.deliverToMe("someone@prospect.test", "Hello", "Are you there?", Map.of());
            world.app.inboxSync().stop();
            assertThat(world.app.inboxSync().syncOnce("work")).isZero();
            assertThat(world.app.dispatcher().holdReason("work")).hasValueSatisfying(
                    reason -> assertThat(reason).contains("has not been read yet"));
            assertThat(world.app.dispatcher().dispatchOnce("work").sent()).isZero();
        }
    }

    private NudgeConfig config(String name) {
        return ConfigLoader.load(dir.resolve(name), Map.of(PASSWORD_ENV, PASSWORD));
    }

    private App open(Clock clock) {
        return CrashChild.open(config("nudge.yaml"), clock);
    }

    private void enrollEveryone() {
        // Enrolled an hour ago, so every step ("minute 1") is due at once.
        try (App app = open(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))) {
            for (int i = 0; i < SENDS; i++) {
                app.enrollments().enroll(new EnrollRequest("contact" + i + "@prospect.test", "Contact",
                        String.valueOf(i), null, Map.of(), "one-step"));
            }
        }
    }

    /** Opens once {@code count} more contacts got their message (GreenMail counts our Sent copies too). */
    private CountDownLatch deliveries(int count) {
        int held = greenMail.getManagers().getImapHostManager().getAllMessages().size();
        return greenMail.getManagers().getSmtpManager().createAndAddNewWaitObject(held + count);
    }

    private Process serve(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.nudge.cli.Main", "--config", dir.resolve("nudge.yaml").toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PASSWORD_ENV, PASSWORD);
        return builder.start();
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private static boolean errorOrStackTrace(String captured) {
        String[] parts = captured.split(" ", 3);
        return parts[1].equals("ERROR") || (!parts[1].equals("DEBUG") && !parts[1].equals("TRACE")
                && captured.contains("\n\tat "));
    }

    private void assertStoppedMidRunWithEveryDeliveryRecorded() {
        Figures f = figures();
        assertThat(f.delivered()).as("stopped mid-run").isBetween(BEFORE_STOP, SENDS - 1);
        assertThat(f.unrecorded()).as("delivered but not recorded as sent").isZero();
        assertThat(f.status()).as("outbound messages by status").containsOnlyKeys("SENT");
        assertThat(f.status().get("SENT")).as("sent, against what the server got").isEqualTo(f.delivered());
        assertThat(f.duplicates()).as("contacts who got two messages").isZero();
    }

    /** A restart (without the scheduler) finds nothing to settle and sends the rest. */
    private void assertRestartSendsTheRestOnce() {
        try (App app = CrashChild.open(config("restart.yaml"), Clock.systemUTC())) {
            var recovered = app.recoverInterruptedSends();
            assertThat(recovered.sent() + recovered.uncertain()).as("sends left half-done").isZero();
            app.inboxSync().syncOnce("work");
            DispatchResult r;
            do {
                r = app.dispatcher().dispatchOnce("work");
            } while (r.sent() + r.held() + r.failed() > 0);
        }
        Figures f = figures();
        assertThat(f.delivered()).isEqualTo(SENDS);
        assertThat(f.status()).isEqualTo(Map.of("SENT", SENDS));
        assertThat(f.unrecorded()).isZero();
        assertThat(f.duplicates()).as("contacts who got two messages").isZero();
    }

    /**
     * @param delivered  messages the contacts got (our Sent copies aside)
     * @param unrecorded of those, how many the database does not hold as SENT
     * @param duplicates messages beyond the first to the same contact
     */
    private record Figures(int delivered, int unrecorded, int duplicates, Map<String, Integer> status) {
    }

    private Figures figures() {
        List<MimeMessage> received = greenMail.findReceivedMessages(u -> !u.getEmail().equalsIgnoreCase(ME),
                m -> true).toList();
        Map<String, String> statusById = new HashMap<>();
        try (Database db = Database.open(config("nudge.yaml").database())) {
            db.inTransaction(tx -> tx.query("SELECT message_id, status FROM outbound_message",
                    rs -> statusById.put(rs.getString(1), rs.getString(2))));
        }
        Map<String, Integer> byRecipient = new HashMap<>();
        int unrecorded = 0;
        for (MimeMessage m : received) {
            try {
                String id = m.getHeader("Message-ID")[0].replaceAll("[<>]", "");
                if (!"SENT".equals(statusById.get(id))) {
                    unrecorded++;
                }
                byRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Integer> status = new HashMap<>();
        statusById.values().forEach(s -> status.merge(s, 1, Integer::sum));
        int duplicates = byRecipient.values().stream().mapToInt(n -> n - 1).sum();
        return new Figures(received.size(), unrecorded, duplicates, status);
    }
}
