package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.enrollment.ContactHistory;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.TimelineEntry;
import dev.nudge.mail.outbound.FaultySmtpProxy;
import dev.nudge.mail.outbound.FaultySmtpProxy.Faults;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hundred contacts sent through an SMTP server that refuses, forgets,
 * hangs up and stalls: every step still arrives once, and a step whose fate
 * is unknown waits for the user rather than going out twice.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultyDeliveryFlowTest {

    private static final int CONTACTS = 200;
    private static final Set<String> UNKNOWN = Set.of(address(7), address(42), address(99), address(150),
            address(198));
    private static final Faults FAULTS = new Faults(20261123L, 0.10, 0.10, 0.03, 0.02, UNKNOWN, 1);

    @TempDir
    Path dir;

    private FaultySmtpProxy proxy;
    private MailWorld world;

    @BeforeEach
    void start() throws IOException {
        Path sequences = Files.createDirectories(dir.resolve("sequences"));
        Files.writeString(sequences.resolve("quick.yaml"), """
                name: quick
                steps:
                  - at: day 1
                    template: follow-up/1-thanks
                  - at: day 2
                    template: follow-up/2-value
                """);
        world = new MailWorld(dir, sequences, this::proxyInFrontOf, Duration.ofSeconds(1));
    }

    private int proxyInFrontOf(int greenMailPort) {
        try {
            proxy = new FaultySmtpProxy(greenMailPort, FAULTS);
            return proxy.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        world.close();
        proxy.close();
    }

    private static String address(int i) {
        return String.format("c%03d@prospect.test", i);
    }

    @Test
    void every_step_arrives_exactly_once_through_refusals_drops_and_a_stall() throws Exception {
        for (int i = 0; i < CONTACTS; i++) {
            world.app.enrollments().enroll(new EnrollRequest(address(i), "Ada" + i, "Lovelace", "Engines Ltd",
                    Map.of("met_at", "the meetup"), "quick"));
        }

        int runs = dispatchUntilNothingIsDue();

        assertThat(proxy.injected()).as("faults staged").isGreaterThan(CONTACTS * 2 / 10);
        assertThat(proxy.stalled()).isEqualTo(1);
        assertThat(runs).as("dispatch runs").isGreaterThan(2);
        Map<String, List<MimeMessage>> received = receivedByRecipient();
        assertThat(duplicatedMessageIds()).isEmpty();
        Set<String> uncertain = recipientsOf(proxy.acceptedThenDropped());
        assertThat(uncertain).as("sends whose 250 was lost").isNotEmpty();
        for (int i = 0; i < CONTACTS; i++) {
            String to = address(i);
            ContactHistory.Entry entry = historyOf(to);
            List<MimeMessage> got = received.getOrDefault(to, List.of());
            if (UNKNOWN.contains(to)) {
                assertRefused(entry, got);
            } else if (uncertain.contains(to)) {
                assertHeldAsUncertain(entry, got);
            } else {
                assertThat(entry.enrollment().status()).as(to).isEqualTo(EnrollmentStatus.COMPLETED);
                assertThat(got).as(to).hasSize(2);
            }
            if (proxy.transientlyRefused().contains(to)) {
                assertThat(kinds(entry)).as("timeline of " + to).contains("retrying");
            }
        }
    }

    private int dispatchUntilNothingIsDue() {
        int runs = 0;
        for (Optional<Instant> due = nextDue(); due.isPresent(); due = nextDue()) {
            if (due.get().isAfter(world.clock.instant())) {
                world.clock.set(due.get());
            }
            world.syncAndDispatch();
            runs++;
            assertThat(runs).as("dispatch runs before nothing is due").isLessThan(300);
        }
        return runs;
    }

    private Optional<Instant> nextDue() {
        return world.app.dispatcher().nextDue("work");
    }

    private void assertRefused(ContactHistory.Entry entry, List<MimeMessage> got) {
        assertThat(entry.enrollment().status()).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(entry.enrollment().statusReason()).contains("550 5.1.1", "user unknown");
        assertThat(got).isEmpty();
    }

    private void assertHeldAsUncertain(ContactHistory.Entry entry, List<MimeMessage> got) {
        assertThat(entry.enrollment().status()).isEqualTo(EnrollmentStatus.HELD);
        assertThat(entry.enrollment().statusReason()).contains("may or may not have been delivered");
        assertThat(kinds(entry)).contains("held");
        // The step in doubt arrived once, and nothing after it was sent.
        assertThat(got).hasSize(entry.enrollment().nextStep());
    }

    private ContactHistory.Entry historyOf(String address) {
        return world.app.enrollments().history(address).enrollments().get(0);
    }

    private static List<String> kinds(ContactHistory.Entry entry) {
        return entry.timeline().stream().map(TimelineEntry::kind).toList();
    }

    private Map<String, List<MimeMessage>> receivedByRecipient() throws MessagingException {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage m : world.greenMail.getReceivedMessages()) {
            byRecipient.computeIfAbsent(recipient(m), k -> new ArrayList<>()).add(m);
        }
        return byRecipient;
    }

    private List<String> duplicatedMessageIds() throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : world.greenMail.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        return ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private Set<String> recipientsOf(List<String> messageIds) throws MessagingException {
        Set<String> recipients = new java.util.HashSet<>();
        for (MimeMessage m : world.greenMail.getReceivedMessages()) {
            if (messageIds.contains(m.getMessageID())) {
                recipients.add(recipient(m));
            }
        }
        return recipients;
    }

    private static String recipient(MimeMessage m) throws MessagingException {
        Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
        return ((InternetAddress) to[0]).getAddress();
    }
}
