package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Mailboxes;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.mail.inbound.SyncStatusRepository;
import dev.nudge.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due steps of one mailbox over one SMTP connection.
 *
 * <p>Whoever calls it (Quartz, a test, twice, late), it sends a step only after
 * claiming it with a conditional update, so a step goes out at most once.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Database db;
    private final StepPlan plan;
    private final Mailer mailer;
    private final Mailboxes mailboxes;
    private final SchedulingConfig scheduling;
    private final Clock clock;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final SyncStatusRepository syncStatus = new SyncStatusRepository();
    private volatile boolean stopping;

    public Dispatcher(Database db, StepPlan plan, Mailer mailer, Mailboxes mailboxes,
                      SchedulingConfig scheduling, Clock clock) {
        this.db = db;
        this.plan = plan;
        this.mailer = mailer;
        this.mailboxes = mailboxes;
        this.scheduling = scheduling;
        this.clock = clock;
    }

    /** Sends what is due now in {@code mailboxName}, up to the batch size, unless {@link #stop stopped}. */
    public DispatchResult dispatchOnce(String mailboxName) {
        if (stopping) {
            return new DispatchResult(0, 0, 0, 0, null, null);
        }
        MailboxConfig mailbox = mailboxes.get(mailboxName);
        Instant now = clock.instant();
        String gate = inboxGate(mailboxName, now);
        if (gate != null) {
            log.warn("dispatch held mailbox={} reason=\"{}\"", mailboxName, gate);
            return DispatchResult.mailboxHeld(gate, now.plus(scheduling.inboxPollInterval()));
        }
        List<Enrollment> due = db.inTransaction(tx -> enrollments.due(tx, mailboxName, now,
                scheduling.dispatchBatch()));
        if (due.isEmpty()) {
            return new DispatchResult(0, 0, 0, 0, null, null);
        }
        try (DispatchRun run = new DispatchRun(db, plan, mailer, mailbox, clock)) {
            for (Enrollment e : due) {
                if (stopping) {
                    log.info("dispatch stopped between steps mailbox={} (shutting down)", mailboxName);
                    break;
                }
                if (!run.send(e)) {
                    break;
                }
            }
            return run.result();
        }
    }

    /**
     * For shutdown: a running dispatch ends before its next step, once the step on
     * the wire is recorded, and later calls send nothing. The steps left stay due.
     */
    public void stop() {
        stopping = true;
    }

    /** When the dispatcher next has work for the mailbox, if it has any. */
    public java.util.Optional<Instant> nextDue(String mailboxName) {
        return db.inTransaction(tx -> enrollments.nextDue(tx, mailboxName));
    }

    /** Why the mailbox sends nothing right now, or empty when it may send. */
    public java.util.Optional<String> holdReason(String mailboxName) {
        return java.util.Optional.ofNullable(inboxGate(mailboxName, clock.instant()));
    }

    /**
     * The reply-safety gate: a reply may sit unseen in an inbox that has not been
     * read lately, so no follow-up goes out until it has been.
     */
    String inboxGate(String mailboxName, Instant now) {
        var status = db.inTransaction(tx -> syncStatus.find(tx, mailboxName));
        Instant last = status.map(SyncStatusRepository.SyncStatus::lastSuccessAt).orElse(null);
        Duration bound = scheduling.maxInboxAge();
        if (last == null) {
            return "the inbox of mailbox " + mailboxName + " has not been read yet; sends wait for the first"
                    + " inbox sync so no reply goes unseen";
        }
        if (last.plus(bound).isBefore(now)) {
            String error = status.get().lastError();
            return "the inbox of mailbox " + mailboxName + " was last read at " + last + ", more than "
                    + bound + " ago" + (error == null ? "" : " (last error: " + error + ")")
                    + "; sends wait until it is read again so no reply goes unseen";
        }
        return null;
    }
}
