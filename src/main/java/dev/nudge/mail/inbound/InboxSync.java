package dev.nudge.mail.inbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Mailboxes;
import dev.nudge.observe.Metrics;
import dev.nudge.store.Database;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what is new in a mailbox's watched folders, by UID above the stored
 * cursor, and hands each message to the reply handler. It only reads: flags and
 * folders on the server are never changed.
 */
public final class InboxSync {

    private static final Logger log = LoggerFactory.getLogger(InboxSync.class);
    private static final int PAGE = 500;
    private static final int MAX_PAGES_PER_RUN = 200;
    /** Larger messages are judged by their headers: replies and bounces are small. */
    private static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final Database db;
    private final Mailbox mailbox;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final ReplyHandler handler;
    private final Metrics metrics;
    private final CursorRepository cursors = new CursorRepository();
    private final InboundRepository inbound = new InboundRepository();
    private final SyncStatusRepository status = new SyncStatusRepository();
    private volatile boolean stopping;

    public InboxSync(Database db, Mailbox mailbox, Mailboxes mailboxes, InboundRules rules, Clock clock) {
        this(db, mailbox, mailboxes, rules, clock, Metrics.inMemory());
    }

    public InboxSync(Database db, Mailbox mailbox, Mailboxes mailboxes, InboundRules rules, Clock clock,
                     Metrics metrics) {
        this.db = db;
        this.mailbox = mailbox;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.metrics = metrics;
        this.handler = new ReplyHandler(mailboxes, rules, metrics);
    }

    /**
     * For shutdown: a running sync ends after the message in hand and is not
     * recorded as a finished read of the inbox; later calls read nothing.
     */
    public void stop() {
        stopping = true;
    }

    /** Syncs every watched folder of the mailbox; returns how many new messages were read. */
    public int syncOnce(String mailboxName) {
        if (stopping) {
            return 0;
        }
        MailboxConfig config = mailboxes.get(mailboxName);
        Instant started = clock.instant();
        int read = 0;
        try (Mailbox.Connection connection = mailbox.connect(config)) {
            for (String folder : config.folders()) {
                read += syncFolder(connection, mailboxName, folder);
            }
        } catch (RuntimeException e) {
            log.warn("inbox sync failed mailbox={} reason=\"{}\"", mailboxName, e.getMessage());
            db.run(tx -> status.record(tx, mailboxName, clock.instant(), e.getMessage()));
            throw e;
        }
        if (stopping) {
            // Cut short: folders or messages may be unread, so the reply-safety gate must not trust it.
            log.info("inbox sync stopped mailbox={} new={} (shutting down)", mailboxName, read);
            return read;
        }
        // The gate trusts the moment the sync started: a reply that arrived later may be unseen.
        db.run(tx -> status.record(tx, mailboxName, started, null));
        return read;
    }

    private int syncFolder(Mailbox.Connection connection, String mailboxName, String folder) {
        int read = 0;
        for (int page = 0; page < MAX_PAGES_PER_RUN && !stopping; page++) {
            CursorRepository.Cursor cursor = db.inTransaction(tx -> cursors.find(tx, mailboxName, folder));
            FolderBatch batch = connection.fetchNew(folder, cursor.uidValidity(), cursor.lastUid(), PAGE);
            boolean reset = batch.uidValidity() != cursor.uidValidity();
            if (reset && cursor.uidValidity() != 0) {
                log.warn("uidvalidity changed mailbox={} folder={} old={} new={}; rereading, duplicates skipped"
                        + " by Message-ID", mailboxName, folder, cursor.uidValidity(), batch.uidValidity());
            }
            for (InboundEmail m : batch.messages()) {
                if (stopping) {
                    // The cursor stays put; what was handled is skipped as seen next time.
                    return read;
                }
                handleOne(connection, mailboxName, folder, batch.uidValidity(), m);
            }
            for (FolderBatch.Unreadable u : batch.unreadable()) {
                recordUnreadable(mailboxName, folder, batch.uidValidity(), u);
            }
            long last = batch.highestUid(reset ? 0 : cursor.lastUid());
            db.run(tx -> cursors.save(tx, mailboxName, folder,
                    new CursorRepository.Cursor(batch.uidValidity(), last), clock.instant()));
            int size = batch.messages().size() + batch.unreadable().size();
            read += size;
            if (size < PAGE) {
                break;
            }
        }
        return read;
    }

    private void handleOne(Mailbox.Connection connection, String mailboxName, String folder, long uidValidity,
                           InboundEmail m) {
        try {
            var glance = db.inTransaction(tx -> handler.glance(tx, mailboxName, folder, uidValidity, m));
            if (glance.isEmpty()) {
                return;
            }
            byte[] raw = glance.get().needsBody()
                    ? connection.fetchRaw(folder, uidValidity, m.uid(), MAX_MESSAGE_BYTES) : null;
            db.run(tx -> handler.handle(tx, mailboxName, folder, uidValidity, m, glance.get(), raw, clock.instant()));
        } catch (RuntimeException e) {
            // One message that breaks the handler must not stop the sync or be read forever.
            log.error("inbound message skipped mailbox={} folder={} uid={} reason=\"{}\"", mailboxName, folder,
                    m.uid(), e.getMessage(), e);
            recordUnreadable(mailboxName, folder, uidValidity,
                    new FolderBatch.Unreadable(m.uid(), "could not be handled: " + e.getMessage()));
        }
    }

    private void recordUnreadable(String mailboxName, String folder, long uidValidity, FolderBatch.Unreadable u) {
        db.run(tx -> {
            if (!inbound.seen(tx, mailboxName, folder, uidValidity, u.uid(), null)) {
                inbound.insert(tx, new InboundRepository.Recorded(mailboxName, folder, u.uid(), null, null, null,
                        "unreadable", u.reason(), null, "skipped", InboundRepository.Details.NONE, clock.instant()),
                        uidValidity);
                metrics.inbound(mailboxName, "unreadable", null);
            }
        });
    }
}
