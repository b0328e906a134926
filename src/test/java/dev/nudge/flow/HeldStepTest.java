package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template that fails at send time holds the step; nothing half-rendered leaves. */
class HeldStepTest {

    private static final String GRACE = "grace@navy.test";

    @TempDir
    Path dir;

    private Path templates;
    private MailWorld world;

    @BeforeEach
    void start() throws Exception {
        templates = dir.resolve("templates");
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = templates.resolve(Path.of("templates").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        world = new MailWorld(dir, templates, null);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void a_template_that_fails_holds_the_step_and_resume_sends_it_once_fixed() throws Exception {
        Path second = templates.resolve("follow-up/2-value.ftl");
        String good = Files.readString(second);
        Files.writeString(second, "Subject: About ${contact.fields.topic}\n\nHi ${contact.firstName},\n");
        Enrollment e = world.app.enrollments().enroll(new EnrollRequest(GRACE, "Grace", "Hopper", null, Map.of(),
                "follow-up"));
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isEqualTo(1);

        world.clock.advance(Duration.ofDays(5));
        world.app.inboxSync().syncOnce("work");
        var result = world.app.dispatcher().dispatchOnce("work");
        assertThat(result.sent()).isZero();
        assertThat(result.held()).isEqualTo(1);
        assertThat(world.inboxOf(GRACE)).hasSize(1);
        Enrollment held = world.app.enrollments().history(GRACE).enrollments().get(0).enrollment();
        assertThat(held.status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(held.statusReason()).contains("follow-up/2-value.ftl:1:").contains("contact.fields.topic");

        Files.writeString(second, good);
        List<Enrollment> resumed = world.app.enrollments().resume(GRACE, null);
        assertThat(resumed).extracting(Enrollment::status).containsExactly(EnrollmentStatus.ACTIVE);
        assertThat(world.syncAndDispatch()).isEqualTo(1);
        assertThat(world.inboxOf(GRACE)).hasSize(2);
        assertThat(MailText.plainText(world.inboxOf(GRACE).get(1))).doesNotContain("${");
        assertThat(e.id()).isEqualTo(held.id());
    }

    @Test
    void a_field_too_long_for_the_subject_holds_only_its_own_step_and_every_other_contact_is_sent()
            throws Exception {
        Path first = templates.resolve("follow-up/1-thanks.ftl");
        Files.writeString(first, "Subject: For the ${contact.fields.role!\"team\"}\n\nHi ${contact.firstName},\n");
        Enrollment bad = world.app.enrollments().enroll(new EnrollRequest("long@field.test", "Long", null, null,
                Map.of("role", "x".repeat(1999)), "follow-up"));
        for (int i = 0; i < 17; i++) {
            world.app.enrollments().enroll(new EnrollRequest("c" + i + "@ok.test", "C" + i, null, null, Map.of(),
                    "follow-up"));
        }
        world.clock.advance(Duration.ofDays(2));
        world.app.inboxSync().syncOnce("work");
        List<String> lines;
        dev.nudge.mail.outbound.DispatchResult result;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            result = world.app.dispatcher().dispatchOnce("work");
            assertThat(world.app.dispatcher().dispatchOnce("work").sent()).as("nothing left to send").isZero();
            lines = logs.lines();
        }
        assertThat(result.sent()).as("every other contact of the mailbox").isEqualTo(17);
        assertThat(result.held()).isEqualTo(1);
        assertThat(world.inboxOf("long@field.test")).isEmpty();
        Enrollment held = world.app.enrollments().history("long@field.test").enrollments().get(0).enrollment();
        assertThat(held.id()).isEqualTo(bad.id());
        assertThat(held.status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(held.statusReason()).contains("follow-up/1-thanks.ftl").contains("subject is 2007 characters");
        assertThat(lines.stream().filter(l -> l.contains("enrollment=" + bad.id() + " ")))
                .as("log lines about the held step").hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("held"));
        assertThat(lines).noneMatch(l -> l.contains(" ERROR "));
    }
}
