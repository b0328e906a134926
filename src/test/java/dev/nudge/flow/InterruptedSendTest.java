package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.TimelineEntry;
import dev.nudge.mail.outbound.Mailer;
import dev.nudge.mail.outbound.OutgoingEmail;
import dev.nudge.mail.outbound.SmtpMailer;
import dev.nudge.mail.outbound.UncertainSend;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies after the server took a message but before Nudge wrote
 * that down leaves the step {@code sending}. At the next start the Sent folder
 * decides; what it cannot confirm waits for the user.
 */
class InterruptedSendTest {

    private static final String ADA = "ada@prospect.test";

    @TempDir
    Path dir;

    private MailWorld world;
    private final DyingMailer dying = new DyingMailer();

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** Hands the message to the server, then dies before the caller hears back, while armed. */
    private final class DyingMailer implements Mailer {
        boolean armed = true;

        @Override
        public Connection connect(MailboxConfig mailbox) {
            Connection real = new SmtpMailer(world.clock).connect(mailbox);
            return new Connection() {
                @Override
                public void send(OutgoingEmail email) {
                    real.send(email);
                    if (armed) {
                        throw new ProcessDied();
                    }
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        }
    }

    /** Stands for kill -9: nothing after it runs, no catch block of ours sees it. */
    private static final class ProcessDied extends Error {
    }

    private void open(boolean appendToSent) {
        world = new MailWorld(dir, Path.of("templates"), Path.of("config/sequences"), dying, appendToSent);
    }

    /** Enrolls Ada and lets the process die while step 1 is on the wire. */
    private Enrollment enrollAndDieWhileSending() {
        Enrollment e = world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", "Lovelace", null, Map.of(),
                "follow-up"));
        world.clock.advance(Duration.ofDays(2));
        world.app.inboxSync().syncOnce("work");
        assertThatThrownBy(() -> world.app.dispatcher().dispatchOnce("work")).isInstanceOf(ProcessDied.class);
        assertThat(world.inboxOf(ADA)).as("the server took it").hasSize(1);
        dying.armed = false;
        return e;
    }

    private Enrollment now(Enrollment e) {
        return world.app.enrollments().history(String.valueOf(e.id())).enrollments().get(0).enrollment();
    }

    private List<String> timeline(Enrollment e) {
        return world.app.enrollments().history(String.valueOf(e.id())).enrollments().get(0).timeline().stream()
                .map(TimelineEntry::kind).toList();
    }

    private void copyToSentFolder(MimeMessage m) throws Exception {
        var user = world.greenMail.getUserManager().getUser(MailWorld.ME);
        world.greenMail.getManagers().getImapHostManager().createMailbox(user, "Sent").store(m);
    }

