package dev.nudge.store;

import dev.nudge.config.DatabaseConfig;

/**
 * Run in a child JVM by {@link KillDurabilityTest}: inserts rows one commit at a
 * time and prints each id only after its commit returned.
 */
public final class DurabilityChild {

    public static void main(String[] args) {
        String url = args[0];
        String round = args[1];
        try (Database db = Database.open(new DatabaseConfig(url, "nudge", null))) {
            System.out.println("READY");
            System.out.flush();
            for (long i = 0; ; i++) {
                long n = i;
                long id = db.inTransaction(tx -> tx.insert(
                        "INSERT INTO contact (email, created_at, updated_at) VALUES (:email, :at, :at)",
                        "email", "r" + round + "-" + n + "@durability.test", "at", java.time.Instant.EPOCH));
                System.out.println("COMMITTED r" + round + "-" + n + "@durability.test " + id);
                System.out.flush();
            }
        }
    }
}
