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
}