    @Test
    void a_send_whose_copy_is_in_the_sent_folder_counts_as_sent_when_nudge_starts() throws Exception {
        open(false);
        Enrollment e = enrollAndDieWhileSending();
        // A provider that keeps what was sent over SMTP, as Gmail does.
        copyToSentFolder(world.inboxOf(ADA).get(0));

        world.app.startScheduling();

        Enrollment after = now(e);
        assertThat(after.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(after.nextStep()).isEqualTo(2);
        assertThat(after.threadMessageId()).isEqualTo(world.inboxOf(ADA).get(0).getHeader("Message-ID")[0]
                .replaceAll("[<>]", ""));
        assertThat(timeline(e)).containsExactly("enrolled", "sent");
        assertThat(world.app.uncertainSends().list()).isEmpty();
    }

    @Test
    void a_send_without_a_copy_in_the_sent_folder_becomes_uncertain_and_holds_the_enrollment() {
        open(false);
        Enrollment e = enrollAndDieWhileSending();

        var result = world.app.recoverInterruptedSends();

        assertThat(result.sent()).isZero();
        assertThat(result.uncertain()).isEqualTo(1);
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(now(e).statusReason()).contains("was interrupted").contains("no copy")
                .contains("nudge uncertain");
        List<UncertainSend> uncertain = world.app.uncertainSends().list();
        assertThat(uncertain).singleElement().satisfies(u -> {
            assertThat(u.enrollmentId()).isEqualTo(e.id());
            assertThat(u.contactEmail()).isEqualTo(ADA);
            assertThat(u.step()).isEqualTo(1);
            assertThat(u.since()).isEqualTo(world.clock.instant());
        });
        world.clock.advance(Duration.ofDays(1));
        assertThat(world.syncAndDispatch()).as("never resent on its own").isZero();
        assertThat(world.inboxOf(ADA)).hasSize(1);
    }

    @Test
    void an_unreachable_imap_server_leaves_the_send_uncertain() {
        open(false);
        Enrollment e = enrollAndDieWhileSending();
        world.greenMail.stop();

        assertThat(world.app.recoverInterruptedSends().uncertain()).isEqualTo(1);
        assertThat(now(e).statusReason()).contains("could not be checked");
    }

    @Test
    void append_to_sent_files_a_read_copy_that_a_later_start_finds() throws Exception {
        open(true);
        var user = world.greenMail.getUserManager().getUser(MailWorld.ME);
        var sent = world.greenMail.getManagers().getImapHostManager().createMailbox(user, "Sent");
        dying.armed = false;
        world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", null, null, Map.of(), "follow-up"));
        world.clock.advance(Duration.ofDays(2));

        assertThat(world.syncAndDispatch()).isEqualTo(1);

        String id = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];
        assertThat(sent.getMessages()).singleElement().satisfies(m -> {
            assertThat(m.getMimeMessage().getHeader("Message-ID")[0]).isEqualTo(id);
            assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue();
        });
        assertThat(world.myFlags()).as("our INBOX is untouched").isEmpty();
    }

    @Test
    void send_again_sends_the_step_once_more_with_the_same_message_id() throws Exception {
        open(false);
        Enrollment e = enrollAndDieWhileSending();
        world.app.recoverInterruptedSends();

        world.app.uncertainSends().sendAgain(e.id());
        assertThat(world.syncAndDispatch()).isEqualTo(1);

        List<MimeMessage> got = world.inboxOf(ADA);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).getHeader("Message-ID")[0]).isEqualTo(got.get(0).getHeader("Message-ID")[0]);
        assertThat(now(e).nextStep()).isEqualTo(2);
        assertThat(world.app.uncertainSends().list()).isEmpty();
    }

    @Test
    void mark_sent_counts_the_step_as_sent_and_the_next_step_threads_under_it() throws Exception {
        open(false);
        Enrollment e = enrollAndDieWhileSending();
        world.app.recoverInterruptedSends();

        world.app.uncertainSends().markSent(e.id());
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.ACTIVE);
        world.clock.advance(Duration.ofDays(5));
        assertThat(world.syncAndDispatch()).isEqualTo(1);

        List<MimeMessage> got = world.inboxOf(ADA);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).getHeader("In-Reply-To")[0]).isEqualTo(got.get(0).getHeader("Message-ID")[0]);
    }

    @Test
    void skip_counts_the_step_as_not_sent_and_moves_on_to_the_next() {
        open(false);
        Enrollment e = enrollAndDieWhileSending();
        world.app.recoverInterruptedSends();

        world.app.uncertainSends().skip(e.id());

        Enrollment after = now(e);
        assertThat(after.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(after.nextStep()).isEqualTo(2);
        assertThat(after.threadMessageId()).isNull();
        assertThat(timeline(e)).endsWith("held", "skipped");
        world.clock.advance(Duration.ofDays(1));
        assertThat(world.syncAndDispatch()).as("step 1 is not sent again").isZero();
        assertThat(world.inboxOf(ADA)).hasSize(1);
    }

    @Test
    void a_decision_without_an_uncertain_send_says_so_and_changes_nothing() {
        open(false);
        Enrollment e = world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", null, null, Map.of(),
                "follow-up"));

        assertThatThrownBy(() -> world.app.uncertainSends().skip(e.id()))
                .isInstanceOf(NudgeException.NotFound.class)
                .hasMessageContaining("enrollment id: " + e.id());
        assertThat(now(e).nextStep()).isEqualTo(1);
    }
}
