package dev.nudge.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.DatabaseConfig;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private Database open() {
        return Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "nudge", null));
    }

    @Test
    void h2_file_urls_get_durable_commits_and_the_loopback_auto_server() {
        assertThat(Database.jdbcUrl("jdbc:h2:file:./data/nudge"))
                .isEqualTo("jdbc:h2:async:./data/nudge;WRITE_DELAY=0;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64");
        assertThat(Database.jdbcUrl("jdbc:h2:file:./x;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:async:./x;AUTO_SERVER=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(Database.jdbcUrl("jdbc:postgresql://db/nudge")).isEqualTo("jdbc:postgresql://db/nudge");
    }

    @Test
    void an_interrupted_thread_does_not_break_the_database() throws Exception {
        try (Database db = open()) {
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    db.run(tx -> tx.insert("INSERT INTO contact (email, created_at, updated_at) VALUES (:e, :t, :t)",
                            "e", "interrupted-" + n + "@x.test", "t", Instant.EPOCH));
                }
            });
            writer.start();
            writer.join();
            long id = db.inTransaction(tx -> tx.insert(
                    "INSERT INTO contact (email, created_at, updated_at) VALUES (:e, :t, :t)",
                    "e", "after@x.test", "t", Instant.EPOCH));
            assertThat(id).isPositive();
            java.util.List<String> emails = db.inTransaction(
                    tx -> tx.query("SELECT email FROM contact", rs -> rs.getString(1)));
            assertThat(emails).hasSize(21);
        }
    }

    @Test
    void named_parameters_bind_by_name_including_repeats_and_nulls() {
        try (Database db = open()) {
            db.run(tx -> tx.insert("INSERT INTO contact (email, first_name, created_at, updated_at) "
                    + "VALUES (:email, :first, :at, :at)", "email", "a@x.test", "first", null, "at", Instant.EPOCH));
            var rows = db.inTransaction(tx -> tx.query(
                    "SELECT email FROM contact WHERE first_name IS NULL AND created_at = :at AND updated_at = :at",
                    rs -> rs.getString("email"), "at", Instant.EPOCH));
            assertThat(rows).containsExactly("a@x.test");
        }
    }
}
