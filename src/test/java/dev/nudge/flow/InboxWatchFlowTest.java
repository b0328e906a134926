package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Quartz wiring with IMAP IDLE: a reply is read when the server announces it. */
class InboxWatchFlowTest {

    private static final String ADA = "ada@prospect.test";
    private static final String BOB = "bob@prospect.test";

    @TempDir
    Path dir;

    private MailWorld world;

    @BeforeEach
    void start() {
        world = new MailWorld(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void replies_are_read_when_the_watcher_says_so_without_any_poll() throws Exception {
        // Quartz starts its triggers at the test clock's "now", years ahead of the real one:
        // no poll and no dispatch fires during this test, only the IDLE watcher can run a sync.
        world.clock.set(Instant.parse("2031-03-03T09:00:00Z"));
        Enrollment ada = enroll(ADA, "Ada");
        Enrollment bob = enroll(BOB, "Bob");
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isEqualTo(2);
        world.deliverToMe(ADA, "Re: hello", "Yes, let's talk.", Map.of());

        world.app.startScheduling();

        awaitStatus("Ada's reply, read by the sync every connect asks for", ada, EnrollmentStatus.REPLIED);
        world.deliverToMe(BOB, "Re: hello", "Sure, Tuesday works.", Map.of());
        awaitStatus("Bob's reply, read by the sync IDLE asks for", bob, EnrollmentStatus.REPLIED);
    }

    private Enrollment enroll(String address, String firstName) {
        return world.app.enrollments().enroll(new EnrollRequest(address, firstName, "Example", "Example Ltd",
                Map.of("met_at", "the meetup"), "follow-up"));
    }

    private void awaitStatus(String what, Enrollment e, EnrollmentStatus expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (status(e) != expected) {
            if (System.nanoTime() > deadline) {
                fail("not " + expected + " after 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private EnrollmentStatus status(Enrollment e) {
        return world.app.enrollments().history(String.valueOf(e.id())).enrollments().stream()
                .filter(x -> x.enrollment().id() == e.id()).findFirst().orElseThrow().enrollment().status();
    }
}
