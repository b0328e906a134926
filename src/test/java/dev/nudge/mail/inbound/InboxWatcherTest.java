package dev.nudge.mail.inbound;

import static dev.nudge.mail.inbound.ImapTesting.PASSWORD;
import static dev.nudge.mail.inbound.ImapTesting.awaitTrue;
import static dev.nudge.mail.inbound.ImapTesting.threadAlive;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.config.MailboxConfig;
import jakarta.mail.Flags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxWatcherTest {

    static final Duration PROMPTLY = Duration.ofSeconds(5);

    // GreenMail is started by hand: one test stops it and starts another on the same port.
    GreenMail greenMail = startGreenMail(0);
    final Semaphore calls = new Semaphore(0);
    InboxWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        greenMail.stop();
    }

    @Test
    void new_mail_is_reported_within_seconds_and_stays_unseen() throws Exception {
        startWatching("news", Duration.ofMinutes(9));

        deliver(1);

        assertThat(calls.tryAcquire(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        List<StoredMessage> stored = greenMail.getManagers().getImapHostManager()
                .getInbox(greenMail.getUserManager().getUser("me")).getMessages();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).isSet(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void every_connect_reports_once_for_mail_that_came_while_nobody_watched() throws Exception {
        deliver(1);
        watcher = new InboxWatcher(mailbox("early"), calls::release, Duration.ofMinutes(9), Duration.ofSeconds(1));

        watcher.start();

        assertThat(calls.tryAcquire(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void close_stops_watching_and_leaves_no_thread_behind() throws Exception {
        startWatching("closing", Duration.ofMinutes(9));

        watcher.close();

        assertThat(watcher.idling()).isFalse();
        assertThat(threadAlive("nudge-idle-closing")).isFalse();
        deliver(1);
        assertThat(calls.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void new_mail_is_still_reported_after_several_reissues() throws Exception {
        startWatching("reissue", Duration.ofSeconds(2));

        awaitTrue("three IDLE re-issues", Duration.ofSeconds(15), () -> watcher.idleCommands() >= 4);
        awaitTrue("idling again", PROMPTLY, watcher::idling);
        deliver(1);

        assertThat(calls.tryAcquire(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(calls.availablePermits()).isZero();
    }

    @Test
    void the_watcher_reconnects_when_the_server_comes_back_on_the_same_port() throws Exception {
        startWatching("restart", Duration.ofMinutes(9));
        int port = greenMail.getImap().getPort();

        greenMail.stop();
        awaitTrue("the lost connection is noticed", PROMPTLY, () -> !watcher.idling());
        greenMail = startGreenMail(port);

        assertThat(calls.tryAcquire(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS))
                .as("the reconnect reports once").isTrue();
        awaitTrue("idling on the new server", PROMPTLY, watcher::idling);
        deliver(1);
        assertThat(calls.tryAcquire(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void close_while_waiting_to_reconnect_returns_at_once() throws Exception {
        watcher = new InboxWatcher(mailbox("waiting"), calls::release, Duration.ofMinutes(9), Duration.ofMinutes(5));
        watcher.start();
        awaitTrue("idling", PROMPTLY, watcher::idling);
        greenMail.stop();
        awaitTrue("the lost connection is noticed", PROMPTLY, () -> !watcher.idling());

        long started = System.nanoTime();
        watcher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(threadAlive("nudge-idle-waiting")).isFalse();
    }

    @Test
    void a_server_without_idle_is_not_watched_and_no_thread_stays() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer("IMAP4rev1", List.of())) {
            watcher = new InboxWatcher(ImapTesting.mailbox("no-idle", server.port(), List.of("INBOX")), calls::release,
                    Duration.ofSeconds(1), Duration.ofSeconds(1));

            watcher.start();

            awaitTrue("the watcher gives up", PROMPTLY, () -> !threadAlive("nudge-idle-no-idle"));
            assertThat(calls.availablePermits()).isZero();
            assertThat(server.commands()).anyMatch(c -> c.startsWith("LOGIN"))
                    .noneMatch(c -> c.startsWith("IDLE") || c.startsWith("EXAMINE"));
        }
    }

    // Waits until IDLE runs and forgets the report every connect makes.
    private void startWatching(String name, Duration reissueEvery) throws InterruptedException {
        watcher = new InboxWatcher(mailbox(name), calls::release, reissueEvery, Duration.ofSeconds(1));
        watcher.start();
        awaitTrue("idling", PROMPTLY, watcher::idling);
        assertThat(calls.tryAcquire(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).as("the connect report").isTrue();
        assertThat(calls.availablePermits()).isZero();
    }

    private MailboxConfig mailbox(String name) {
        return ImapTesting.mailbox(name, greenMail.getImap().getPort(), List.of("INBOX"));
    }

    private void deliver(int n) {
        greenMail.getUserManager().getUser("me").deliver(Messages.parse(ImapMailboxTest.reply(n)));
    }

    private static GreenMail startGreenMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        server.setUser("me@example.com", "me", PASSWORD);
        return server;
    }
}
