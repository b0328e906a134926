package dev.nudge.mail.inbound;

import dev.nudge.config.Mailboxes;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.mail.outbound.OutboundMessage;
import dev.nudge.mail.outbound.OutboundRepository;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one incoming message means and acts on it: a person's reply
 * stops the enrollments it answers; anything automatic is recorded and changes
 * nothing. The decision and its reason are stored either way.
 */
final class ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

    private final Mailboxes mailboxes;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final OutboundRepository outbound = new OutboundRepository();
    private final InboundRepository inbound = new InboundRepository();

    ReplyHandler(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    void handle(Tx tx, String mailbox, String folder, long uidValidity, InboundEmail m, Instant now)
            throws SQLException {
        if (inbound.seen(tx, mailbox, folder, uidValidity, m.uid(), m.messageId())) {
            return;
        }
        Match match = match(tx, mailbox, m);
        Verdict verdict = classify(m, match);
        List<String> effects = new ArrayList<>();
        for (Enrollment e : match.enrollments()) {
            effects.add(act(tx, e, m, verdict, now));
        }
        Long firstId = match.enrollments().isEmpty() ? null : match.enrollments().get(0).id();
        String effect = effects.isEmpty() ? "none" : String.join("; ", effects);
        inbound.insert(tx, new InboundRepository.Recorded(0, mailbox, folder, m.uid(), m.messageId(), m.from(),
                m.subject(), verdict.kind(), verdict.reason() + match.how(), firstId, effect, now), uidValidity);
        log.info("inbound mailbox={} folder={} uid={} kind={} enrollment={} effect=\"{}\"", mailbox, folder,
                m.uid(), verdict.kind(), firstId, effect);
    }

    private record Verdict(InboundKind kind, String reason) {
    }

    private record Match(List<Enrollment> enrollments, String how) {
    }

    private Verdict classify(InboundEmail m, Match match) {
        if (mailboxes.isOwnAddress(m.from())) {
            return new Verdict(InboundKind.OWN_MESSAGE, "sent from our own address " + m.from());
        }
        Optional<String> automatic = AutomaticMail.reason(m);
        if (automatic.isPresent()) {
            return new Verdict(InboundKind.AUTOMATIC, "automatic message: " + automatic.get());
        }
        if (match.enrollments().isEmpty()) {
            return new Verdict(InboundKind.UNRELATED, "matches no enrollment");
        }
        return new Verdict(InboundKind.HUMAN_REPLY, "a person's reply");
    }

    /** Thread headers first (they name our own Message-IDs); the sender's address second. */
    private Match match(Tx tx, String mailbox, InboundEmail m) throws SQLException {
        List<String> ids = new ArrayList<>(m.inReplyTo());
        m.references().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        Map<Long, Enrollment> found = new LinkedHashMap<>();
        for (OutboundMessage o : outbound.byMessageIds(tx, mailbox, ids)) {
            enrollments.find(tx, o.enrollmentId()).ifPresent(e -> found.put(e.id(), e));
        }
        if (!found.isEmpty()) {
            return new Match(List.copyOf(found.values()), " (names our Message-ID in In-Reply-To/References)");
        }
        if (m.from() != null) {
            List<Enrollment> byAddress = enrollments.liveByAddress(tx, mailbox, m.from());
            if (!byAddress.isEmpty()) {
                return new Match(byAddress, " (sender " + m.from() + " is an enrolled contact)");
            }
        }
        return new Match(List.of(), "");
    }

    private String act(Tx tx, Enrollment e, InboundEmail m, Verdict verdict, Instant now) throws SQLException {
        String what = "\"" + (m.subject() == null ? "" : m.subject()) + "\" from " + m.from();
        if (verdict.kind() != InboundKind.HUMAN_REPLY) {
            enrollments.event(tx, e.id(), now, "inbound", "Received " + what + ": " + verdict.reason()
                    + "; the sequence goes on");
            return "enrollment " + e.id() + " unchanged";
        }
        String reason = "the contact replied: " + what;
        if (enrollments.move(tx, e.id(), EnrollmentStatus.REPLIED, reason, null, now)) {
            enrollments.event(tx, e.id(), now, "replied", "Reply received " + what + "; sequence stopped,"
                    + " step " + e.nextStep() + " and later will not be sent");
            log.info("replied enrollment={} contact={}", e.id(), e.contactEmail());
            return "enrollment " + e.id() + " stopped (replied)";
        }
        enrollments.event(tx, e.id(), now, "inbound", "Reply received " + what + " (enrollment already "
                + e.status().name().toLowerCase() + ")");
        return "enrollment " + e.id() + " already " + e.status().name().toLowerCase();
    }
}
