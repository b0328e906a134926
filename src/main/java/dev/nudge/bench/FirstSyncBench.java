package dev.nudge.bench;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.SmtpMailer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The first sync of a mailbox that already holds {@code size} messages: Nudge
 * connected to it for the first time reads and records every one of them, and
 * holds the mailbox's follow-ups until it is done. Each run starts from an
 * empty database against the same Dovecot.
 */
final class FirstSyncBench implements AutoCloseable {

    private static final String USER = "history";

    private final DovecotServer dovecot;
    private final int size;

    FirstSyncBench(int size) {
        this.size = size;
        DovecotServer server = new DovecotServer(List.of(USER), true);
        try {
            BenchMessages.fill(server.maildir(USER), DovecotServer.address(USER), 0, size);
            server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        this.dovecot = server;
    }

    /** One first sync from an empty database; messages recorded per second. */
    double run() {
        Path dir = TempDirs.create("nudge-bench-first-sync");
        try {
            List<MailboxConfig> boxes = List.of(dovecot.mailbox(USER, USER));
            Clock clock = Clock.systemUTC();
            try (App app = App.openWith(BenchConfig.write(dir, boxes, Duration.ofMinutes(1)), clock,
                    new App.Parts(new SmtpMailer(clock), new ImapMailbox(Map.of()), boxes))) {
                long started = System.nanoTime();
                int read = app.inboxSync().syncOnce(USER);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (read != size) {
                    throw new NudgeException("The first sync read " + read + " messages, not " + size + "\n"
                            + dovecot.log());
                }
                return read / seconds;
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Override
    public void close() {
        dovecot.close();
    }
}
