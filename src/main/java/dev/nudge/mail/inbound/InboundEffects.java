package dev.nudge.mail.inbound;

import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.Suppression;
import dev.nudge.enrollment.SuppressionRepository;
import dev.nudge.observe.Metrics;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one classified message does to one matched enrollment; every change is logged as an event. */
final class InboundEffects {

    private static final Logger log = LoggerFactory.getLogger(InboundEffects.class);
    /** Someone back from leave reads mail in the morning, not at midnight. */
    private static final LocalTime BACK_AT = LocalTime.of(9, 0);

    private final InboundRules rules;
    private final Metrics metrics;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final SuppressionRepository suppressions = new SuppressionRepository();

    InboundEffects(InboundRules rules, Metrics metrics) {
        this.rules = rules;
        this.metrics = metrics;
    }

    /** The new text of a person's reply and, if it asks for that, the words asking to be removed. */
    record ReplyRead(String newText, Optional<String> removal) {
        static final ReplyRead NONE = new ReplyRead(null, Optional.empty());
    }

    String apply(Tx tx, Enrollment e, InboundEmail m, Verdict v, ReplyRead read, Instant now) throws SQLException {
        String what = "\"" + (m.subject() == null ? "" : m.subject()) + "\" from " + m.from();
        return switch (v.kind()) {
            case HUMAN_REPLY -> read.removal().isPresent()
                    ? removed(tx, e, what, read.removal().get(), now)
                    : replied(tx, e, what + quote(read.newText()), now);
            case AUTO_REPLY -> outOfOffice(tx, e, what, v, now);
            case BOUNCE -> v.bounce() == BounceType.HARD ? hardBounce(tx, e, v, now) : softBounce(tx, e, v, now);
            case COMPLAINT -> end(tx, e, EnrollmentStatus.STOPPED, Suppression.Reason.COMPLAINT,
                    "the contact reported a message as spam (" + v.reason() + ")", now);
            case CHALLENGE -> held(tx, e, "their mail system asks you to prove you are a person before it delivers"
                    + " (challenge/response, " + what + "); answer it from your mailbox, then resume", now);
            default -> {
                enrollments.event(tx, e.id(), now, "inbound", "Received " + what + ": " + v.kind().jsonName()
                        + " (" + v.reason() + "); nothing changes");
                yield "enrollment " + e.id() + " unchanged";
            }
        };
    }

    private String replied(Tx tx, Enrollment e, String what, Instant now) throws SQLException {
        String effect = move(tx, e, EnrollmentStatus.REPLIED, "the contact replied: " + what, now);
        if (rules.replies().stopOtherSequences()) {
            for (Enrollment other : enrollments.forContact(tx, e.contactId())) {
                if (other.id() != e.id() && other.status().live()) {
                    move(tx, other, EnrollmentStatus.REPLIED, "the contact replied in sequence "
                            + e.sequenceName() + ": " + what, now);
                }
            }
        }
        return effect;
    }

    private String removed(Tx tx, Enrollment e, String what, String phrase, Instant now) throws SQLException {
        return end(tx, e, EnrollmentStatus.STOPPED, Suppression.Reason.UNSUBSCRIBED,
                "the contact asked to be removed (\"" + phrase + "\") in " + what, now);
    }

    private String outOfOffice(Tx tx, Enrollment e, String what, Verdict v, Instant now) throws SQLException {
        Instant until = v.returnDate() != null
                ? v.returnDate().atTime(BACK_AT).atZone(rules.zone()).toInstant()
                : now.plus(rules.replies().autoReplyPause());
        if (e.status() != EnrollmentStatus.ACTIVE || e.nextDueAt() == null || !e.nextDueAt().isBefore(until)) {
            enrollments.event(tx, e.id(), now, "inbound", "Out-of-office " + what + " (" + v.reason()
                    + "); the next step is already later, nothing changes");
            return "enrollment " + e.id() + " unchanged (out of office)";
        }
        enrollments.postpone(tx, e.id(), until, now);
        enrollments.event(tx, e.id(), now, "paused", "Out-of-office " + what + (v.returnDate() != null
                ? ", back on " + v.returnDate() : ", no return date given") + "; step " + e.nextStep()
                + " put off until " + until.truncatedTo(ChronoUnit.SECONDS) + ". Not a reply: the sequence goes on");
        log.info("paused enrollment={} until={}", e.id(), until);
        return "enrollment " + e.id() + " paused until " + until.truncatedTo(ChronoUnit.SECONDS);
    }

    private String hardBounce(Tx tx, Enrollment e, Verdict v, Instant now) throws SQLException {
        return end(tx, e, EnrollmentStatus.FAILED, Suppression.Reason.HARD_BOUNCE, "the address does not exist"
                + " (hard bounce" + (v.status() == null ? "" : ", " + v.status()) + ": " + v.reason() + ")", now);
    }

    private String softBounce(Tx tx, Enrollment e, Verdict v, Instant now) throws SQLException {
        int count = enrollments.addSoftBounce(tx, e.id());
        int limit = rules.replies().softBounceLimit();
        String detail = "soft bounce " + count + " of " + limit + (v.status() == null ? "" : ", " + v.status())
                + ": " + v.reason();
        if (count >= limit) {
            return move(tx, e, EnrollmentStatus.FAILED, detail + "; the address keeps refusing mail", now);
        }
        enrollments.event(tx, e.id(), now, "bounced", "Delivery failed for now (" + detail + "); the sequence goes on");
        return "enrollment " + e.id() + " continues (" + detail + ")";
    }

    private String end(Tx tx, Enrollment e, EnrollmentStatus status, Suppression.Reason why, String reason,
                       Instant now) throws SQLException {
        suppressions.add(tx, e.contactEmail(), why, reason, now);
        return move(tx, e, status, reason, now) + "; " + e.contactEmail() + " suppressed";
    }

    private String held(Tx tx, Enrollment e, String reason, Instant now) throws SQLException {
        return move(tx, e, EnrollmentStatus.HELD, reason, now);
    }

    private String move(Tx tx, Enrollment e, EnrollmentStatus status, String reason, Instant now)
            throws SQLException {
        String name = status.name().toLowerCase(java.util.Locale.ROOT);
        if (enrollments.move(tx, e.id(), status, reason, e.nextDueAt(), now)) {
            enrollments.event(tx, e.id(), now, name, capitalise(reason) + (status.live() ? ""
                    : "; step " + e.nextStep() + " and later will not be sent"));
            // The reason can quote the contact's reply: it goes to the timeline, never the log.
            log.info("{} enrollment={} contact={} mailbox={}", name, e.id(), e.contactEmail(), e.mailbox());
            if (status == EnrollmentStatus.REPLIED) {
                metrics.stoppedByReply();
            }
            return "enrollment " + e.id() + " " + name;
        }
        enrollments.event(tx, e.id(), now, "inbound", capitalise(reason) + " (enrollment already "
                + e.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        return "enrollment " + e.id() + " already " + e.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The start of what they wrote, so the timeline shows the answer itself. */
    private static String quote(String newText) {
        if (newText == null || newText.isBlank()) {
            return "";
        }
        String flat = newText.strip().replaceAll("\\s+", " ");
        return ": \u201c" + (flat.length() > 160 ? flat.substring(0, 159) + "\u2026" : flat) + "\u201d";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
