package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.DatabaseConfig;
import dev.nudge.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of inbound mail on an H2 file with the real migrations. */
class InboundRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private final InboundRepository inbound = new InboundRepository();

    @BeforeEach
    void open() {
        db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "nudge", null));
        db.run(tx -> {
            inbound.insert(tx, recorded("work", "INBOX", 7, "<a@mail.test>"), 100);
            inbound.insert(tx, recorded("work", "INBOX", 8, null), 100);
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_message_is_seen_by_its_place_or_by_its_message_id_and_not_otherwise() {
        db.run(tx -> {
            assertThat(inbound.seen(tx, "work", "INBOX", 100, 7, null)).as("same place").isTrue();
            assertThat(inbound.seen(tx, "work", "INBOX", 100, 8, "<new@mail.test>")).as("same place").isTrue();
            assertThat(inbound.seen(tx, "work", "Junk", 200, 1, "<a@mail.test>")).as("same Message-ID").isTrue();
            assertThat(inbound.seen(tx, "work", "INBOX", 101, 7, "<b@mail.test>")).as("new UIDVALIDITY").isFalse();
            assertThat(inbound.seen(tx, "work", "INBOX", 100, 9, null)).as("no Message-ID, new UID").isFalse();
            assertThat(inbound.seen(tx, "other", "INBOX", 100, 7, "<a@mail.test>")).as("other mailbox").isFalse();
        });
    }

    @Test
    void each_lookup_of_seen_reads_an_index_range_not_the_whole_mailbox() {
        // Written with OR, H2 planned one scan of the mailbox's rows: a sync grew with the inbox.
        String plan = db.inTransaction(tx -> tx.queryOne("EXPLAIN " + InboundRepository.SEEN.replaceAll(":\\w+", "?")
                        .replaceFirst("\\?", "'work'").replaceFirst("\\?", "'INBOX'").replaceFirst("\\?", "100")
                        .replaceFirst("\\?", "7").replaceFirst("\\?", "'work'").replaceFirst("\\?", "'<a@mail.test>'"),
                rs -> rs.getString(1)).orElseThrow());

        assertThat(plan).containsIgnoringCase("UNION ALL");
        String[] parts = plan.split("(?i)UNION ALL");
        assertThat(parts[0]).contains("UID = ").contains("FOLDER = ").contains("UID_VALIDITY = ");
        assertThat(parts[0]).containsPattern("/\\* PUBLIC\\.INBOUND_UID_UNIQUE[^*]*UID = ");
        assertThat(parts[1]).containsPattern("/\\* PUBLIC\\.INBOUND_MESSAGE_ID: MAILBOX = 'work'\\s+AND MESSAGE_ID = ");
    }

    private static InboundRepository.Recorded recorded(String mailbox, String folder, long uid, String messageId) {
        return new InboundRepository.Recorded(mailbox, folder, uid, messageId, "ada@prospect.test", "Re: hello",
                "human_reply", "test", null, "recorded", InboundRepository.Details.NONE, NOW);
    }
}
