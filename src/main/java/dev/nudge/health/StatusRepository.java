package dev.nudge.health;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts over the enrollments and the inbox syncs, for the gauges and the health check. */
public final class StatusRepository {

    /**
     * Held reasons, grouped coarsely from {@code enrollment.status_reason}, which
     * always starts with the words the code that held it wrote.
     */
    public enum HeldReason {
        /** A send was interrupted and may or may not have left: the user decides. */
        UNCERTAIN_SEND,
        /** The template could not be rendered: fix it, then resume. */
        TEMPLATE_ERROR,
        /** A challenge/response filter wants the sender to prove they are a person. */
        CHALLENGE,
        /** Anything else, such as a sequence that is no longer configured. */
        OTHER
    }

    private static final String HELD_CATEGORY = "CASE "
            + "WHEN status_reason LIKE 'the send of step %' THEN 'UNCERTAIN_SEND' "
            + "WHEN status_reason LIKE 'template error%' THEN 'TEMPLATE_ERROR' "
            + "WHEN status_reason LIKE '%challenge/response%' THEN 'CHALLENGE' "
            + "ELSE 'OTHER' END";

    private record Count(String key, long count) {
    }

    /** ACTIVE enrollments whose step is due at {@code now}, per mailbox. */
    public Map<String, Long> dueNow(Tx tx, Instant now) throws SQLException {
        return toMap(tx.query("SELECT mailbox, COUNT(*) AS n FROM enrollment WHERE status = 'ACTIVE' "
                + "AND next_due_at <= :now GROUP BY mailbox", rs -> new Count(rs.getString("mailbox"),
                rs.getLong("n")), "now", now));
    }

    /** Enrollments per status name, e.g. {@code ACTIVE}. */
    public Map<String, Long> byStatus(Tx tx) throws SQLException {
        return toMap(tx.query("SELECT status, COUNT(*) AS n FROM enrollment GROUP BY status",
                rs -> new Count(rs.getString("status"), rs.getLong("n"))));
    }

    /** HELD enrollments per {@link HeldReason} name. */
    public Map<String, Long> heldByReason(Tx tx) throws SQLException {
        return toMap(tx.query("SELECT category, COUNT(*) AS n FROM (SELECT " + HELD_CATEGORY
                + " AS category FROM enrollment WHERE status = 'HELD') held GROUP BY category",
                rs -> new Count(rs.getString("category"), rs.getLong("n"))));
    }

    /** When each mailbox's inbox was last read in full; mailboxes never read are missing. */
    public Map<String, Instant> lastInboxSyncs(Tx tx) throws SQLException {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (var row : tx.query("SELECT mailbox, last_success_at FROM mailbox_sync WHERE last_success_at IS NOT NULL",
                rs -> Map.entry(rs.getString("mailbox"), Tx.instant(rs, "last_success_at")))) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    private static Map<String, Long> toMap(List<Count> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.key(), r.count()));
        return out;
    }
}
