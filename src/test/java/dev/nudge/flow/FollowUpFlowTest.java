package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import dev.nudge.enrollment.ContactHistory;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.TimelineEntry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core story against real SMTP and IMAP, with time moved by hand. */
class FollowUpFlowTest {

    private static final String ADA = "ada@prospect.test";

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

    private Enrollment enrollAda() {
        return world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", "Lovelace", "Analytical Engines Ltd",
                Map.of("met_at", "the meetup"), "follow-up"));
    }

    private EnrollmentStatus statusOf(Enrollment e) {
        return entry(e).enrollment().status();
    }

    private ContactHistory.Entry entry(Enrollment e) {
        return world.app.enrollments().history(String.valueOf(e.id())).enrollments().stream()
                .filter(x -> x.enrollment().id() == e.id()).findFirst().orElseThrow();
    }

    @Test
    void reply_stops_the_sequence_and_later_steps_are_never_sent() throws Exception {
        Enrollment e = enrollAda();
        assertThat(e.nextDueAt()).isEqualTo(MailWorld.START.plus(Duration.ofDays(2)));

        world.clock.advance(Duration.ofDays(1));
        assertThat(world.syncAndDispatch()).as("nothing is due on day 1").isZero();

        world.clock.advance(Duration.ofDays(1));
        assertThat(world.syncAndDispatch()).isEqualTo(1);
        List<MimeMessage> received = world.inboxOf(ADA);
        assertThat(received).hasSize(1);
        MimeMessage first = received.get(0);
        String firstId = first.getHeader("Message-ID")[0];
        assertThat(MailText.plainText(first)).contains("Hi Ada,").doesNotContain("${");
        assertThat(first.getHeader("In-Reply-To")).isNull();

        world.clock.advance(Duration.ofDays(5));
        assertThat(world.syncAndDispatch()).as("week 1").isEqualTo(1);
        MimeMessage second = world.inboxOf(ADA).get(1);
        assertThat(second.getSubject()).isEqualTo("Re: " + first.getSubject());
        assertThat(second.getHeader("In-Reply-To")[0]).isEqualTo(firstId);
        assertThat(second.getHeader("References")[0]).contains(firstId);

        world.deliverToMe(ADA, "Re: " + first.getSubject(), "Yes, let's talk on Tuesday.",
                Map.of("In-Reply-To", second.getHeader("Message-ID")[0],
                        "References", firstId + " " + second.getHeader("Message-ID")[0]));
        world.app.inboxSync().syncOnce("work");
        assertThat(statusOf(e)).isEqualTo(EnrollmentStatus.REPLIED);

        world.clock.advance(Duration.ofDays(40));
        assertThat(world.syncAndDispatch()).as("month 1 after the reply").isZero();
        assertThat(world.inboxOf(ADA)).hasSize(2);
        assertThat(entry(e).timeline()).extracting(TimelineEntry::kind)
                .containsExactly("enrolled", "sent", "sent", "replied");
    }

    @Test
    void out_of_office_reply_does_not_stop_the_sequence() throws Exception {
        Enrollment e = enrollAda();
        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();
        String firstId = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];

        world.deliverToMe(ADA, "Automatic reply: Thanks", "I am out of the office today.",
                Map.of("In-Reply-To", firstId, "Auto-Submitted", "auto-replied", "Date", world.dateHeader()));
        world.app.inboxSync().syncOnce("work");
        assertThat(statusOf(e)).isEqualTo(EnrollmentStatus.ACTIVE);

        world.clock.advance(Duration.ofDays(5));
        assertThat(world.syncAndDispatch()).isEqualTo(1);
        assertThat(world.inboxOf(ADA)).hasSize(2);
        assertThat(entry(e).timeline()).anySatisfy(t -> assertThat(t.detail()).contains("Out-of-office"));
    }

    @Test
    void reply_without_thread_headers_from_the_contact_address_stops_it() throws Exception {
        Enrollment e = enrollAda();
        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();
        world.deliverToMe("Ada Lovelace <ADA@prospect.test>", "Quick question", "Can we move this to next week?",
                Map.of());
        world.app.inboxSync().syncOnce("work");
        assertThat(statusOf(e)).isEqualTo(EnrollmentStatus.REPLIED);
        assertThat(entry(e).enrollment().statusReason()).contains("Quick question");
    }

    @Test
    void a_late_or_repeated_dispatch_sends_each_step_once() throws Exception {
        enrollAda();
        world.clock.advance(Duration.ofDays(3));
        world.app.inboxSync().syncOnce("work");
        Thread[] runs = new Thread[4];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new Thread(() -> world.app.dispatcher().dispatchOnce("work"));
            runs[i].start();
        }
        for (Thread t : runs) {
            t.join();
        }
        world.app.dispatcher().dispatchOnce("work");
        assertThat(world.inboxOf(ADA)).hasSize(1);
    }

    @Test
    void sends_wait_while_the_inbox_has_not_been_read_recently() {
        enrollAda();
        world.clock.advance(Duration.ofDays(2));
        var held = world.app.dispatcher().dispatchOnce("work");
        assertThat(held.sent()).isZero();
        assertThat(held.heldReason()).contains("has not been read yet");

        world.app.inboxSync().syncOnce("work");
        world.clock.advance(Duration.ofMinutes(11));
        assertThat(world.app.dispatcher().dispatchOnce("work").heldReason()).contains("was last read at");
        assertThat(world.inboxOf(ADA)).isEmpty();

        assertThat(world.syncAndDispatch()).isEqualTo(1);
    }

    @Test
    void enrolling_someone_already_active_says_so_and_changes_nothing() {
        Enrollment first = enrollAda();
        assertThatThrownBy(() -> world.app.enrollments().enroll(new EnrollRequest(ADA, "Augusta", null, "Other Co",
                Map.of(), "follow-up")))
                .isInstanceOf(NudgeException.Conflict.class)
                .hasMessageContaining("already active").hasMessageContaining("enrollment id: " + first.id());
        assertThat(world.app.enrollments().contact(ADA).firstName()).isEqualTo("Ada");
        assertThat(world.app.enrollments().list()).hasSize(1);
    }

    @Test
    void a_stopped_enrollment_sends_nothing_more() throws Exception {
        Enrollment e = enrollAda();
        world.app.enrollments().stop(ADA, null);
        world.clock.advance(Duration.ofDays(3));
        assertThat(world.syncAndDispatch()).isZero();
        assertThat(statusOf(e)).isEqualTo(EnrollmentStatus.STOPPED);
    }

    @Test
    void the_last_step_completes_the_enrollment() throws Exception {
        Enrollment e = enrollAda();
        for (int days : new int[] {2, 5, 30}) {
            world.clock.advance(Duration.ofDays(days));
            world.syncAndDispatch();
        }
        assertThat(world.inboxOf(ADA)).hasSize(3);
        assertThat(statusOf(e)).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void a_step_sent_late_keeps_the_spacing_to_the_next_one() throws Exception {
        Enrollment e = enrollAda();
        world.clock.advance(Duration.ofDays(6));
        world.syncAndDispatch();
        Enrollment after = entry(e).enrollment();
        assertThat(after.nextStep()).isEqualTo(2);
        // Step 2 is planned 5 calendar days after step 1 in New York, which crosses the
        // start of daylight saving time on March 8: the gap is 5 days less an hour.
        assertThat(after.nextDueAt()).as("step 2 keeps its gap to step 1, which went out on day 6")
                .isEqualTo(MailWorld.START.plus(Duration.ofDays(11)).minus(Duration.ofHours(1)));
    }

    @Test
    void malformed_email_address_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> world.app.enrollments().enroll(new EnrollRequest("ada@x.test\r\nBcc: all@x.test",
                null, null, null, Map.of(), "follow-up")))
                .isInstanceOf(NudgeException.InvalidInput.class);
        assertThat(world.app.enrollments().list()).isEmpty();
    }
}
