package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.nudge.App;
import dev.nudge.config.NudgeConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nudge in a child JVM is killed with SIGKILL in the middle of a burst of sends,
 * again and again, each restart settling what the last one left half-done; a
 * final run finishes. No due step may be lost, none delivered twice, and a send
 * may end uncertain only if it was in flight when the process died.
 *
 * <p>The defaults keep it short; the full size is
 * {@code mvn -o test -Dtest=CrashTest -Dnudge.crash.sends=1000 -Dnudge.crash.rounds=20}.
 */
class CrashTest {

    private static final int SENDS = Integer.getInteger("nudge.crash.sends", 200);
    private static final int ROUNDS = Integer.getInteger("nudge.crash.rounds", 5);
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private final Random random = new Random(42);

    @BeforeEach
    void start() throws Exception {
        greenMail = CrashChild.startMailWithSent(CrashChild.ME, CrashChild.PASSWORD);
        CrashChild.writeSequence(dir);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private NudgeConfig config() {
        return CrashChild.config(dir, greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
    }

    @Test
    void kill_minus_9_mid_burst_loses_no_step_and_sends_none_twice() throws Exception {
        long started = System.nanoTime();
        enrollEveryone();
        System.out.printf("crash test: %d enrolled in %.1f s%n", SENDS, (System.nanoTime() - started) / 1e9);
        int inFlight = 0;
        int delivered = 0;
        List<String> recoveries = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int target = Math.max(1, SENDS / (ROUNDS + 1) + random.nextInt(5) - 2);
            delivered += runAndKill(round, target);
            int sending = countSending();
            inFlight += sending;
            recoveries.add(round + ": killed after " + target + " deliveries, " + sending + " in flight");
        }
        String last = runToTheEnd();
        Figures f = figures();
        System.out.printf("crash test: %d sends, %d kill -9 rounds, %.1f s%n  in flight at the kills: %d%n"
                        + "  settled at restarts (sent from the Sent folder / uncertain): %s%n"
                        + "  sent: %d, uncertain: %d (of which the server had: %d), lost: %d, duplicates by"
                        + " Message-ID: %d, by recipient: %d%n  final run: %s%n"
                        + "  full size: mvn -o test -Dtest=CrashTest -Dnudge.crash.sends=1000"
                        + " -Dnudge.crash.rounds=20%n",
                SENDS, ROUNDS, (System.nanoTime() - started) / 1e9, inFlight, f.recovered(), f.sent(),
                f.uncertain(), f.uncertainDelivered(), f.lost(), f.duplicateIds(), f.duplicateRecipients(), last);
        assertThat(delivered).as("the kills came mid-burst").isPositive();
        assertThat(f.lost()).as("steps lost").isZero();
        assertThat(f.duplicateIds()).as("the same step delivered twice").isZero();
        assertThat(f.duplicateRecipients()).as("a contact who got two messages").isZero();
        assertThat(f.uncertain()).as("uncertain sends against sends in flight at the kills").isLessThanOrEqualTo(
                inFlight);
        assertThat(f.sent() + f.uncertain()).isEqualTo(SENDS);
    }

    private void enrollEveryone() {
        // Enrolled an hour ago, so every step ("minute 1") is due when the children start.
        try (App app = CrashChild.open(config(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))) {
            for (int i = 0; i < SENDS; i++) {
                app.enrollments().enroll(new EnrollRequest(recipient(i), "Contact", String.valueOf(i), null,
                        Map.of(), CrashChild.SEQUENCE));
            }
        }
    }

    private static String recipient(int i) {
        return "contact" + i + "@prospect.test";
    }

    /** Starts a child, kills it with SIGKILL soon after {@code target} more messages arrived; returns them. */
    private int runAndKill(int round, int target) throws Exception {
        // GreenMail counts the messages it already holds (our Sent copies too) against the total asked for.
        int held = greenMail.getManagers().getImapHostManager().getAllMessages().size();
        CountDownLatch arrived = greenMail.getManagers().getSmtpManager().createAndAddNewWaitObject(held + target);
        Process child = startChild("round-" + round);
        boolean reached = arrived.await(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS);
        // A little jitter so the kill lands anywhere in a send: before the server answers,
        // between its answer and the copy in Sent, between that and our commit, or after.
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(40_000)));
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
        child.waitFor();
        assertThat(reached).as("round %d reached %d deliveries; child log:%n%s", round, target,
                log("round-" + round)).isTrue();
        return target;
    }

    private String runToTheEnd() throws Exception {
        Process child = startChild("final");
        boolean ended = child.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String log = log("final");
        assertThat(ended && child.exitValue() == 0).as("the final run ends; its log:%n%s", log).isTrue();
        return log.lines().filter(l -> l.startsWith("RECOVERED") || l.startsWith("DONE")).toList().toString();
    }

    private Process startChild(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File out = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dir.toString(), String.valueOf(greenMail.getSmtp().getPort()),
                String.valueOf(greenMail.getImap().getPort()))
                .redirectErrorStream(true).redirectOutput(out).start();
    }

    private String log(String name) throws Exception {
        Path file = dir.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }

    private int countSending() {
        try (Database db = Database.open(config().database())) {
            return db.inTransaction(tx -> tx.queryOne(
                    "SELECT COUNT(*) FROM outbound_message WHERE status = 'SENDING'", rs -> rs.getInt(1))
                    .orElse(0));
        }
    }

    private record Figures(int sent, int uncertain, int uncertainDelivered, int lost, int duplicateIds,
                           int duplicateRecipients, String recovered) {
    }

    private Figures figures() throws Exception {
        Map<String, Integer> byId = new HashMap<>();
        Map<String, Integer> byRecipient = new HashMap<>();
        // What the contacts got: our own copies in the Sent folder do not count.
        List<MimeMessage> received = greenMail.findReceivedMessages(
                u -> !u.getEmail().equalsIgnoreCase(CrashChild.ME), m -> true).toList();
        for (MimeMessage m : received) {
            byId.merge(m.getHeader("Message-ID")[0].replaceAll("[<>]", ""), 1, Integer::sum);
            byRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        Map<String, String> statusById = new HashMap<>();
        int enrollments;
        try (Database db = Database.open(config().database())) {
            db.inTransaction(tx -> tx.query("SELECT message_id, status FROM outbound_message",
                    rs -> statusById.put(rs.getString(1), rs.getString(2))));
            enrollments = db.inTransaction(tx -> tx.queryOne("SELECT COUNT(*) FROM enrollment",
                    rs -> rs.getInt(1)).orElse(0));
        }
        int sent = count(statusById, "SENT");
        int uncertain = count(statusById, "UNCERTAIN");
        int uncertainDelivered = (int) statusById.entrySet().stream()
                .filter(e -> e.getValue().equals("UNCERTAIN") && byId.containsKey(e.getKey())).count();
        // Lost: a due step that is neither sent nor uncertain, or "sent" without reaching the server.
        int lost = enrollments - sent - uncertain + (int) statusById.entrySet().stream()
                .filter(e -> e.getValue().equals("SENT") && !byId.containsKey(e.getKey())).count();
        return new Figures(sent, uncertain, uncertainDelivered, lost, duplicates(byId), duplicates(byRecipient),
                recoveredLines());
    }

    private String recoveredLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            log("round-" + round).lines().filter(l -> l.startsWith("RECOVERED")).findFirst()
                    .map(l -> l.substring("RECOVERED ".length()).replace(' ', '/')).ifPresent(lines::add);
        }
        log("final").lines().filter(l -> l.startsWith("RECOVERED")).findFirst()
                .map(l -> l.substring("RECOVERED ".length()).replace(' ', '/')).ifPresent(lines::add);
        return String.join(" ", lines);
    }

    private static int count(Map<String, String> statusById, String status) {
        return (int) statusById.values().stream().filter(status::equals).count();
    }

    private static int duplicates(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(n -> n - 1).sum();
    }
}
