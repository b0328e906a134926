package dev.nudge.mail.inbound;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** How far each watched folder has been read: its UIDVALIDITY and the last UID seen. */
public final class CursorRepository {

    public record Cursor(long uidValidity, long lastUid) {
        static final Cursor NEW = new Cursor(0, 0);
    }

    public Cursor find(Tx tx, String mailbox, String folder) throws SQLException {
        Optional<Cursor> c = tx.queryOne("SELECT uid_validity, last_uid FROM mailbox_cursor "
                        + "WHERE mailbox = :mailbox AND folder = :folder",
                rs -> new Cursor(rs.getLong("uid_validity"), rs.getLong("last_uid")),
                "mailbox", mailbox, "folder", folder);
        return c.orElse(Cursor.NEW);
    }

    public void save(Tx tx, String mailbox, String folder, Cursor cursor, Instant now) throws SQLException {
        int rows = tx.update("UPDATE mailbox_cursor SET uid_validity = :validity, last_uid = :uid, synced_at = :now "
                        + "WHERE mailbox = :mailbox AND folder = :folder",
                "validity", cursor.uidValidity(), "uid", cursor.lastUid(), "now", now,
                "mailbox", mailbox, "folder", folder);
        if (rows == 0) {
            tx.update("INSERT INTO mailbox_cursor (mailbox, folder, uid_validity, last_uid, synced_at) "
                            + "VALUES (:mailbox, :folder, :validity, :uid, :now)",
                    "mailbox", mailbox, "folder", folder, "validity", cursor.uidValidity(),
                    "uid", cursor.lastUid(), "now", now);
        }
    }
}
