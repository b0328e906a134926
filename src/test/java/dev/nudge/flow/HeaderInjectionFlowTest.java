package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.nudge.NudgeException;
import dev.nudge.enrollment.ContactHistory;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contact's data or a template trying to add a {@code Bcc:} to what we
 * send: refused at enrollment, or the step held or failed with the reason,
 * and never an extra header on the wire.
 */
class HeaderInjectionFlowTest {

    private static final String ADA = "ada@prospect.test";
    private static final String VICTIM = "victim@evil.test";
    private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\0", "\u2028", "\u0085");

    @TempDir
    Path dir;

    private MailWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    static Stream<Arguments> poisonedRequests() {
        return BREAKS.stream().flatMap(br -> {
            String bcc = "Ada" + br + "Bcc: " + VICTIM;
            return Stream.of(
                    Arguments.of("first name", new EnrollRequest(ADA, bcc, "Lovelace", "Engines", Map.of(), "follow-up")),
                    Arguments.of("last name", new EnrollRequest(ADA, "Ada", bcc, "Engines", Map.of(), "follow-up")),
                    Arguments.of("company", new EnrollRequest(ADA, "Ada", "Lovelace", bcc, Map.of(), "follow-up")),
                    Arguments.of("custom field met_at", new EnrollRequest(ADA, "Ada", "Lovelace", "Engines",
                            Map.of("met_at", bcc), "follow-up")),
                    Arguments.of("address", new EnrollRequest(ADA + br + "Bcc: " + VICTIM, "Ada", "Lovelace",
                            "Engines", Map.of(), "follow-up")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisonedRequests")
    void a_line_break_in_contact_data_is_refused_at_enrollment(String field, EnrollRequest request) {
        world = new MailWorld(dir);

        assertThatThrownBy(() -> world.app.enrollments().enroll(request))
                .isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageContaining(field.equals("address") ? "email address" : field);
        assertThat(world.app.enrollments().list()).isEmpty();
    }

    @ParameterizedTest(name = "subject with {0}")
    @MethodSource("templateBreaks")
    void a_template_that_writes_a_line_break_into_the_subject_holds_the_step(String escape) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates/follow-up"));
        Files.writeString(templates.resolve("1-thanks.ftl"), "Subject: Hi ${contact.firstName}" + escape
                + "Bcc: " + VICTIM + "\n\nHello\n");
        world = new MailWorld(dir, dir.resolve("templates"), null);
        Enrollment e = enrollAda();

        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();

        ContactHistory.Entry entry = entry(e);
        assertThat(entry.enrollment().status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(entry.enrollment().statusReason()).contains("template error", "1-thanks.ftl");
        assertNothingInjected();
    }

    static Stream<String> templateBreaks() {
        return Stream.of("${'\\n'}", "${'\\r\\n'}", "${'\\r'}", "${'\\x0000'}", "${'\\x2028'}", "${'\\x0085'}",
                "${'\\x2029'}", "${'\\x000B'}");
    }

    @Test
    void stored_contact_data_that_slipped_past_validation_fails_the_send_naming_the_header() throws Exception {
        world = new MailWorld(dir);
        Enrollment e = enrollAda();
        // As if written by an older version or by hand into the database.
        try (Database db = Database.open(world.app.config().database())) {
            db.run(tx -> tx.update("UPDATE contact SET last_name = :v WHERE email = :e",
                    "v", "Lovelace\r\nBcc: " + VICTIM, "e", ADA));
        }

        world.clock.advance(Duration.ofDays(2));
        world.syncAndDispatch();

        ContactHistory.Entry entry = entry(e);
        assertThat(entry.enrollment().status()).isIn(EnrollmentStatus.FAILED, EnrollmentStatus.HELD);
        assertThat(entry.enrollment().statusReason()).contains("to name", "single line");
        assertNothingInjected();
    }

    @Test
    void unicode_in_names_arrives_encoded_in_one_header_line() throws Exception {
        world = new MailWorld(dir);
        world.app.enrollments().enroll(new EnrollRequest(ADA, "Zoë", "Ünal\tBcc: " + VICTIM, "Café Ltd",
                Map.of("met_at", "the meetup"), "follow-up"));

        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isEqualTo(1);

        assertNothingInjected();
        MimeMessage received = world.inboxOf(ADA).get(0);
        assertThat(received.getHeader("To")).hasSize(1);
        assertThat(received.getSubject()).isEqualTo("Thanks for your time, Zoë");
    }

    private Enrollment enrollAda() {
        return world.app.enrollments().enroll(new EnrollRequest(ADA, "Ada", "Lovelace", "Engines Ltd",
                Map.of("met_at", "the meetup"), "follow-up"));
    }

    private ContactHistory.Entry entry(Enrollment e) {
        return world.app.enrollments().history(ADA).enrollments().stream()
                .filter(x -> x.enrollment().id() == e.id()).findFirst().orElseThrow();
    }

    private void assertNothingInjected() throws IOException {
        assertThat(world.inboxOf(VICTIM)).isEmpty();
        for (MimeMessage m : world.greenMail.getReceivedMessages()) {
            assertThat(GreenMailUtil.getHeaders(m)).doesNotContainPattern("(?im)^\\s*Bcc:");
        }
    }
}
