package dev.nudge.sandbox;

import dev.nudge.App;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.ReplyConfig;
import dev.nudge.config.SandboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.enrollment.ContactHistory;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.HistoryText;
import dev.nudge.enrollment.StepTimes;
import dev.nudge.sequence.Sequence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole story on its own, checked as it goes: enroll a contact, the first
 * follow-up arrives, the contact replies, the sequence stops, and no later step
 * is ever sent.
 */
public final class DemoStory {

    private static final String SEQUENCE = "follow-up";

    private final PrintStream out;
    private final Duration dayLength;
    private final Clock clock = Clock.systemUTC();
    private final Instant started = clock.instant();
    private boolean ok = true;

    public DemoStory(PrintStream out, Duration dayLength) {
        this.out = out;
        this.dayLength = dayLength;
    }

    /** Runs the story in a temporary folder; true only if every check held. */
    public boolean run() throws IOException {
        Path dir = Files.createTempDirectory("nudge-demo");
        try {
            SampleFiles.extract(dir);
            try (Sandbox sandbox = Sandbox.start();
                 App app = App.open(config(dir), clock, sandbox);
                 SandboxProspect prospect = SandboxProspect.start(sandbox)) {
                say("sandbox mail server on 127.0.0.1 (SMTP " + sandbox.smtpPort() + ", IMAP " + sandbox.imapPort()
                        + "); one sequence day lasts " + dayLength.toMillis() + " ms");
                app.startScheduling();
                play(app, sandbox, prospect);
            }
        } finally {
            deleteTree(dir);
        }
        out.println(ok ? "Demo passed." : "Demo FAILED.");
        return ok;
    }

    private void play(App app, Sandbox sandbox, SandboxProspect prospect) {
        String ada = SandboxProspect.ADDRESS;
        Sequence sequence = app.sequences().get(SEQUENCE);
        Enrollment e = app.enrollments().enroll(new EnrollRequest(ada, "Ada", "Lovelace",
                "Analytical Engines Ltd", Map.of("met_at", "the Difference Engine meetup"), SEQUENCE));
        say("enrolled " + ada + " in " + SEQUENCE + ": " + sequence.steps().stream()
                .map(s -> s.at().text()).toList() + " after enrollment");
        check("step 1 (" + sequence.step(1).at().text() + ") arrives in Ada's inbox",
                Waits.until(() -> !sandbox.inboxOf(ada).isEmpty(), Duration.ofSeconds(60)));
        check("Ada replies", Waits.until(prospect::replied, Duration.ofSeconds(30)));
        check("the inbox sync sees the reply and stops the sequence",
                Waits.until(() -> status(app, e.id()) == EnrollmentStatus.REPLIED, Duration.ofSeconds(30)));
        Instant lastStep = new StepTimes(ZoneId.systemDefault(), dayLength)
                .planned(sequence, sequence.steps().size(), e.enrolledAt());
        Instant settle = lastStep.plus(app.scheduling().dispatchRecheck().multipliedBy(3));
        say("waiting until step " + sequence.steps().size() + " (" + sequence.steps().get(sequence.steps().size() - 1)
                .at().text() + ") would have been due ...");
        Waits.until(() -> clock.instant().isAfter(settle), Duration.between(clock.instant(), settle).plusSeconds(5));
        int received = sandbox.inboxOf(ada).size();
        check("Ada received exactly 1 message; steps 2 to " + sequence.steps().size() + " were never sent (got "
                + received + ")", received == 1);
        out.println();
        out.print(HistoryText.format(app.enrollments().history(ada), ZoneId.systemDefault()));
        out.println();
    }

    private static EnrollmentStatus status(App app, long enrollmentId) {
        ContactHistory h = app.enrollments().history(String.valueOf(enrollmentId));
        return h.enrollments().stream().filter(x -> x.enrollment().id() == enrollmentId).findFirst()
                .orElseThrow().enrollment().status();
    }

    private NudgeConfig config(Path dir) {
        Duration tick = Duration.ofMillis(250);
        return new NudgeConfig(dir.resolve("templates"), dir.resolve("sequences"),
                new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db/nudge").toAbsolutePath(), "nudge", null),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZoneId.systemDefault(), tick, Duration.ofMinutes(10), tick, 200),
                new SandboxConfig(dayLength), new ReplyConfig(true, Duration.ofDays(3), 3), List.of());
    }

    private void check(String what, boolean held) {
        ok &= held;
        say((held ? "ok    " : "FAIL  ") + what);
    }

    private void say(String line) {
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        out.printf("[%5.1fs] %s%n", seconds, line);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
