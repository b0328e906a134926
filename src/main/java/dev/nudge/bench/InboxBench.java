package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.mail.inbound.CursorRepository;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.SmtpMailer;
import dev.nudge.store.Database;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The inbox sync against a real Dovecot holding a small and a large mailbox:
 * their cursors are set at the last message, then each run appends
 * {@link #NEW} messages to each and times one {@code syncOnce} per mailbox,
 * counting the bytes read from the IMAP socket.
 */
final class InboxBench implements AutoCloseable {

    static final int NEW = 10;
    static final String SMALL = "small";
    static final String LARGE = "large";

    /**
     * One timed sync: milliseconds, bytes read from the server, the IMAP commands sent,
     * the milliseconds Dovecot says it spent opening the folder (EXAMINE) and on all
     * the commands together.
     */
    record Sync(double millis, long bytes, List<String> commands, double examineMillis, double dovecotMillis) {

        /** The sync's time less what Dovecot reports for its own work: Nudge's part, and the wire's. */
        double ownMillis() {
            return millis - (Double.isNaN(dovecotMillis) ? 0 : dovecotMillis);
        }
    }

    private final Path dir;
    private final DovecotServer dovecot;
    private final CountingSocketFactory counter = new CountingSocketFactory();
    private final App app;
    private final Map<String, Integer> sizes;
    private int appended;

    InboxBench(int small, int large, DovecotServer.Storage storage, PrintStream out) {
        this.dir = TempDirs.create("nudge-bench-inbox");
        this.sizes = Map.of(SMALL, small, LARGE, large);
        DovecotServer server = null;
        App opened = null;
        try {
            server = new DovecotServer(List.of(SMALL, LARGE), true, storage);
            long started = System.nanoTime();
            for (String user : List.of(SMALL, LARGE)) {
                BenchMessages.fill(server.maildir(user), DovecotServer.address(user), 0, sizes.get(user));
            }
            out.printf(Locale.ROOT, "%-40s %10.1f s%n", "Maildirs written (" + small + " + " + large + ")",
                    (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            server.start();
            out.printf(Locale.ROOT, "%-40s %10.1f s%n", "Dovecot started (" + storage.label + ")",
                    (System.nanoTime() - started) / 1e9);
            List<MailboxConfig> boxes = List.of(server.mailbox(SMALL, SMALL), server.mailbox(LARGE, LARGE));
            Clock clock = Clock.systemUTC();
            NudgeConfig config = BenchConfig.write(dir.resolve("nudge"), boxes, Duration.ofMinutes(1));
            seedCursors(server, config, clock);
            opened = App.openWith(config, clock, new App.Parts(new SmtpMailer(clock),
                    new ImapMailbox(Map.of("mail.imap.socketFactory", counter)), boxes));
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (server != null) {
                server.close();
            }
            TempDirs.delete(dir);
            throw e;
        }
        this.dovecot = server;
        this.app = opened;
    }

    /**
     * Leaves each mailbox as a finished first sync would: its cursor at the
     * last message and a record of every message in the database, so the sync
     * of the new ones checks them against as many records as the mailbox holds.
     * The records are written with one INSERT ... SELECT; the first sync itself
     * (a minute or more for 50,000) is not what this case measures.
     */
    private void seedCursors(DovecotServer server, NudgeConfig config, Clock clock) {
        CursorRepository cursors = new CursorRepository();
        try (Database db = Database.open(config.database())) {
            for (String user : List.of(SMALL, LARGE)) {
                try (Store store = server.login(user)) {
                    IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    long validity = inbox.getUIDValidity();
                    long last = inbox.getUIDNext() - 1;
                    int count = inbox.getMessageCount();
                    inbox.close(false);
                    if (count != sizes.get(user)) {
                        throw new NudgeException("Dovecot shows " + count + " messages in the " + user
                                + " mailbox, not " + sizes.get(user) + "\n" + server.log());
                    }
                    db.run(tx -> {
                        cursors.save(tx, user, "INBOX", new CursorRepository.Cursor(validity, last), clock.instant());
                        tx.update("INSERT INTO inbound_message (mailbox, folder, uid_validity, uid, message_id, "
                                + "from_address, subject, kind, reason, effect, received_at) "
                                + "SELECT :mailbox, 'INBOX', :validity, X, '<bench.' || X || '@company.test>', "
                                + "'someone@company.test', 'Bench message ' || X, 'unrelated', 'bench seed', "
                                + "'none', :now FROM SYSTEM_RANGE(1, :last)",
                                "mailbox", user, "validity", validity, "now", clock.instant(), "last", last);
                    });
                } catch (MessagingException e) {
                    throw new NudgeException("Cannot read the bench mailbox " + user + ": " + e.getMessage()
                            + "\n" + server.log(), e);
                }
            }
        }
    }

    /** Appends {@link #NEW} messages to both mailboxes, as a delivery would; not timed. */
    void deliverNew() {
        for (String user : List.of(SMALL, LARGE)) {
            append(user, appended, NEW);
        }
        appended += NEW;
    }

    /** Times one sync of {@code user}'s mailbox, which must read exactly the {@link #NEW} messages. */
    Sync sync(String user) {
        counter.reset();
        long started = System.nanoTime();
        int read = app.inboxSync().syncOnce(user);
        double millis = (System.nanoTime() - started) / 1e6;
        if (read != NEW) {
            throw new NudgeException("The " + user + " mailbox sync read " + read + " messages, not " + NEW);
        }
        return new Sync(millis, counter.bytesRead(), counter.commands(), counter.serverMillis("Examine"),
                counter.serverMillis("[A-Za-z]+"));
    }

    int size(String user) {
        return sizes.get(user);
    }

    private void append(String user, int first, int count) {
        try (Store store = dovecot.login(user)) {
            Session session = Session.getInstance(new Properties());
            Folder inbox = store.getFolder("INBOX");
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // Numbered after the prefilled ones, so the mix of kinds is the same in both mailboxes.
                byte[] raw = BenchMessages.message(1_000_000 + first + i, DovecotServer.address(user));
                messages.add(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
            inbox.appendMessages(messages.toArray(Message[]::new));
        } catch (MessagingException e) {
            throw new NudgeException("Cannot append the new bench messages for " + user + ": " + e.getMessage()
                    + "\n" + dovecot.log(), e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            dovecot.close();
            TempDirs.delete(dir);
        }
    }
}
