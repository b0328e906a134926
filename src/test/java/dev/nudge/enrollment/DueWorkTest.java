package dev.nudge.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.DatabaseConfig;
import dev.nudge.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher's pick of due work, on H2 with the real migrations. */
class DueWorkTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final ContactRepository contacts = new ContactRepository();

    /** An enrollment of mailbox "work" whose next step is {@code step}, due {@code minutes} from NOW. */
    private long enrollment(Database db, String name, int step, int minutes) {
        return db.inTransaction(tx -> {
            long contact = contacts.save(tx, new ContactRepository.NewContact(name + "@x.test", null, null, null,
                    Map.of()), NOW).id();
            long id = enrollments.insert(tx, contact, "follow-up", "work", NOW.plus(Duration.ofMinutes(minutes)), NOW);
            if (step > 1) {
                enrollments.advance(tx, id, step, NOW.plus(Duration.ofMinutes(minutes)), "<t@x>", "Hi", NOW);
            }
            return id;
        });
    }

    @Test
    void follow_ups_come_before_first_messages_then_the_longest_overdue_first_up_to_the_limit() {
        try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "nudge", null))) {
            long firstOld = enrollment(db, "first-old", 1, -60);
            long followUpNew = enrollment(db, "follow-up-new", 2, -1);
            long firstNew = enrollment(db, "first-new", 1, -5);
            long followUpOld = enrollment(db, "follow-up-old", 3, -30);
            enrollment(db, "not-yet", 2, 10);
            enrollment(db, "first-not-yet", 1, 1);

            List<Long> all = db.inTransaction(tx -> enrollments.due(tx, "work", NOW, 10)).stream()
                    .map(Enrollment::id).toList();
            List<Long> three = db.inTransaction(tx -> enrollments.due(tx, "work", NOW, 3)).stream()
                    .map(Enrollment::id).toList();
            List<Enrollment> otherMailbox = db.inTransaction(tx -> enrollments.due(tx, "other", NOW, 10));

            assertThat(all).containsExactly(followUpOld, followUpNew, firstOld, firstNew);
            assertThat(three).containsExactly(followUpOld, followUpNew, firstOld);
            assertThat(otherMailbox).isEmpty();
            Optional<Instant> next = db.inTransaction(tx -> enrollments.nextDue(tx, "work"));
            Optional<Instant> none = db.inTransaction(tx -> enrollments.nextDue(tx, "other"));
            assertThat(next).contains(NOW.minus(Duration.ofMinutes(60)));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void the_next_due_time_is_the_earliest_of_follow_ups_and_first_messages_alike() {
        try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "nudge", null))) {
            enrollment(db, "follow-up-later", 2, 10);
            enrollment(db, "first-later", 1, 7);
            Optional<Instant> firstWins = db.inTransaction(tx -> enrollments.nextDue(tx, "work"));
            enrollment(db, "follow-up-soon", 3, 2);
            Optional<Instant> followUpWins = db.inTransaction(tx -> enrollments.nextDue(tx, "work"));

            assertThat(firstWins).contains(NOW.plus(Duration.ofMinutes(7)));
            assertThat(followUpWins).contains(NOW.plus(Duration.ofMinutes(2)));
        }
    }
}
