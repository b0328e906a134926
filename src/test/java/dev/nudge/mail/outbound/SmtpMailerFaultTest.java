package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nudge.mail.outbound.FaultySmtpProxy.Faults;
import dev.nudge.mail.outbound.SendFailure.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How each fault the proxy stages reaches the dispatcher: as a retry, a refusal, or an unknown outcome. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpMailerFaultTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me",
                    SmtpMailerTest.PASSWORD));

    final SmtpMailer mailer = new SmtpMailer(Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC));

    private SendFailure sendThrough(Faults faults) throws Exception {
        try (FaultySmtpProxy proxy = new FaultySmtpProxy(greenMail.getSmtp().getPort(), faults);
             Mailer.Connection connection = mailer.connect(
                     SmtpMailerTest.mailbox(proxy.port(), SmtpMailerTest.PASSWORD, Duration.ofMillis(700)))) {
            return catchThrowableOfType(SendFailure.class,
                    () -> connection.send(SmtpMailerTest.email("m1@nudge.test", "Hello")));
        }
    }

    @Test
    void an_unknown_user_is_a_rejected_recipient_in_the_servers_words() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 0, 0, 0, 0, Set.of("ann@example.org"), 0));

        assertThat(f.kind()).isEqualTo(Kind.RECIPIENT_REJECTED);
        assertThat(f.getMessage()).contains("550 5.1.1", "user unknown");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_temporary_refusal_of_the_recipient_is_transient() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 1, 0, 0, 0, Set.of(), 0));

        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(f.getMessage()).containsPattern("4[25]1");
    }

    @Test
    void a_temporary_refusal_of_the_message_is_transient_and_nothing_arrives() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 0, 1, 0, 0, Set.of(), 0));

        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(f.getMessage()).containsPattern("4[25]1");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_connection_dropped_before_the_message_was_written_is_transient() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 0, 0, 1, 0, Set.of(), 0));

        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_stalled_server_times_out_as_transient() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 0, 0, 0, 0, Set.of(), 1));

        assertThat(f.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_connection_dropped_after_the_server_took_the_message_has_an_unknown_outcome() throws Exception {
        SendFailure f = sendThrough(new Faults(1, 0, 0, 0, 1, Set.of(), 0));

        assertThat(f.kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
        assertThat(f.getMessage()).contains("m1@nudge.test", "may have");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }
}
