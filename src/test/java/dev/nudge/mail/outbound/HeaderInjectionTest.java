package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nudge.NudgeException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text that becomes a header, with every kind of line break in it:
 * nothing reaches the wire but the headers we meant, and the send is refused
 * naming the field.
 */
class HeaderInjectionTest {

    private static final String VICTIM = "victim@evil.test";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me",
                    SmtpMailerTest.PASSWORD));

    final SmtpMailer mailer = new SmtpMailer(Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC));

    private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\0", "\u2028", "\u2029", "\u0085",
            "\u000B", "\u000C");

    private record Field(String name, Supplier<OutgoingEmail> poison) {
    }

    static Stream<Arguments> poisoned() {
        List<Arguments> cases = new ArrayList<>();
        for (String br : BREAKS) {
            String bcc = br + "Bcc: " + VICTIM + br + "X-Injected: yes";
            for (Field f : fields(bcc)) {
                cases.add(Arguments.of(f.name() + " with U+" + String.format("%04X", (int) br.charAt(0)), f));
            }
        }
        return cases.stream();
    }

    private static List<Field> fields(String bcc) {
        OutgoingEmail e = SmtpMailerTest.email("m1@nudge.test", "Hello");
        return List.of(
                new Field("subject", () -> with(e, e.fromAddress(), e.fromName(), e.toAddress(), e.toName(),
                        "Hello" + bcc, e.inReplyTo(), e.references(), e.messageId())),
                new Field("to name", () -> with(e, e.fromAddress(), e.fromName(), e.toAddress(), "Ann" + bcc,
                        e.subject(), e.inReplyTo(), e.references(), e.messageId())),
                new Field("from name", () -> with(e, e.fromAddress(), "Me" + bcc, e.toAddress(), e.toName(),
                        e.subject(), e.inReplyTo(), e.references(), e.messageId())),
                new Field("to address", () -> with(e, e.fromAddress(), e.fromName(), "ann@example.org" + bcc,
                        e.toName(), e.subject(), e.inReplyTo(), e.references(), e.messageId())),
                new Field("from address", () -> with(e, "me@example.com" + bcc, e.fromName(), e.toAddress(),
                        e.toName(), e.subject(), e.inReplyTo(), e.references(), e.messageId())),
                new Field("in-reply-to", () -> with(e, e.fromAddress(), e.fromName(), e.toAddress(), e.toName(),
                        e.subject(), "first@nudge.test" + bcc, e.references(), e.messageId())),
                new Field("references", () -> with(e, e.fromAddress(), e.fromName(), e.toAddress(), e.toName(),
                        e.subject(), null, List.of("first@nudge.test" + bcc), e.messageId())),
                new Field("message id", () -> with(e, e.fromAddress(), e.fromName(), e.toAddress(), e.toName(),
                        e.subject(), null, List.of(), "m1@nudge.test" + bcc)));
    }

    private static OutgoingEmail with(OutgoingEmail e, String from, String fromName, String to, String toName,
                                      String subject, String inReplyTo, List<String> refs, String messageId) {
        return new OutgoingEmail(messageId, from, fromName, to, toName, subject, e.textBody(), e.htmlBody(),
                inReplyTo, refs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisoned")
    void a_line_break_in_a_header_value_never_reaches_the_wire(String name, Field field) throws Exception {
        OutgoingEmail email = field.poison().get();

        Throwable refused;
        try (Mailer.Connection connection = mailer.connect(SmtpMailerTest.mailbox(
                greenMail.getSmtp().getPort(), SmtpMailerTest.PASSWORD, Duration.ofSeconds(5)))) {
            refused = catchThrowable(() -> connection.send(email));
        }

        assertThat(refused).isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageContaining(field.name()).hasMessageContaining("single line");
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            assertThat(GreenMailUtil.getHeaders(m)).doesNotContainPattern("(?im)^(Bcc|X-Injected):");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
