package dev.nudge.enrollment;

import dev.nudge.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrollments and their history. Every change is a conditional update on
 * {@code version}, so two writers (a reply and a send, two dispatch runs) can
 * never both win.
 */
public final class EnrollmentRepository {

    private static final String SELECT = "SELECT e.*, c.email AS contact_email FROM enrollment e "
            + "JOIN contact c ON c.id = e.contact_id ";

    public long insert(Tx tx, long contactId, String sequence, String mailbox, Instant dueAt, Instant now)
            throws SQLException {
        return tx.insert("INSERT INTO enrollment (contact_id, sequence_name, mailbox, status, next_step, "
                        + "next_due_at, enrolled_at, updated_at, active_sequence, version) "
                        + "VALUES (:contact, :sequence, :mailbox, 'ACTIVE', 1, :due, :now, :now, :sequence, 0)",
                "contact", contactId, "sequence", sequence, "mailbox", mailbox, "due", dueAt, "now", now);
    }

    /**
     * Inserts an active enrollment, step 1 due at {@code dueAt}, for each contact,
     * with its first event; returns the new enrollments' ids by contact id.
     */
    public Map<Long, Long> insertAll(Tx tx, List<Long> contactIds, String sequence, String mailbox,
                                     Instant dueAt, Instant now, String event) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Long contact : contactIds) {
            rows.add(new Object[] {"contact", contact, "sequence", sequence, "mailbox", mailbox, "due", dueAt,
                "now", now});
        }
        List<Long> created = tx.batchInsert("INSERT INTO enrollment (contact_id, sequence_name, mailbox, status, "
                + "next_step, next_due_at, enrolled_at, updated_at, active_sequence, version) "
                + "VALUES (:contact, :sequence, :mailbox, 'ACTIVE', 1, :due, :now, :now, :sequence, 0)", rows);
        Map<Long, Long> ids = new HashMap<>();
        List<Object[]> events = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            ids.put(contactIds.get(i), created.get(i));
            events.add(new Object[] {"id", created.get(i), "at", now, "kind", "enrolled", "detail",
                truncate(event, 2000)});
        }
        tx.batch("INSERT INTO enrollment_event (enrollment_id, at, kind, detail) VALUES (:id, :at, :kind, :detail)",
                events);
        return ids;
    }

    /** The live enrollments in {@code sequence} of any of the contacts, by contact id: one query for a batch. */
    public Map<Long, Enrollment> liveIn(Tx tx, String sequence, Collection<Long> contactIds) throws SQLException {
        Map<Long, Enrollment> live = new HashMap<>();
        for (List<Long> slice : Tx.slices(contactIds, 100)) {
            tx.query(SELECT + "WHERE e.active_sequence = :sequence AND e.contact_id IN (:contacts)",
                    rs -> live.put(rs.getLong("contact_id"), map(rs)), "sequence", sequence, "contacts", slice);
        }
        return live;
    }

    public Optional<Enrollment> find(Tx tx, long id) throws SQLException {
        return tx.queryOne(SELECT + "WHERE e.id = :id", EnrollmentRepository::map, "id", id);
    }

    public Optional<Enrollment> findLive(Tx tx, long contactId, String sequence) throws SQLException {
        return tx.queryOne(SELECT + "WHERE e.contact_id = :contact AND e.active_sequence = :sequence",
                EnrollmentRepository::map, "contact", contactId, "sequence", sequence);
    }

    public List<Enrollment> forContact(Tx tx, long contactId) throws SQLException {
        return tx.query(SELECT + "WHERE e.contact_id = :contact ORDER BY e.id",
                EnrollmentRepository::map, "contact", contactId);
    }

    public List<Enrollment> all(Tx tx) throws SQLException {
        return tx.query(SELECT + "ORDER BY e.id", EnrollmentRepository::map);
    }

    /** Live enrollments of {@code mailbox} whose contact has this address. */
    public List<Enrollment> liveByAddress(Tx tx, String mailbox, String email) throws SQLException {
        return tx.query(SELECT + "WHERE e.mailbox = :mailbox AND c.email = :email "
                        + "AND e.status IN ('ACTIVE', 'HELD') ORDER BY e.id",
                EnrollmentRepository::map, "mailbox", mailbox, "email", ContactRepository.normalise(email));
    }

    /** Live enrollments of {@code mailbox} whose contact's address is at {@code domain}. */
    public List<Enrollment> liveByDomain(Tx tx, String mailbox, String domain) throws SQLException {
        return tx.query(SELECT + "WHERE e.mailbox = :mailbox AND c.email LIKE :pattern ESCAPE '\\' "
                        + "AND e.status IN ('ACTIVE', 'HELD') ORDER BY e.id",
                EnrollmentRepository::map, "mailbox", mailbox,
                "pattern", "%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
    }

    /** Counts one more soft bounce and returns how many the enrollment has had. */
    public int addSoftBounce(Tx tx, long id) throws SQLException {
        tx.update("UPDATE enrollment SET soft_bounces = soft_bounces + 1 WHERE id = :id", "id", id);
        return tx.queryOne("SELECT soft_bounces FROM enrollment WHERE id = :id", rs -> rs.getInt(1), "id", id)
                .orElse(0);
    }

    /**
     * Due work of one mailbox: follow-ups before first messages (a thread under
     * way matters more than a new one), then the longest overdue first. Each
     * rank is read in the order of its index and cut at {@code limit}, so the
     * cost does not grow with how many are due (see V005). The ORDER BY names
     * every column of the index, fixed ones too: H2 reads an index in order
     * only for an ORDER BY that starts with its first column.
     */
    public List<Enrollment> due(Tx tx, String mailbox, Instant now, int limit) throws SQLException {
        String rank = SELECT + "WHERE e.mailbox = :mailbox AND e.status = 'ACTIVE' AND e.due_rank = %d "
                + "AND e.next_due_at <= :now ORDER BY e.mailbox, e.status, e.due_rank, e.next_due_at, e.id "
                + "FETCH FIRST " + limit + " ROWS ONLY";
        return tx.query("SELECT * FROM ((" + rank.formatted(0) + ") UNION ALL (" + rank.formatted(1) + ")) d "
                        + "ORDER BY d.due_rank, d.next_due_at, d.id FETCH FIRST " + limit + " ROWS ONLY",
                EnrollmentRepository::map, "mailbox", mailbox, "now", now);
    }

    /** The earliest due time of the mailbox's active enrollments, if any. */
    public Optional<Instant> nextDue(Tx tx, String mailbox) throws SQLException {
        // The first entry of each rank's range of the index enrollment_due_rank, where MIN() would read them all.
        String rank = "SELECT next_due_at AS due FROM enrollment WHERE mailbox = :mailbox AND status = 'ACTIVE' "
                + "AND due_rank = %d AND next_due_at IS NOT NULL "
                + "ORDER BY mailbox, status, due_rank, next_due_at FETCH FIRST 1 ROWS ONLY";
        return tx.query("SELECT due FROM ((" + rank.formatted(0) + ") UNION ALL (" + rank.formatted(1) + ")) d "
                        + "ORDER BY due FETCH FIRST 1 ROWS ONLY",
                rs -> Tx.instant(rs, "due"), "mailbox", mailbox).stream().findFirst();
    }

    /**
     * Claims step {@code step} of an enrollment for sending: succeeds for
     * exactly one caller while the row is unchanged since it was read.
     */
    public boolean claim(Tx tx, Enrollment e, Instant now) throws SQLException {
        return tx.update("UPDATE enrollment SET version = version + 1, updated_at = :now "
                        + "WHERE id = :id AND status = 'ACTIVE' AND next_step = :step AND version = :version",
                "now", now, "id", e.id(), "step", e.nextStep(), "version", e.version()) == 1;
    }

    /** Records that a step went out and what comes next. */
    public void advance(Tx tx, long id, int nextStep, Instant nextDueAt, String threadMessageId,
                        String threadSubject, Instant now) throws SQLException {
        int rank = nextStep > 1 ? 0 : 1;
        int rows = tx.update("UPDATE enrollment SET next_step = :step, due_rank = :rank, next_due_at = :due, "
                        + "thread_message_id = COALESCE(thread_message_id, :thread), "
                        + "thread_subject = COALESCE(thread_subject, :subject), "
                        + "version = version + 1, updated_at = :now WHERE id = :id AND status = 'ACTIVE'",
                "step", nextStep, "rank", rank, "due", nextDueAt, "thread", threadMessageId,
                "subject", threadSubject, "now", now, "id", id);
        if (rows == 0) {
            // A reply or a stop landed while the step was on the wire: keep that status,
            // but still remember the thread so later replies match.
            tx.update("UPDATE enrollment SET thread_message_id = COALESCE(thread_message_id, :thread), "
                            + "thread_subject = COALESCE(thread_subject, :subject), next_step = :step, "
                            + "due_rank = :rank WHERE id = :id",
                    "thread", threadMessageId, "subject", threadSubject, "step", nextStep, "rank", rank, "id", id);
        }
    }

    /** Puts off the next step of an active enrollment (a retry after a temporary failure). */
    public void postpone(Tx tx, long id, Instant dueAt, Instant now) throws SQLException {
        tx.update("UPDATE enrollment SET next_due_at = :due, version = version + 1, updated_at = :now "
                + "WHERE id = :id AND status = 'ACTIVE'", "due", dueAt, "now", now, "id", id);
    }

    /** Moves the enrollment to {@code next} if its current status allows it; false if not. */
    public boolean move(Tx tx, long id, EnrollmentStatus next, String reason, Instant dueAt, Instant now)
            throws SQLException {
        StringBuilder from = new StringBuilder();
        for (EnrollmentStatus s : EnrollmentStatus.movableTo(next)) {
            from.append(from.isEmpty() ? "'" : ", '").append(s.name()).append('\'');
        }
        return tx.update("UPDATE enrollment SET status = :status, status_reason = :reason, "
                        + "next_due_at = :due, version = version + 1, updated_at = :now, "
                        + "active_sequence = CASE WHEN :live THEN sequence_name ELSE NULL END "
                        + "WHERE id = :id AND status IN (" + from + ")",
                "status", next, "reason", truncate(reason, 2000), "due", next.live() ? dueAt : null, "now", now,
                "live", next.live(), "id", id) == 1;
    }

    public void event(Tx tx, long enrollmentId, Instant at, String kind, String detail) throws SQLException {
        tx.update("INSERT INTO enrollment_event (enrollment_id, at, kind, detail) "
                        + "VALUES (:id, :at, :kind, :detail)",
                "id", enrollmentId, "at", at, "kind", kind, "detail", truncate(detail, 2000));
    }

    public List<TimelineEntry> events(Tx tx, long enrollmentId) throws SQLException {
        return tx.query("SELECT enrollment_id, at, kind, detail FROM enrollment_event "
                        + "WHERE enrollment_id = :id ORDER BY at, id",
                rs -> new TimelineEntry(rs.getLong("enrollment_id"), Tx.instant(rs, "at"),
                        rs.getString("kind"), rs.getString("detail")),
                "id", enrollmentId);
    }

    private static Enrollment map(ResultSet rs) throws SQLException {
        return new Enrollment(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("contact_email"),
                rs.getString("sequence_name"), rs.getString("mailbox"),
                EnrollmentStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getInt("next_step"), Tx.instant(rs, "next_due_at"), Tx.instant(rs, "enrolled_at"),
                Tx.instant(rs, "updated_at"), rs.getString("thread_message_id"),
                rs.getString("thread_subject"), rs.getLong("version"));
    }

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
