package dev.nudge.mail.inbound;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Every message that arrived in a watched folder, with what Nudge made of it. */
public final class InboundRepository {

    public record Recorded(long id, String mailbox, String folder, long uid, String messageId, String from,
                           String subject, InboundKind kind, String reason, Long enrollmentId, String effect,
                           Instant receivedAt) {
    }

    public boolean seen(Tx tx, String mailbox, String folder, long uidValidity, long uid, String messageId)
            throws SQLException {
        return !tx.query("SELECT id FROM inbound_message WHERE mailbox = :mailbox AND ((folder = :folder "
                        + "AND uid_validity = :validity AND uid = :uid) OR message_id = :messageId)",
                rs -> rs.getLong("id"), "mailbox", mailbox, "folder", folder, "validity", uidValidity,
                "uid", uid, "messageId", messageId).isEmpty();
    }

    public long insert(Tx tx, Recorded r, long uidValidity) throws SQLException {
        return tx.insert("INSERT INTO inbound_message (mailbox, folder, uid_validity, uid, message_id, "
                        + "from_address, subject, kind, reason, enrollment_id, effect, received_at) VALUES "
                        + "(:mailbox, :folder, :validity, :uid, :messageId, :from, :subject, :kind, :reason, "
                        + ":enrollment, :effect, :at)",
                "mailbox", r.mailbox(), "folder", r.folder(), "validity", uidValidity, "uid", r.uid(),
                "messageId", clip(r.messageId(), 250), "from", clip(r.from(), 320), "subject", clip(r.subject(), 1000),
                "kind", r.kind(), "reason", clip(r.reason(), 1000), "enrollment", r.enrollmentId(),
                "effect", clip(r.effect(), 1000), "at", r.receivedAt());
    }

    public List<Recorded> forEnrollment(Tx tx, long enrollmentId) throws SQLException {
        return tx.query("SELECT * FROM inbound_message WHERE enrollment_id = :id ORDER BY received_at, id",
                rs -> new Recorded(rs.getLong("id"), rs.getString("mailbox"), rs.getString("folder"),
                        rs.getLong("uid"), rs.getString("message_id"), rs.getString("from_address"),
                        rs.getString("subject"), InboundKind.valueOf(rs.getString("kind")),
                        rs.getString("reason"), Tx.nullableLong(rs, "enrollment_id"), rs.getString("effect"),
                        Tx.instant(rs, "received_at")),
                "id", enrollmentId);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
