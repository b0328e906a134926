package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.sequence.Sequence;
import dev.nudge.store.Database;
import dev.nudge.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's decisions on uncertain sends: it did leave (mark sent), send it
 * again with the same Message-ID so a client that got the first copy shows one,
 * or count the step as not sent and go on (skip).
 */
public final class UncertainSends {

    private static final Logger log = LoggerFactory.getLogger(UncertainSends.class);
    private static final String SELECT = "SELECT o.enrollment_id, c.email, e.sequence_name, o.step, o.message_id, "
            + "o.uncertain_since, o.last_error FROM outbound_message o JOIN enrollment e ON e.id = o.enrollment_id "
            + "JOIN contact c ON c.id = e.contact_id WHERE o.status = 'UNCERTAIN' ";

    private final Database db;
    private final StepPlan plan;
    private final Clock clock;
    private final StepOutcomes outcomes;
    private final OutboundRepository outbound = new OutboundRepository();
    private final EnrollmentRepository enrollments = new EnrollmentRepository();

    public UncertainSends(Database db, StepPlan plan, Clock clock) {
        this.db = db;
        this.plan = plan;
        this.clock = clock;
        this.outcomes = new StepOutcomes(plan);
    }

    /** Every uncertain send, oldest first. */
    public List<UncertainSend> list() {
        return db.inTransaction(tx -> tx.query(SELECT + "ORDER BY o.uncertain_since, o.id", UncertainSends::map));
    }

    /** The user knows the message left: the step counts as sent and the enrollment goes on. */
    public UncertainSend markSent(long enrollmentId) {
        return decide(enrollmentId, "mark-sent", (tx, e, m, sequence, now) -> {
            outcomes.delivered(tx, e, m, sequence, now);
            enrollments.event(tx, e.id(), now, "decided", "The user confirmed step " + m.step() + " was sent");
        });
    }

    /**
     * The next dispatch sends the step again with the same Message-ID; the row
     * stays uncertain until then, so a crash before it is still not a silent resend.
     */
    public UncertainSend sendAgain(long enrollmentId) {
        return decide(enrollmentId, "send-again", (tx, e, m, sequence, now) ->
                enrollments.event(tx, e.id(), now, "decided", "The user chose to send step " + m.step()
                        + " again with the same Message-ID <" + m.messageId() + ">; it goes out at the next"
                        + " dispatch"));
    }

    /** The step counts as not sent: the enrollment moves on to the step after it. */
    public UncertainSend skip(long enrollmentId) {
        return decide(enrollmentId, "skip", outcomes::skipped);
    }

    private interface Decision {
        void apply(Tx tx, Enrollment active, OutboundMessage m, Sequence sequence, Instant now) throws SQLException;
    }

    // Puts the held enrollment back to ACTIVE with its step due now, then applies the decision in the same
    // transaction, so the dispatcher never sees it half-decided.
    private UncertainSend decide(long enrollmentId, String what, Decision decision) {
        Instant now = clock.instant();
        UncertainSend decided = db.inTransaction(tx -> {
            UncertainSend u = tx.queryOne(SELECT + "AND o.enrollment_id = :e", UncertainSends::map,
                    "e", enrollmentId).orElseThrow(() -> new NudgeException.NotFound(
                    "No uncertain send (enrollment id: " + enrollmentId + ")"));
            Enrollment e = enrollments.find(tx, enrollmentId).orElseThrow();
            if (e.status() != EnrollmentStatus.HELD || e.nextStep() != u.step()) {
                throw new NudgeException.Conflict("Enrollment " + enrollmentId + " is " + e.status().name()
                        .toLowerCase() + " at step " + e.nextStep() + ", not held on its uncertain step "
                        + u.step() + "; nothing changed");
            }
            if (!enrollments.move(tx, e.id(), EnrollmentStatus.ACTIVE, null, now, now)) {
                throw new NudgeException.Conflict("Enrollment " + enrollmentId + " changed meanwhile; nothing"
                        + " changed");
            }
            Enrollment active = enrollments.find(tx, enrollmentId).orElseThrow();
            OutboundMessage m = outbound.forStep(tx, enrollmentId, u.step()).orElseThrow();
            decision.apply(tx, active, m, plan.sequences().get(e.sequenceName()), now);
            return u;
        });
        log.info("uncertain send decided enrollment={} step={} decision={}", enrollmentId, decided.step(), what);
        return decided;
    }

    private static UncertainSend map(ResultSet rs) throws SQLException {
        return new UncertainSend(rs.getLong("enrollment_id"), rs.getString("email"), rs.getString("sequence_name"),
                rs.getInt("step"), rs.getString("message_id"), Tx.instant(rs, "uncertain_since"),
                rs.getString("last_error"));
    }
}
