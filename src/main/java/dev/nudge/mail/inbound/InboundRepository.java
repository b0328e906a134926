package dev.nudge.mail.inbound;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** Every message that arrived in a watched folder, with what Nudge made of it. */
public final class InboundRepository {

    /**
     * One stored decision. {@code kind} is the classifier's kind name in lower case,
     * or {@code unreadable}.
     */
    public record Recorded(String mailbox, String folder, long uid, String messageId, String from,
                           String subject, String kind, String reason, Long enrollmentId, String effect,
                           Details details, Instant receivedAt) {
    }

    /** What the classifier read beyond the kind; every field may be null. */
    public record Details(String bounceType, String statusCode, String failedRecipient, LocalDate returnDate,
                          String replyText) {
        public static final Details NONE = new Details(null, null, null, null, null);
    }

    static final String SEEN = "SELECT id FROM inbound_message WHERE mailbox = :mailbox AND folder = :folder "
            + "AND uid_validity = :validity AND uid = :uid UNION ALL "
            + "SELECT id FROM inbound_message WHERE mailbox = :mailbox AND message_id = :messageId "
            + "FETCH FIRST 1 ROWS ONLY";

    /**
     * Whether this message was recorded already: by its place (folder, UIDVALIDITY,
     * UID) or by its Message-ID. Two lookups, one per index: written as one
     * condition with OR, H2 walked every row of the mailbox, 15 ms a message at
     * 50,000 recorded, which made the first sync of a big inbox quadratic.
     */
    public boolean seen(Tx tx, String mailbox, String folder, long uidValidity, long uid, String messageId)
            throws SQLException {
        return !tx.query(SEEN,
                rs -> rs.getLong("id"), "mailbox", mailbox, "folder", folder, "validity", uidValidity,
                "uid", uid, "messageId", messageId).isEmpty();
    }

    public long insert(Tx tx, Recorded r, long uidValidity) throws SQLException {
        Details d = r.details();
        return tx.insert("INSERT INTO inbound_message (mailbox, folder, uid_validity, uid, message_id, "
                        + "from_address, subject, kind, reason, enrollment_id, effect, received_at, bounce_type, "
                        + "status_code, failed_recipient, return_date, reply_text) VALUES "
                        + "(:mailbox, :folder, :validity, :uid, :messageId, :from, :subject, :kind, :reason, "
                        + ":enrollment, :effect, :at, :bounce, :status, :recipient, :returnDate, :replyText)",
                "mailbox", r.mailbox(), "folder", r.folder(), "validity", uidValidity, "uid", r.uid(),
                "messageId", clip(r.messageId(), 250), "from", clip(r.from(), 320), "subject", clip(r.subject(), 1000),
                "kind", r.kind(), "reason", clip(r.reason(), 1000), "enrollment", r.enrollmentId(),
                "effect", clip(r.effect(), 1000), "at", r.receivedAt(), "bounce", d.bounceType(),
                "status", clip(d.statusCode(), 20), "recipient", clip(d.failedRecipient(), 320),
                "returnDate", d.returnDate(), "replyText", clip(d.replyText(), 4000));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
