package dev.nudge.mail.inbound;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** When each mailbox's inbox was last read in full, which the reply-safety gate checks. */
public final class SyncStatusRepository {

    public record SyncStatus(String mailbox, Instant lastSuccessAt, Instant lastAttemptAt, String lastError) {
    }

    public Optional<SyncStatus> find(Tx tx, String mailbox) throws SQLException {
        return tx.queryOne("SELECT * FROM mailbox_sync WHERE mailbox = :mailbox",
                rs -> new SyncStatus(rs.getString("mailbox"), Tx.instant(rs, "last_success_at"),
                        Tx.instant(rs, "last_attempt_at"), rs.getString("last_error")),
                "mailbox", mailbox);
    }

    public void record(Tx tx, String mailbox, Instant at, String error) throws SQLException {
        Instant success = error == null ? at : null;
        int rows = tx.update("UPDATE mailbox_sync SET last_attempt_at = :at, last_error = :error, "
                        + "last_success_at = COALESCE(:success, last_success_at) WHERE mailbox = :mailbox",
                "at", at, "error", error, "success", success, "mailbox", mailbox);
        if (rows == 0) {
            tx.update("INSERT INTO mailbox_sync (mailbox, last_success_at, last_attempt_at, last_error) "
                    + "VALUES (:mailbox, :success, :at, :error)",
                    "mailbox", mailbox, "success", success, "at", at, "error", error);
        }
    }
}
