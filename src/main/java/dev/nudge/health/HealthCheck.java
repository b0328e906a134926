package dev.nudge.health;

import dev.nudge.mail.outbound.MailboxPauses;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Says whether Nudge can do its work: the database answers a trivial query within
 * {@value #DATABASE_TIMEOUT_SECONDS} seconds, and each mailbox may send. A mailbox
 * is DOWN while its sends are held: its inbox was not read within
 * {@code max-inbox-age} (a reply could be unseen), or the server refused the login
 * or a quota and the dispatcher paused it.
 */
public final class HealthCheck {

    static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final StatusReader status;
    private final MailboxPauses pauses;

    public HealthCheck(DataSource dataSource, StatusReader status, MailboxPauses pauses) {
        this.dataSource = dataSource;
        this.status = status;
        this.pauses = pauses;
    }

    public Health check() {
        String dbError = ping();
        if (dbError != null) {
            return new Health(Health.DOWN, new Health.Database(Health.DOWN, dbError), Map.of());
        }
        StatusReader.Status s;
        try {
            s = status.current();
        } catch (RuntimeException e) {
            return new Health(Health.DOWN, new Health.Database(Health.DOWN, e.getMessage()), Map.of());
        }
        Map<String, Health.Mailbox> mailboxes = new LinkedHashMap<>();
        for (String name : status.mailboxes()) {
            mailboxes.put(name, mailbox(name, s));
        }
        boolean allUp = mailboxes.values().stream().allMatch(m -> Health.UP.equals(m.status()));
        return new Health(allUp ? Health.UP : Health.DOWN, new Health.Database(Health.UP, null), mailboxes);
    }

    private Health.Mailbox mailbox(String name, StatusReader.Status s) {
        double age = s.inboxSyncAgeSeconds(name);
        Long ageSeconds = Double.isNaN(age) ? null : (long) age;
        String reason = s.sendHolds().get(name);
        if (reason == null) {
            reason = pauses.current(name).map(p -> "sends from mailbox " + name + " are paused until " + p.until()
                    + " because the server refused them: " + p.reason()).orElse(null);
        }
        return new Health.Mailbox(reason == null ? Health.UP : Health.DOWN, ageSeconds, reason != null, reason);
    }

    /** Null when the database answered, else what went wrong. */
    private String ping() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(DATABASE_TIMEOUT_SECONDS);
            st.execute("SELECT 1");
            c.rollback();
            return null;
        } catch (SQLException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
