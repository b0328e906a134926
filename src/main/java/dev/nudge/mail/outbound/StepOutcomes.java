package dev.nudge.mail.outbound;

import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.sequence.Sequence;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an enrollment once the fate of its step is known. A dispatch,
 * the start-up recovery of interrupted sends and the user's decision on an
 * uncertain send all end here, so a step counts as sent in exactly one way.
 */
final class StepOutcomes {

    private static final Logger log = LoggerFactory.getLogger(StepOutcomes.class);

    private final StepPlan plan;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final OutboundRepository outbound = new OutboundRepository();

    StepOutcomes(StepPlan plan) {
        this.plan = plan;
    }

    /** The server has the message: the row is SENT and the enrollment moves to its next step or completes. */
    void delivered(Tx tx, Enrollment e, OutboundMessage m, Sequence sequence, Instant now) throws SQLException {
        outbound.setStatus(tx, m.id(), OutboundStatus.SENT, null, now);
        int next = m.step() + 1;
        boolean more = next <= sequence.steps().size();
        Instant due = more ? plan.times().due(sequence, next, e.enrolledAt(), now) : null;
        enrollments.advance(tx, e.id(), next, due, m.messageId(), m.subject(), now);
        enrollments.event(tx, e.id(), now, "sent", "Sent step " + m.step() + " (" + sequence.step(m.step())
                .template() + ") \"" + m.subject() + "\" to " + m.toAddress() + ", Message-ID <" + m.messageId()
                + ">" + (more ? "; step " + next + " due " + seconds(due) : ""));
        if (!more) {
            complete(tx, e, now);
        }
        log.info("sent enrollment={} step={} mailbox={} message_id={}", e.id(), m.step(), m.mailbox(),
                m.messageId());
    }

    /** The user counts the step as not sent: the enrollment goes on with the step after it. */
    void skipped(Tx tx, Enrollment e, OutboundMessage m, Sequence sequence, Instant now) throws SQLException {
        outbound.setStatus(tx, m.id(), OutboundStatus.SKIPPED, "skipped by the user", null);
        int next = m.step() + 1;
        boolean more = next <= sequence.steps().size();
        Instant due = more ? plan.times().due(sequence, next, e.enrolledAt(), now) : null;
        enrollments.advance(tx, e.id(), next, due, null, null, now);
        enrollments.event(tx, e.id(), now, "skipped", "Step " + m.step() + " (Message-ID <" + m.messageId()
                + ">) skipped by the user; it counts as not sent" + (more ? "; step " + next + " due "
                + seconds(due) : ""));
        if (!more) {
            complete(tx, e, now);
        }
        log.info("skipped enrollment={} step={} message_id={}", e.id(), m.step(), m.messageId());
    }

    /**
     * The send was interrupted and nobody can tell whether the server took it:
     * the row is UNCERTAIN and the enrollment waits for the user, never resent on its own.
     *
     * @return true when the enrollment was held
     */
    boolean interrupted(Tx tx, Enrollment e, OutboundMessage m, String why, Instant now) throws SQLException {
        outbound.markUncertain(tx, m.id(), why, now);
        return hold(tx, e, "the send of step " + m.step() + " (Message-ID <" + m.messageId() + ">) was"
                + " interrupted and may or may not have left (" + why + "); check the recipient or the Sent"
                + " folder, then nudge uncertain mark-sent, send-again (same Message-ID) or skip " + e.id(), now);
    }

    void complete(Tx tx, Enrollment e, Instant now) throws SQLException {
        if (enrollments.move(tx, e.id(), EnrollmentStatus.COMPLETED, "every step was sent", null, now)) {
            enrollments.event(tx, e.id(), now, "completed", "Every step was sent; the sequence is complete");
            log.info("completed enrollment={}", e.id());
        }
    }

    /** @return true when the enrollment was held (it was live) */
    boolean hold(Tx tx, Enrollment e, String reason, Instant now) throws SQLException {
        if (enrollments.move(tx, e.id(), EnrollmentStatus.HELD, reason, e.nextDueAt(), now)) {
            enrollments.event(tx, e.id(), now, "held", "Held: " + reason);
            log.warn("held enrollment={} step={} reason=\"{}\"", e.id(), e.nextStep(), reason);
            return true;
        }
        return false;
    }

    static Instant seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
