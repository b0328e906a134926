package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.mail.outbound.SendFailure.Kind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {

    static final String PASSWORD = "s3cret";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me", PASSWORD));

    final Clock clock = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    final SmtpMailer mailer = new SmtpMailer(clock);

    @Test
    void two_messages_over_one_connection_both_arrive() {
        try (Mailer.Connection connection = mailer.connect(mailbox(PASSWORD))) {
            connection.send(email("one@nudge.test", "First"));
            connection.send(email("two@nudge.test", "Second"));
        }

        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("First", "Second");
    }

    @Test
    void message_id_and_threading_headers_are_exactly_ours() throws Exception {
        OutgoingEmail followUp = new OutgoingEmail("step2.42@nudge.test", "me@example.com", "Me",
                "ann@example.org", "Ann", "Re: Proposal", "Just checking in.", null,
                "step1.42@nudge.test", List.of("step1.42@nudge.test", "reply.7@example.org"));

        sendOne(followUp);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<step2.42@nudge.test>");
        assertThat(received.getHeader("In-Reply-To")).containsExactly("<step1.42@nudge.test>");
        assertThat(MimeUtility.unfold(received.getHeader("References")[0]))
                .isEqualTo("<step1.42@nudge.test> <reply.7@example.org>");
        assertThat(received.getHeader("X-Mailer")).containsExactly("Nudge");
        assertThat(received.getHeader("Auto-Submitted")).isNull();
        assertThat(received.getSentDate().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void a_long_thread_is_folded_and_every_reference_survives() throws Exception {
        List<String> refs = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> "message-number-" + i + "@a-rather-long-domain.example.org").toList();

        sendOne(new OutgoingEmail("long@nudge.test", "me@example.com", null, "ann@example.org", null,
                "Re: long", "body", null, refs.get(39), refs));

        String header = greenMail.getReceivedMessages()[0].getHeader("References")[0];
        assertThat(header.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(998));
        assertThat(MimeUtility.unfold(header).split(" ")).hasSize(40);
    }

    @Test
    void utf8_subject_and_names_survive() throws Exception {
        sendOne(new OutgoingEmail("utf8@nudge.test", "me@example.com", "Zoë Müller",
                "ann@example.org", "Ann Ågren", "Grüße, Zoë", "Hallo", null, null, List.of()));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Grüße, Zoë");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Zoë Müller");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("Ann Ågren");
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
    }

    @Test
    void an_html_body_goes_out_as_an_alternative_to_the_text() throws Exception {
        sendOne(new OutgoingEmail("html@nudge.test", "me@example.com", "Me", "ann@example.org", null,
                "Hello", "Hello *Ann*", "<p>Hello <b>Ann</b></p>", null, List.of()));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<b>Ann</b>");
    }

    @Test
    void line_breaks_in_any_header_field_are_refused_and_nothing_is_sent() {
        List<OutgoingEmail> injected = List.of(
                withSubject("Hi\r\nBcc: victim@example.net"),
                new OutgoingEmail("n@nudge.test", "me@example.com", "Me\r\nBcc: victim@example.net",
                        "ann@example.org", null, "Hi", "b", null, null, List.of()),
                new OutgoingEmail("a@nudge.test", "me@example.com", null,
                        "ann@example.org\nBcc: victim@example.net", null, "Hi", "b", null, null, List.of()),
                new OutgoingEmail("r@nudge.test", "me@example.com", null, "ann@example.org", "Ann\n",
                        "Hi", "b", null, null, List.of("ok@x", "bad\r\n@x")));

        try (Mailer.Connection connection = mailer.connect(mailbox(PASSWORD))) {
            for (OutgoingEmail email : injected) {
                assertThatThrownBy(() -> connection.send(email)).isInstanceOf(NudgeException.InvalidInput.class);
            }
            connection.send(email("clean@nudge.test", "Clean"));
        }

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Clean");
    }

    @Test
    void a_display_name_hidden_in_the_address_field_is_refused() {
        try (Mailer.Connection connection = mailer.connect(mailbox(PASSWORD))) {
            OutgoingEmail email = new OutgoingEmail("x@nudge.test", "me@example.com", null,
                    "Evil <evil@example.net>", null, "Hi", "b", null, null, List.of());
            assertThatThrownBy(() -> connection.send(email))
                    .isInstanceOf(NudgeException.InvalidInput.class)
                    .hasMessageContaining("to address");
        }
    }

    @Test
    void a_wrong_password_blocks_the_mailbox() {
        assertThatThrownBy(() -> mailer.connect(mailbox("wrong")))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.MAILBOX_BLOCKED))
                .hasMessageContaining("work");
    }

    @Test
    void a_stopped_server_is_a_transient_failure() {
        MailboxConfig mailbox = mailbox(PASSWORD);
        greenMail.stop();

        assertThatThrownBy(() -> mailer.connect(mailbox))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TRANSIENT))
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void a_server_that_goes_away_mid_run_is_a_transient_failure_on_the_next_send() {
        try (Mailer.Connection connection = mailer.connect(mailbox(PASSWORD))) {
            connection.send(email("before@nudge.test", "Before"));
            greenMail.stop();

            assertThatThrownBy(() -> connection.send(email("after@nudge.test", "After")))
                    .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TRANSIENT));
        }
    }

    private void sendOne(OutgoingEmail email) {
        try (Mailer.Connection connection = mailer.connect(mailbox(PASSWORD))) {
            connection.send(email);
        }
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    static OutgoingEmail email(String messageId, String subject) {
        return new OutgoingEmail(messageId, "me@example.com", "Me", "ann@example.org", "Ann",
                subject, "Hello Ann", null, null, List.of());
    }

    static OutgoingEmail withSubject(String subject) {
        return email("s@nudge.test", subject);
    }

    static MailboxConfig mailbox(String password) {
        return mailbox(greenMail.getSmtp().getPort(), password, Duration.ofSeconds(5));
    }

    static MailboxConfig mailbox(int smtpPort, String password, Duration timeout) {
        ServerConfig smtp = new ServerConfig("127.0.0.1", smtpPort, Security.PLAIN, "me", timeout, timeout);
        return new MailboxConfig("work", "me@example.com", "Me", smtp, null,
                new Secret("NUDGE_WORK_PASSWORD", password), List.of("INBOX"));
    }
}
