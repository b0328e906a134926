package dev.nudge.mail.inbound;

import dev.nudge.config.MailboxConfig;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches INBOX of one mailbox with IMAP IDLE (RFC 2177) and calls
 * {@code onNewMail}, from its own thread, whenever the server announces new
 * messages. It never reads a message or changes a flag (INBOX is opened
 * read-only; the inbox sync does the reading). A server without IDLE is
 * logged once and left to the polling.
 *
 * <p>One daemon thread per mailbox blocks in {@link IMAPFolder#idle(boolean)}.
 * A scheduled thread ends that IDLE by sending NOOP through
 * {@link IMAPFolder#doCommand}, since Angus Mail finishes a running IDLE (DONE)
 * before any other command on the folder: every {@code reissueEvery} (servers
 * may log out a client idle for 30 minutes, NAT boxes forget sooner, and a
 * dead connection only shows when something is sent) and as soon as Angus
 * reports added messages. Not {@code IdleManager}: it needs
 * {@code mail.imap.usesocketchannels=true}, must be re-armed after every event
 * and reports a dead connection only as a closed folder. A thread per mailbox
 * is cheap for the few mailboxes one Nudge serves, and every failure surfaces
 * as an exception in one loop that reconnects with backoff.
 */
public final class InboxWatcher implements AutoCloseable {

    /** Well inside the 29 minutes RFC 2177 allows, as servers may log out a client idle for 30. */
    public static final Duration DEFAULT_REISSUE = Duration.ofMinutes(9);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration UNSET_TIMEOUT = Duration.ofSeconds(60);

    private final MailboxConfig mailbox;
    private final Runnable onNewMail;
    private final Duration reissueEvery;
    private final Duration maxBackoff;
    private final ScheduledExecutorService breaker;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean arrived = new AtomicBoolean();
    private final AtomicLong idleCommands = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean idling;
    private volatile IMAPFolder inbox;
    private Thread thread;
    // Touched by the watching thread only.
    private Duration backoff;
    private boolean failing;

    /**
     * @param onNewMail    called after new messages were announced, and once after every
     *                     (re)connect, since mail may have arrived while nobody watched
     * @param reissueEvery how long one IDLE may last before it is ended and sent again
     * @param maxBackoff   the longest wait between reconnect attempts (they start at 1 s and double)
     */
    public InboxWatcher(MailboxConfig mailbox, Runnable onNewMail, Duration reissueEvery, Duration maxBackoff) {
        this.mailbox = mailbox;
        this.onNewMail = onNewMail;
        this.reissueEvery = reissueEvery;
        this.maxBackoff = maxBackoff;
        this.backoff = atMost(FIRST_BACKOFF, maxBackoff);
        this.breaker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, threadName() + "-reissue"));
    }

    /** Starts watching in the background; returns at once. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("Inbox watcher already started or closed (mailbox: " + mailbox.name() + ")");
        }
        long every = Math.max(1, reissueEvery.toMillis());
        breaker.scheduleWithFixedDelay(this::breakIdle, every, every, TimeUnit.MILLISECONDS);
        thread = daemon(this::watch, threadName());
        thread.start();
    }

    /** True while an IDLE command is outstanding, or about to be sent. */
    public boolean idling() {
        return idling;
    }

    /** How many IDLE commands were sent so far; each re-issue sends one more. */
    long idleCommands() {
        return idleCommands.get();
    }

    private void watch() {
        try {
            boolean again = true;
            while (again && !closed) {
                again = watchOnceOrWait();
            }
        } finally {
            breaker.shutdownNow();
        }
    }

    // False when watching ends: closed, or the server has no IDLE.
    private boolean watchOnceOrWait() {
        try {
            return watchOnce();
        } catch (MessagingException | RuntimeException e) {
            if (closed) {
                return false;
            }
            reportFailure(e);
            boolean stopped = waitForStop(backoff);
            backoff = atMost(backoff.multipliedBy(2), maxBackoff);
            return !stopped;
        }
    }

    // One login, idling until closed or the connection fails; false when the server has no IDLE.
    private boolean watchOnce() throws MessagingException {
        Store store = ImapMailbox.openStore(mailbox);
        try {
            if (!((IMAPStore) store).hasCapability("IDLE")) {
                log.info("IMAP server offers no IDLE, inbox checked by polling only mailbox={} host={}",
                        mailbox.name(), mailbox.imap().host());
                return false;
            }
            IMAPFolder folder = openInbox(store);
            try {
                connected();
                idleUntilClosed(folder);
            } finally {
                inbox = null;
                ImapMailbox.closeQuietly(folder, mailbox);
            }
            return true;
        } finally {
            ImapMailbox.closeQuietly(store, mailbox);
        }
    }

    private IMAPFolder openInbox(Store store) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                // Angus delivers this on its event thread; the watching thread makes the call.
                arrived.set(true);
                breakIdleSoon();
            }
        });
        folder.open(Folder.READ_ONLY);
        inbox = folder;
        return folder;
    }

    private void connected() {
        backoff = atMost(FIRST_BACKOFF, maxBackoff);
        log.info("IMAP IDLE watching mailbox={} folder=INBOX{}", mailbox.name(), failing ? " (reconnected)" : "");
        failing = false;
        arrived.set(false);
        newMail();
    }

    private void idleUntilClosed(IMAPFolder folder) throws MessagingException {
        while (!closed) {
            idling = true;
            idleCommands.incrementAndGet();
            try {
                // Servers announce at the start of an IDLE what arrived since the last command,
                // so nothing that lands between two IDLEs is missed.
                folder.idle(false);
            } finally {
                idling = false;
            }
            if (arrived.getAndSet(false)) {
                newMail();
            }
        }
    }

    private void newMail() {
        if (closed) {
            return;
        }
        try {
            onNewMail.run();
        } catch (RuntimeException e) {
            log.warn("new-mail callback failed mailbox={} reason=\"{}\"", mailbox.name(), e.getMessage(), e);
        }
    }

    private void breakIdleSoon() {
        try {
            breaker.execute(this::breakIdle);
        } catch (RejectedExecutionException e) {
            log.trace("closing: the IDLE ends with the folder mailbox={}", mailbox.name());
        }
    }

    private void breakIdle() {
        IMAPFolder folder = inbox;
        if (folder == null) {
            return;
        }
        try {
            folder.doCommand(p -> {
                p.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // The watching thread sees the same failure and reconnects.
            log.debug("IDLE break failed mailbox={} reason=\"{}\"", mailbox.name(), e.getMessage());
        }
    }

    private void reportFailure(Exception e) {
        if (!failing) {
            log.warn("IMAP IDLE watch failed mailbox={} reason=\"{}\"; retrying from {} s, polling continues",
                    mailbox.name(), e.getMessage(), backoff.toSeconds());
            failing = true;
        } else {
            log.debug("IMAP IDLE reconnect failed mailbox={} reason=\"{}\"", mailbox.name(), e.getMessage());
        }
    }

    private boolean waitForStop(Duration delay) {
        try {
            return stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Stops watching: ends the IDLE by closing INBOX (Angus sends DONE first,
     * and a closed folder cannot start another IDLE), then waits for both
     * threads. Against a server that stopped answering this can take up to the
     * configured read timeout.
     */
    @Override
    public void close() {
        Thread watching;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            watching = thread;
        }
        stop.countDown();
        breaker.shutdownNow();
        IMAPFolder folder = inbox;
        if (folder != null) {
            ImapMailbox.closeQuietly(folder, mailbox);
        }
        Duration bound = orDefault(mailbox.imap().connectTimeout()).plus(orDefault(mailbox.imap().readTimeout()));
        try {
            breaker.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (watching != null) {
                watching.join(bound.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watching != null && watching.isAlive()) {
            log.warn("IMAP IDLE watcher still stopping mailbox={} after {} s", mailbox.name(), bound.toSeconds());
        }
    }

    private static Duration atMost(Duration value, Duration cap) {
        return value.compareTo(cap) > 0 ? cap : value;
    }

    private String threadName() {
        return "nudge-idle-" + mailbox.name();
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static Duration orDefault(Duration timeout) {
        return timeout == null || timeout.isZero() || timeout.isNegative() ? UNSET_TIMEOUT : timeout;
    }
}
