package dev.nudge.health;

import dev.nudge.mail.outbound.Dispatcher;
import dev.nudge.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the state the gauges and the health check show, at most once per
 * {@code maxAge}: a burst of scrapes, each reading every gauge, costs the
 * database one round of queries.
 */
public final class StatusReader {

    /**
     * One reading.
     *
     * @param lastInboxSyncs per mailbox, when its inbox was last read in full; missing if never
     * @param sendHolds      per mailbox whose sends the reply-safety gate holds, why
     */
    public record Status(Instant at, Map<String, Long> dueNow, Map<String, Long> byStatus,
                         Map<String, Long> heldByReason, Map<String, Instant> lastInboxSyncs,
                         Map<String, String> sendHolds) {

        /** Seconds since the mailbox's inbox was last read in full, or NaN if it never was. */
        public double inboxSyncAgeSeconds(String mailbox) {
            Instant last = lastInboxSyncs.get(mailbox);
            return last == null ? Double.NaN : Duration.between(last, at).toMillis() / 1000.0;
        }
    }

    private final Database db;
    private final Dispatcher dispatcher;
    private final List<String> mailboxes;
    private final Clock clock;
    private final Duration maxAge;
    private final StatusRepository repository = new StatusRepository();
    private Status cached;

    public StatusReader(Database db, Dispatcher dispatcher, List<String> mailboxes, Clock clock, Duration maxAge) {
        this.db = db;
        this.dispatcher = dispatcher;
        this.mailboxes = List.copyOf(mailboxes);
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public List<String> mailboxes() {
        return mailboxes;
    }

    /** The last reading if it is younger than {@code maxAge}, else a new one. */
    public synchronized Status current() {
        Instant now = clock.instant();
        if (cached == null || now.isBefore(cached.at()) || !now.isBefore(cached.at().plus(maxAge))) {
            cached = read(now);
        }
        return cached;
    }

    private Status read(Instant now) {
        Status fromDb = db.inTransaction(tx -> new Status(now, repository.dueNow(tx, now), repository.byStatus(tx),
                repository.heldByReason(tx), repository.lastInboxSyncs(tx), Map.of()));
        Map<String, String> holds = new LinkedHashMap<>();
        for (String mailbox : mailboxes) {
            dispatcher.holdReason(mailbox).ifPresent(reason -> holds.put(mailbox, reason));
        }
        return new Status(now, fromDb.dueNow(), fromDb.byStatus(), fromDb.heldByReason(), fromDb.lastInboxSyncs(),
                holds);
    }
}
