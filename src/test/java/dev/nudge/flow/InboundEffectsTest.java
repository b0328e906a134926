package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import dev.nudge.enrollment.ContactHistory;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import jakarta.mail.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of incoming mail does, end to end through IMAP, with the clock moved by hand. */
class InboundEffectsTest {

    private static final String ADA = "ada@analytical.test";

    @TempDir
    Path dir;

    private MailWorld world;
    private String firstId;

    @BeforeEach
    void start() throws Exception {
        Path sequences = dir.resolve("sequences");
        Files.createDirectories(sequences);
        String steps = """
                steps:
                  - at: day 2
                    template: follow-up/1-thanks
                  - at: week 1
                    template: follow-up/2-value
                  - at: month 1
                    template: follow-up/3-check-in
                """;
        Files.writeString(sequences.resolve("follow-up.yaml"), "name: follow-up\nstop-on-company-reply: true\n" + steps);
        Files.writeString(sequences.resolve("newsletter-intro.yaml"), "name: newsletter-intro\n" + steps);
        world = new MailWorld(dir, Path.of("templates"), sequences, null);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Enrollment enrollAndSendFirst(String sequence) throws Exception {
        Enrollment e = world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", "Lovelace", "Analytical",
                Map.of(), sequence));
        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();
        firstId = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];
        return e;
    }

    private Enrollment now(Enrollment e) {
        return entry(e).enrollment();
    }

    private ContactHistory.Entry entry(Enrollment e) {
        return world.app.enrollments().history(String.valueOf(e.id())).enrollments().stream()
                .filter(x -> x.enrollment().id() == e.id()).findFirst().orElseThrow();
    }

    private void sync() {
        world.app.inboxSync().syncOnce("work");
    }

    @Test
    void out_of_office_with_a_return_date_puts_the_next_step_off_until_then() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverRawToMe("""
                From: Ada Lovelace <ada@analytical.test>
                To: me@work.test
                Subject: Out of Office: Thanks for your time, Ada
                Date: Wed, 4 Mar 2026 09:00:00 +0000
                Message-ID: <ooo-1@analytical.test>
                In-Reply-To: %s
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=UTF-8

                I am out of the office and will be back on 20 March 2026.
                """.formatted(firstId));
        sync();
        Enrollment after = now(e);
        assertThat(after.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(after.nextDueAt()).isEqualTo(Instant.parse("2026-03-20T13:00:00Z"));
        assertThat(entry(e).timeline()).anySatisfy(t -> assertThat(t.detail()).contains("back on 2026-03-20"));
    }

    @Test
    void hard_bounce_fails_the_enrollment_and_suppresses_the_address() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverRawToMe("""
                From: Mail Delivery System <MAILER-DAEMON@mx.analytical.test>
                To: me@work.test
                Subject: Undelivered Mail Returned to Sender
                Date: Wed, 4 Mar 2026 09:00:00 +0000
                Message-ID: <bounce-1@mx.analytical.test>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.analytical.test

                Final-Recipient: rfc822; ada@analytical.test
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <ada@analytical.test>: Recipient address rejected: User unknown

                --b1
                Content-Type: text/rfc822-headers

                From: Jane Doe <me@work.test>
                To: ada@analytical.test
                Subject: Thanks for your time, Ada
                Message-ID: %s

                --b1--
                """.formatted(firstId));
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(now(e).statusReason()).contains("hard bounce").contains("5.1.1");
        assertThatThrownBy(() -> world.app.enrollments().enroll(new EnrollRequest(ADA, null, null, null, Map.of(),
                "newsletter-intro")))
                .isInstanceOf(NudgeException.Conflict.class).hasMessageContaining("suppression list");
    }

    @Test
    void a_reply_asking_to_be_removed_stops_and_suppresses() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverToMe(ADA, "Re: Thanks for your time, Ada",
                "Please remove me from your list.\n\nOn Mon, Jane wrote:\n> Would a call help?\n",
                Map.of("In-Reply-To", firstId));
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.STOPPED);
        assertThat(now(e).statusReason()).contains("asked to be removed");
        assertThatThrownBy(() -> world.app.enrollments().enroll(new EnrollRequest(ADA, null, null, null, Map.of(),
                "follow-up"))).hasMessageContaining("unsubscribed");
    }

    @Test
    void a_reply_naming_our_message_only_in_references_from_another_address_stops_it() throws Exception {
        Enrollment e = enrollAndSendFirst("newsletter-intro");
        world.deliverToMe("ada.lovelace@home.test", "Fwd: your note", "Answering from my home address: yes.",
                Map.of("References", "<unrelated-1@x.test> " + firstId));
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.REPLIED);
        assertThat(now(e).statusReason()).contains("Answering from my home address");
    }

    @Test
    void a_reply_stops_the_contacts_other_sequences_too() throws Exception {
        Enrollment first = enrollAndSendFirst("follow-up");
        Enrollment other = world.app.enrollments().enroll(new EnrollRequest(ADA, null, null, null, Map.of(),
                "newsletter-intro"));
        world.deliverToMe(ADA, "Re: Thanks", "Sounds good, let's talk.", Map.of("In-Reply-To", firstId));
        sync();
        assertThat(now(first).status()).isEqualTo(EnrollmentStatus.REPLIED);
        assertThat(now(other).status()).isEqualTo(EnrollmentStatus.REPLIED);
        assertThat(now(other).statusReason()).contains("replied in sequence follow-up");
    }

    @Test
    void a_colleague_at_the_company_domain_stops_it_when_the_sequence_says_so() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverToMe("charles@analytical.test", "RE: Thanks for your time, Ada", "Ada is travelling; let's talk.",
                Map.of());
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.REPLIED);
    }

    @Test
    void a_free_mail_domain_never_counts_as_the_company() throws Exception {
        world.app.enrollments().enroll(new EnrollRequest("ada@gmail.com", null, null, null, Map.of(), "follow-up"));
        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();
        world.deliverToMe("stranger@gmail.com", "Re: hello", "Unrelated mail.", Map.of());
        sync();
        assertThat(world.app.enrollments().list()).extracting(Enrollment::status)
                .containsExactly(EnrollmentStatus.ACTIVE);
    }

    @Test
    void a_reply_to_a_message_id_the_provider_rewrote_still_matches() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverRawToMe("""
                From: Jane Doe <me@work.test>
                To: ada@analytical.test
                Subject: Thanks for your time, Ada
                Date: Mon, 2 Mar 2026 09:00:00 +0000
                Message-ID: <AM0PR01MB1234.rewritten@eurprd01.prod.outlook.test>
                X-Microsoft-Original-Message-ID: %s
                Content-Type: text/plain

                (our copy, as the provider stored it)
                """.formatted(firstId));
        world.deliverToMe("assistant@elsewhere.test", "RE: Thanks for your time, Ada", "Ada will call you.",
                Map.of("In-Reply-To", "<AM0PR01MB1234.rewritten@eurprd01.prod.outlook.test>",
                        "Thread-Index", "AQHZ1234abcd=="));
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.REPLIED);
    }

    @Test
    void challenge_response_holds_the_enrollment_with_the_reason() throws Exception {
        Enrollment e = enrollAndSendFirst("follow-up");
        world.deliverRawToMe(MailText.challengeFromAda(firstId));
        sync();
        assertThat(now(e).status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(now(e).statusReason()).contains("challenge");
    }

    @Test
    void reading_the_inbox_never_marks_anything_as_seen() throws Exception {
        enrollAndSendFirst("follow-up");
        world.deliverToMe(ADA, "Re: Thanks", "Yes please.", Map.of("In-Reply-To", firstId));
        world.deliverToMe("someone@else.test", "Lunch?", "Lunch on Friday?", Map.of());
        sync();
        assertThat(world.myFlags()).hasSize(2).allSatisfy(f -> assertThat(f.contains(Flags.Flag.SEEN)).isFalse());
    }
}
