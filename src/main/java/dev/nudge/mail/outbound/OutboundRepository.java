package dev.nudge.mail.outbound;

import dev.nudge.enrollment.EnrollmentRepository;

import dev.nudge.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The messages Nudge sends, one row per enrollment step. The rendered bodies
 * live in {@code outbound_body}, written once with the row; only
 * {@link #forStep} reads them back (to send a step again), every other lookup
 * leaves them null.
 */
public final class OutboundRepository {

    public long insert(Tx tx, OutboundMessage m) throws SQLException {
        long id = tx.insert("INSERT INTO outbound_message (enrollment_id, step, mailbox, message_id, status, "
                        + "to_address, subject, in_reply_to, reference_ids, attempts, created_at) "
                        + "VALUES (:enrollment, :step, :mailbox, :messageId, :status, :to, :subject, "
                        + ":inReplyTo, :refs, :attempts, :now)",
                "enrollment", m.enrollmentId(), "step", m.step(), "mailbox", m.mailbox(),
                "messageId", m.messageId(), "status", m.status(), "to", m.toAddress(), "subject", m.subject(),
                "inReplyTo", m.inReplyTo(), "refs", String.join(" ", m.references()), "attempts", m.attempts(),
                "now", m.createdAt());
        tx.update("INSERT INTO outbound_body (outbound_id, text_body, html_body) VALUES (:id, :text, :html)",
                "id", id, "text", m.textBody(), "html", m.htmlBody());
        return id;
    }

    /** The step's message with its bodies, as it was (or will be) sent. */
    public Optional<OutboundMessage> forStep(Tx tx, long enrollmentId, int step) throws SQLException {
        return tx.queryOne("SELECT o.*, b.text_body, b.html_body FROM outbound_message o "
                        + "LEFT JOIN outbound_body b ON b.outbound_id = o.id "
                        + "WHERE o.enrollment_id = :e AND o.step = :step",
                OutboundRepository::withBodies, "e", enrollmentId, "step", step);
    }

    /** The enrollment's messages so far, oldest step first, without their bodies. */
    public List<OutboundMessage> forEnrollment(Tx tx, long enrollmentId) throws SQLException {
        return tx.query("SELECT * FROM outbound_message WHERE enrollment_id = :e ORDER BY step",
                OutboundRepository::map, "e", enrollmentId);
    }

    /** The sent message of any enrollment whose Message-ID is one of {@code ids}. */
    public List<OutboundMessage> byMessageIds(Tx tx, String mailbox, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        Object[] params = new Object[ids.size() * 2 + 2];
        params[0] = "mailbox";
        params[1] = mailbox;
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? ":id" : ", :id").append(i);
            params[2 + 2 * i] = "id" + i;
            params[3 + 2 * i] = ids.get(i);
        }
        return tx.query("SELECT * FROM outbound_message WHERE mailbox = :mailbox AND message_id IN (" + in + ")",
                OutboundRepository::map, params);
    }

    /**
     * Our messages that a provider re-labelled with one of {@code ids} (Outlook.com
     * replaces our Message-ID and keeps it in X-Microsoft-Original-Message-ID).
     */
    public List<OutboundMessage> byAliases(Tx tx, List<String> ids) throws SQLException {
        List<OutboundMessage> found = new java.util.ArrayList<>();
        for (String id : ids) {
            found.addAll(tx.query("SELECT o.* FROM outbound_message o JOIN outbound_alias a ON a.outbound_id = o.id "
                    + "WHERE a.alias_message_id = :id", OutboundRepository::map, "id", id));
        }
        return found;
    }

    /** Remembers that {@code alias} is another name of our message {@code outboundId}. */
    public void addAlias(Tx tx, String alias, long outboundId) throws SQLException {
        if (tx.query("SELECT outbound_id FROM outbound_alias WHERE alias_message_id = :alias",
                rs -> rs.getLong(1), "alias", alias).isEmpty()) {
            tx.update("INSERT INTO outbound_alias (alias_message_id, outbound_id) VALUES (:alias, :id)",
                    "alias", alias, "id", outboundId);
        }
    }

    /** Moves the row to a new status, counting an attempt when it goes back to SENDING. */
    public void setStatus(Tx tx, long id, OutboundStatus status, String error, Instant sentAt) throws SQLException {
        tx.update("UPDATE outbound_message SET status = :status, last_error = :error, "
                        + "sent_at = COALESCE(:sentAt, sent_at), "
                        + "attempts = attempts + CASE WHEN :status = 'SENDING' THEN 1 ELSE 0 END WHERE id = :id",
                "status", status, "error", EnrollmentRepository.truncate(error, 2000), "sentAt", sentAt, "id", id);
    }

    /** Marks the row UNCERTAIN: nobody knows whether the server accepted it. */
    public void markUncertain(Tx tx, long id, String why, Instant now) throws SQLException {
        tx.update("UPDATE outbound_message SET status = 'UNCERTAIN', last_error = :why, uncertain_since = :now "
                + "WHERE id = :id", "why", EnrollmentRepository.truncate(why, 2000), "now", now, "id", id);
    }

    /** Rows of {@code mailbox} in {@code status}, oldest first. */
    public List<OutboundMessage> inStatus(Tx tx, String mailbox, OutboundStatus status) throws SQLException {
        return tx.query("SELECT * FROM outbound_message WHERE mailbox = :mailbox AND status = :status ORDER BY id",
                OutboundRepository::map, "mailbox", mailbox, "status", status);
    }

    static OutboundMessage map(ResultSet rs) throws SQLException {
        return map(rs, null, null);
    }

    private static OutboundMessage withBodies(ResultSet rs) throws SQLException {
        return map(rs, rs.getString("text_body"), rs.getString("html_body"));
    }

    private static OutboundMessage map(ResultSet rs, String textBody, String htmlBody) throws SQLException {
        String refs = rs.getString("reference_ids");
        return new OutboundMessage(rs.getLong("id"), rs.getLong("enrollment_id"), rs.getInt("step"),
                rs.getString("mailbox"), rs.getString("message_id"),
                OutboundStatus.valueOf(rs.getString("status")), rs.getString("to_address"),
                rs.getString("subject"), textBody, htmlBody,
                rs.getString("in_reply_to"),
                refs == null || refs.isBlank() ? List.of() : Arrays.asList(refs.split(" ")),
                rs.getInt("attempts"), rs.getString("last_error"), Tx.instant(rs, "created_at"),
                Tx.instant(rs, "sent_at"));
    }
}
