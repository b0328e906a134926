package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Mailboxes;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.mail.inbound.Mailbox;
import dev.nudge.sequence.Sequence;
import dev.nudge.store.Database;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles, at start-up, the sends a dead process left {@code sending}: the server
 * may or may not have accepted them. A copy with the row's Message-ID in the
 * mailbox's Sent folder proves it left, and the step counts as sent; anything
 * else (no copy, no Sent folder, IMAP down) makes it {@code uncertain} and holds
 * the enrollment for the user, because sending again could mean sending twice.
 */
public final class SendingRecovery {

    private static final Logger log = LoggerFactory.getLogger(SendingRecovery.class);

    private final Database db;
    private final StepPlan plan;
    private final Mailbox mailbox;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final StepOutcomes outcomes;
    private final OutboundRepository outbound = new OutboundRepository();
    private final EnrollmentRepository enrollments = new EnrollmentRepository();

    /** How the interrupted sends were settled. */
    public record Result(int sent, int uncertain) {
    }

    public SendingRecovery(Database db, StepPlan plan, Mailbox mailbox, Mailboxes mailboxes, Clock clock) {
        this.db = db;
        this.plan = plan;
        this.mailbox = mailbox;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.outcomes = new StepOutcomes(plan);
    }

    /** Settles every row still {@code sending}, mailbox by mailbox. Call it before any dispatch runs. */
    public Result recover() {
        int sent = 0;
        int uncertain = 0;
        for (MailboxConfig config : mailboxes.all()) {
            List<OutboundMessage> rows = db.inTransaction(tx -> outbound.inStatus(tx, config.name(),
                    OutboundStatus.SENDING));
            if (rows.isEmpty()) {
                continue;
            }
            List<String> verdicts = lookUp(config, rows);
            for (int i = 0; i < rows.size(); i++) {
                OutboundMessage row = rows.get(i);
                String why = verdicts.get(i);
                if (Boolean.TRUE.equals(db.inTransaction(tx -> settle(tx, row, why)))) {
                    sent++;
                } else {
                    uncertain++;
                }
            }
        }
        if (sent + uncertain > 0) {
            log.info("interrupted sends settled sent={} uncertain={}", sent, uncertain);
        }
        return new Result(sent, uncertain);
    }

    // For each row: null when its copy is in the Sent folder, else why the send stays uncertain.
    private List<String> lookUp(MailboxConfig config, List<OutboundMessage> rows) {
        String[] verdicts = new String[rows.size()];
        int checked = 0;
        try (Mailbox.Connection imap = mailbox.connect(config)) {
            for (; checked < rows.size(); checked++) {
                boolean found = imap.containsMessageId(SentCopies.SENT_FOLDER, rows.get(checked).messageId());
                verdicts[checked] = found ? null : "no copy with its Message-ID in the Sent folder at start-up";
            }
        } catch (RuntimeException e) {
            log.warn("cannot look in the Sent folder mailbox={} reason=\"{}\"", config.name(), e.getMessage());
            for (int i = checked; i < verdicts.length; i++) {
                verdicts[i] = "the Sent folder could not be checked at start-up: " + e.getMessage();
            }
        }
        return java.util.Arrays.asList(verdicts);
    }

    // True when the step now counts as sent; the row is re-read so a concurrent settlement wins once.
    private Boolean settle(Tx tx, OutboundMessage stale, String why) throws SQLException {
        var row = outbound.forStep(tx, stale.enrollmentId(), stale.step())
                .filter(m -> m.status() == OutboundStatus.SENDING);
        Enrollment e = enrollments.find(tx, stale.enrollmentId()).orElse(null);
        if (row.isEmpty() || e == null) {
            return false;
        }
        Instant now = clock.instant();
        if (why == null) {
            try {
                Sequence sequence = plan.sequences().get(e.sequenceName());
                outcomes.delivered(tx, e, row.get(), sequence, now);
                return true;
            } catch (NudgeException.NotFound missing) {
                why = "found in the Sent folder, but " + missing.getMessage();
            }
        }
        outcomes.interrupted(tx, e, row.get(), why, now);
        return false;
    }
}
