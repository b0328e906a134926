package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.mail.inbound.MailDamage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken mail in the inbox is recorded and passed over; the reply behind it still stops the sequence. */
class MalformedInboxTest {

    private static final String ADA = "ada@prospect.test";
    private static final int BROKEN = 25;

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
    void damaged_messages_neither_crash_nor_stall_the_inbox_sync() throws Exception {
        Enrollment e = world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", null, null, Map.of(),
                "follow-up"));
        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();
        String firstId = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];
        byte[] reply = ("From: " + ADA + "\r\nTo: me@work.test\r\nSubject: Re: hi\r\nIn-Reply-To: " + firstId
                + "\r\nMessage-ID: <damaged@prospect.test>\r\n\r\nYes, let's talk.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        for (int i = 0; i < BROKEN; i++) {
            world.deliverBytesToMe(MailDamage.apply(reply, random));
        }
        world.deliverToMe(ADA, "Re: Thanks", "Yes, let's talk on Tuesday.", Map.of("In-Reply-To", firstId));

        assertThat(world.app.inboxSync().syncOnce("work")).as("every message read once").isEqualTo(BROKEN + 1);
        assertThat(world.app.inboxSync().syncOnce("work")).as("the cursor moved past all of them").isZero();
        Enrollment after = world.app.enrollments().history(ADA).enrollments().get(0).enrollment();
        assertThat(after.status()).isEqualTo(EnrollmentStatus.REPLIED);
        assertThat(e.id()).isEqualTo(after.id());
    }
}
