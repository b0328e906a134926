package dev.nudge.store;

import dev.nudge.config.DatabaseConfig;

/**
 * Run in a child JVM by {@link KillDurabilityTest}: inserts rows, a given number
 * per commit (each with two kilobytes of text beside it when more than one,
 * like a group of claimed steps), and prints each row only after its commit returned.
 */
public final class DurabilityChild {

    public static void main(String[] args) {
        String url = args[0];
        String round = args[1];
        int perCommit = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String text = "x".repeat(1_900);
        try (Database db = Database.open(new DatabaseConfig(url, "nudge", null))) {
            System.out.println("READY");
            System.out.flush();
            for (long i = 0; ; i += perCommit) {
                long first = i;
                db.run(tx -> {
                    for (long n = first; n < first + perCommit; n++) {
                        long id = tx.insert(
                                "INSERT INTO contact (email, created_at, updated_at) VALUES (:email, :at, :at)",
                                "email", "r" + round + "-" + n + "@durability.test", "at", java.time.Instant.EPOCH);
                        if (perCommit > 1) {
                            tx.update("INSERT INTO contact_field (contact_id, name, field_value) "
                                    + "VALUES (:id, 'note', :text)", "id", id, "text", text);
                        }
                    }
                });
                for (long n = first; n < first + perCommit; n++) {
                    System.out.println("COMMITTED r" + round + "-" + n + "@durability.test");
                }
                System.out.flush();
            }
        }
    }
}
