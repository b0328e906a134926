package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.Contact;
import dev.nudge.enrollment.ContactRepository;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.enrollment.EnrollmentStatus;
import dev.nudge.enrollment.SuppressionRepository;
import dev.nudge.sequence.Sequence;
import dev.nudge.store.Database;
import dev.nudge.store.Tx;
import dev.nudge.template.TemplateError;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One dispatch run of one mailbox: its connection, its counts, and the life of each step it sends. */
final class DispatchRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DispatchRun.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    static final Duration BLOCKED_PAUSE = Duration.ofMinutes(15);

    private final Database db;
    private final StepPlan plan;
    private final Mailer mailer;
    private final MailboxConfig mailbox;
    private final Clock clock;
    private final StepComposer composer;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final ContactRepository contacts = new ContactRepository();
    private final OutboundRepository outbound = new OutboundRepository();
    private final SuppressionRepository suppressions = new SuppressionRepository();
    private final StepOutcomes outcomes;
    private Mailer.Connection connection;
    private Delivered delivered;
    private int sent;
    private int failed;
    private int held;
    private int retrying;
    private Instant retryAt;

    DispatchRun(Database db, StepPlan plan, Mailer mailer, MailboxConfig mailbox, Clock clock) {
        this.db = db;
        this.plan = plan;
        this.mailer = mailer;
        this.mailbox = mailbox;
        this.clock = clock;
        this.composer = new StepComposer(plan.templates());
        this.outcomes = new StepOutcomes(plan);
    }

    /**
     * Sends the enrollment's due step if it can still be claimed; false ends the run.
     *
     * <p>The step sent before this one is recorded as SENT in the same transaction
     * that claims this one and commits its message as SENDING: one commit per
     * step instead of two, and the previous step's outcome is on disk before this
     * step's conversation with the server begins, as it would be with its own commit.
     */
    boolean send(Enrollment e) {
        Instant now = clock.instant();
        Delivered previous = delivered;
        Prepared p;
        try {
            p = db.inTransaction(tx -> {
                record(tx, previous);
                return prepare(tx, e, now);
            });
        } catch (RuntimeException ex) {
            // This step could not be prepared; the one before it was sent all the same.
            recordDelivered();
            if (!StepFailures.belongsToStep(ex)) {
                throw ex;
            }
            holdAfterFailure(e, ex, now);
            return true;
        }
        countDelivered(previous);
        if (p == null) {
            return true;
        }
        try {
            if (connection == null) {
                connection = mailer.connect(mailbox);
            }
            connection.send(StepComposer.toEmail(p.message(), mailbox, p.contact()));
        } catch (SendFailure f) {
            return failed(e, p.message(), f);
        } catch (RuntimeException ex) {
            return failed(e, p.message(), new SendFailure(SendFailure.Kind.RECIPIENT_REJECTED,
                    "could not build the message: " + ex.getMessage(), ex));
        }
        delivered = new Delivered(e, p, clock.instant());
        return true;
    }

    /** A step the server accepted whose SENT is not committed yet. */
    private record Delivered(Enrollment enrollment, Prepared prepared, Instant at) {
    }

    private void record(Tx tx, Delivered d) throws SQLException {
        if (d != null) {
            outcomes.delivered(tx, d.enrollment(), d.prepared().message(), d.prepared().sequence(), d.at());
        }
    }

    private void countDelivered(Delivered d) {
        if (d != null) {
            sent++;
            delivered = null;
        }
    }

    /** Commits the last accepted step on its own, when no next step carries it. */
    private void recordDelivered() {
        Delivered d = delivered;
        if (d != null) {
            db.run(tx -> record(tx, d));
            countDelivered(d);
        }
    }

    private record Prepared(OutboundMessage message, Contact contact, Sequence sequence) {
    }

    /** Claims the step and commits its message as SENDING before the server hears of it. */
    private Prepared prepare(Tx tx, Enrollment e, Instant now) throws SQLException {
        if (!enrollments.claim(tx, e, now)) {
            log.info("claim lost enrollment={} step={}", e.id(), e.nextStep());
            return null;
        }
        java.util.List<OutboundMessage> history = outbound.forEnrollment(tx, e.id());
        var existing = history.stream().filter(m -> m.step() == e.nextStep()).findFirst();
        if (existing.isPresent() && existing.get().status() == OutboundStatus.SENDING) {
            // Start-up recovery resolves these from the Sent folder; one left for a dispatch
            // was interrupted on another node or while the recovery could not run.
            if (outcomes.interrupted(tx, e, existing.get(), "found still sending by a dispatch", now)) {
                held++;
            }
            return null;
        }
        Contact contact = contacts.findById(tx, e.contactId()).orElseThrow();
        var suppressed = suppressions.find(tx, contact.email());
        if (suppressed.isPresent()) {
            String reason = "the address is on the suppression list (" + suppressed.get().describe() + ")";
            if (enrollments.move(tx, e.id(), EnrollmentStatus.STOPPED, reason, null, now)) {
                enrollments.event(tx, e.id(), now, "stopped", "Stopped before step " + e.nextStep() + ": " + reason);
            }
            return null;
        }
        Sequence sequence;
        try {
            sequence = plan.sequences().get(e.sequenceName());
            if (e.nextStep() > sequence.steps().size()) {
                complete(tx, e, now);
                return null;
            }
        } catch (NudgeException.NotFound missing) {
            hold(tx, e, missing.getMessage(), now);
            return null;
        }
        if (existing.isPresent()) {
            // A retry sends exactly what was rendered the first time, bodies included.
            OutboundMessage again = outbound.forStep(tx, e.id(), e.nextStep()).orElseThrow();
            outbound.setStatus(tx, again.id(), OutboundStatus.SENDING, null, null);
            return new Prepared(again, contact, sequence);
        }
        try {
            OutboundMessage m = composer.compose(e, contact, sequence, mailbox,
                    history, now);
            long id = outbound.insert(tx, m);
            return new Prepared(withId(m, id), contact, sequence);
        } catch (TemplateError t) {
            hold(tx, e, "template error, nothing was sent: " + t.getMessage()
                    + "; fix the template (nudge templates check), then resume", now);
            return null;
        }
    }

    /**
     * A failure of this contact's data or template alone (a value too long for its column, a
     * constraint, a bug met only by this input) holds this step with its reason, and the run goes
     * on with the next contact. Rolled back with the claim, the step is claimed for the hold anew.
     */
    private void holdAfterFailure(Enrollment e, RuntimeException ex, Instant now) {
        log.debug("step could not be prepared enrollment={} step={}", e.id(), e.nextStep(), ex);
        String reason = "step " + e.nextStep() + " could not be prepared, nothing was sent ("
                + StepFailures.describe(ex) + "); fix the cause, then resume";
        db.run(tx -> hold(tx, e, reason, now));
    }

    private void complete(Tx tx, Enrollment e, Instant now) throws SQLException {
        outcomes.complete(tx, e, now);
    }

    private void hold(Tx tx, Enrollment e, String reason, Instant now) throws SQLException {
        if (outcomes.hold(tx, e, reason, now)) {
            held++;
        }
    }

    private boolean failed(Enrollment e, OutboundMessage m, SendFailure f) {
        recordDelivered();
        Instant now = clock.instant();
        return switch (f.kind()) {
            case RECIPIENT_REJECTED -> {
                db.run(tx -> rejected(tx, e, m, f, now));
                yield true;
            }
            case TRANSIENT -> {
                Instant at = now.plus(backoff(m.attempts()));
                db.run(tx -> retryLater(tx, e, m, f, at, now));
                boolean connected = connection != null;
                closeConnection();
                if (!connected) {
                    retryAt = at;
                }
                yield connected;
            }
            case UNKNOWN_OUTCOME -> {
                db.run(tx -> uncertain(tx, e, m, f, now));
                closeConnection();
                yield true;
            }
            case MAILBOX_BLOCKED -> {
                Instant at = now.plus(BLOCKED_PAUSE);
                db.run(tx -> retryLater(tx, e, m, f, at, now));
                log.error("mailbox blocked mailbox={} until={} reason=\"{}\"", mailbox.name(), at, f.getMessage());
                retryAt = at;
                yield false;
            }
        };
    }

    private void rejected(Tx tx, Enrollment e, OutboundMessage m, SendFailure f, Instant now) throws SQLException {
        outbound.setStatus(tx, m.id(), OutboundStatus.FAILED, f.getMessage(), null);
        String reason = "the server refused step " + m.step() + " to " + m.toAddress() + ": " + f.getMessage();
        if (enrollments.move(tx, e.id(), EnrollmentStatus.FAILED, reason, null, now)) {
            enrollments.event(tx, e.id(), now, "failed", "Failed: " + reason);
        }
        failed++;
        log.warn("send failed enrollment={} step={} mailbox={} reason=\"{}\"", e.id(), m.step(), mailbox.name(),
                f.getMessage());
    }

    // Never resent on our own: a second copy in the contact's inbox is worse than a held step.
    private void uncertain(Tx tx, Enrollment e, OutboundMessage m, SendFailure f, Instant now) throws SQLException {
        outbound.setStatus(tx, m.id(), OutboundStatus.UNCERTAIN, f.getMessage(), null);
        hold(tx, e, "the send of step " + m.step() + " (Message-ID <" + m.messageId() + ">) lost its connection"
                + " after the whole message was written, so it may or may not have been delivered; check the Sent"
                + " folder or ask the contact, then resume to send it again with the same Message-ID, or stop", now);
    }

    private void retryLater(Tx tx, Enrollment e, OutboundMessage m, SendFailure f, Instant at, Instant now)
            throws SQLException {
        outbound.setStatus(tx, m.id(), OutboundStatus.RETRYING, f.getMessage(), null);
        enrollments.postpone(tx, e.id(), at, now);
        enrollments.event(tx, e.id(), now, "retrying", "Step " + m.step() + " not sent (" + f.getMessage()
                + "); trying again at " + seconds(at));
        retrying++;
        log.warn("send postponed enrollment={} step={} mailbox={} retry_at={} reason=\"{}\"", e.id(), m.step(),
                mailbox.name(), at, f.getMessage());
    }

    private static Instant seconds(Instant at) {
        return StepOutcomes.seconds(at);
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return d.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : d;
    }

    private static OutboundMessage withId(OutboundMessage m, long id) {
        return new OutboundMessage(id, m.enrollmentId(), m.step(), m.mailbox(), m.messageId(), m.status(),
                m.toAddress(), m.subject(), m.textBody(), m.htmlBody(), m.inReplyTo(), m.references(),
                m.attempts(), m.lastError(), m.createdAt(), m.sentAt());
    }

    /** The run's counts, once the last accepted step is committed as SENT. */
    DispatchResult result() {
        recordDelivered();
        return new DispatchResult(sent, failed, held, retrying, null, retryAt);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("closing SMTP connection mailbox={} failed: {}", mailbox.name(), e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        try {
            recordDelivered();
        } catch (RuntimeException e) {
            // Left SENDING: the start-up recovery finds it in the Sent folder or holds it as uncertain.
            log.error("could not record a sent step mailbox={} reason=\"{}\"", mailbox.name(), e.getMessage());
        } finally {
            closeConnection();
        }
    }
}
