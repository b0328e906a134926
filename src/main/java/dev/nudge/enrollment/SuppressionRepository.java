package dev.nudge.enrollment;

import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suppression list: checked before enrolling and again before every send. */
public final class SuppressionRepository {

    private static final int IN_SLICE = 100;

    public Optional<Suppression> find(Tx tx, String address) throws SQLException {
        return tx.queryOne("SELECT * FROM suppression WHERE address = :address",
                rs -> new Suppression(rs.getString("address"), Suppression.Reason.valueOf(rs.getString("reason")),
                        rs.getString("detail"), Tx.instant(rs, "created_at")),
                "address", ContactRepository.normalise(address));
    }

    /** The suppressed ones among {@code addresses} (normalised), by address: one query for a whole batch. */
    public Map<String, Suppression> findAll(Tx tx, Collection<String> addresses) throws SQLException {
        Map<String, Suppression> found = new HashMap<>();
        for (List<String> slice : Tx.slices(addresses, IN_SLICE)) {
            tx.query("SELECT * FROM suppression WHERE address IN (:addresses)",
                    rs -> found.put(rs.getString("address"), new Suppression(rs.getString("address"),
                            Suppression.Reason.valueOf(rs.getString("reason")), rs.getString("detail"),
                            Tx.instant(rs, "created_at"))),
                    "addresses", slice);
        }
        return found;
    }

    /** Adds the address unless it is already suppressed (the first reason stays). */
    public void add(Tx tx, String address, Suppression.Reason reason, String detail, Instant now)
            throws SQLException {
        if (find(tx, address).isEmpty()) {
            tx.update("INSERT INTO suppression (address, reason, detail, created_at) "
                            + "VALUES (:address, :reason, :detail, :now)",
                    "address", ContactRepository.normalise(address), "reason", reason,
                    "detail", EnrollmentRepository.truncate(detail, 1000), "now", now);
        }
    }
}
