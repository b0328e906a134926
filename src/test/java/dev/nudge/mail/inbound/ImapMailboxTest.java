package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import jakarta.mail.Flags;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapMailboxTest {

    static final String PASSWORD = "s3cret";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me", PASSWORD));

    final ImapMailbox mailbox = new ImapMailbox();

    @Test
    void new_messages_come_back_with_their_threading_headers() {
        deliver(reply(1));
        deliver("""
                From: "Bob" <BOB@Example.ORG>
                To: me@example.com
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
                Message-ID: <bob.1@example.org>
                In-Reply-To: step1.7@nudge.test
                References: <step1.7@nudge.test>,
                  <step2.7@nudge.test>

                Hi
                """);

        FolderBatch batch = fetch("INBOX", 0, 0, 100);

        assertThat(batch.uidValidity()).isPositive();
        assertThat(batch.unreadable()).isEmpty();
        assertThat(batch.messages()).hasSize(2);
        InboundEmail ann = batch.messages().get(0);
        assertThat(ann.messageId()).isEqualTo("reply.1@example.org");
        assertThat(ann.from()).isEqualTo("ann@example.org");
        assertThat(ann.subject()).isEqualTo("Re: Proposal 1");
        assertThat(ann.inReplyTo()).containsExactly("step1.1@nudge.test");
        assertThat(ann.header("x-ordinal")).isEqualTo("1");
        InboundEmail bob = batch.messages().get(1);
        assertThat(bob.from()).isEqualTo("bob@example.org");
        assertThat(bob.subject()).isEqualTo("Grüße");
        assertThat(bob.inReplyTo()).containsExactly("step1.7@nudge.test");
        assertThat(bob.references()).containsExactly("step1.7@nudge.test", "step2.7@nudge.test");
        assertThat(bob.uid()).isGreaterThan(ann.uid());
    }

    @Test
    void the_cursor_from_a_fetch_returns_nothing_until_something_new_arrives() {
        deliver(reply(1));
        deliver(reply(2));
        FolderBatch first = fetch("INBOX", 0, 0, 100);
        long cursor = first.highestUid(0);

        // UID FETCH n:* answers with the newest message even when n is past it.
        FolderBatch again = fetch("INBOX", first.uidValidity(), cursor, 100);
        deliver(reply(3));
        FolderBatch third = fetch("INBOX", first.uidValidity(), cursor, 100);

        assertThat(again.messages()).isEmpty();
        assertThat(again.highestUid(cursor)).isEqualTo(cursor);
        assertThat(third.messages()).extracting(InboundEmail::messageId).containsExactly("reply.3@example.org");
    }

    @Test
    void reading_leaves_every_message_unseen() throws Exception {
        deliver(reply(1));
        deliver(reply(2));

        fetch("INBOX", 0, 0, 100);

        List<StoredMessage> stored = inbox().getMessages();
        assertThat(stored).hasSize(2);
        assertThat(stored).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    void a_changed_uidvalidity_returns_the_whole_folder() {
        deliver(reply(1));
        deliver(reply(2));
        FolderBatch first = fetch("INBOX", 0, 0, 100);

        FolderBatch afterReset = fetch("INBOX", first.uidValidity() + 1, first.highestUid(0), 100);

        assertThat(afterReset.messages()).extracting(InboundEmail::messageId)
                .containsExactly("reply.1@example.org", "reply.2@example.org");
    }

    @Test
    void at_most_max_messages_come_back_lowest_uids_first() {
        for (int i = 1; i <= 5; i++) {
            deliver(reply(i));
        }

        FolderBatch first = fetch("INBOX", 0, 0, 2);
        FolderBatch second = fetch("INBOX", first.uidValidity(), first.highestUid(0), 2);
        FolderBatch third = fetch("INBOX", first.uidValidity(), second.highestUid(0), 2);

        assertThat(first.messages()).extracting(InboundEmail::messageId)
                .containsExactly("reply.1@example.org", "reply.2@example.org");
        assertThat(second.messages()).extracting(InboundEmail::messageId)
                .containsExactly("reply.3@example.org", "reply.4@example.org");
        assertThat(third.messages()).extracting(InboundEmail::messageId).containsExactly("reply.5@example.org");
    }

    @Test
    void a_missing_folder_gives_an_empty_batch() {
        FolderBatch batch = fetch("No/Such/Folder", 0, 0, 100);

        assertThat(batch.folder()).isEqualTo("No/Such/Folder");
        assertThat(batch.uidValidity()).isZero();
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.unreadable()).isEmpty();
    }

    @Test
    void one_connection_reads_several_folders() throws Exception {
        deliver(reply(1));
        MailFolder replies = greenMail.getManagers().getImapHostManager().createMailbox(user(), "Replies");
        replies.store(Messages.parse(reply(2)));

        try (Mailbox.Connection connection = mailbox.connect(config(PASSWORD))) {
            FolderBatch inbox = connection.fetchNew("INBOX", 0, 0, 100);
            FolderBatch missing = connection.fetchNew("Archive", 0, 0, 100);
            FolderBatch other = connection.fetchNew("Replies", 0, 0, 100);

            assertThat(inbox.messages()).extracting(InboundEmail::messageId).containsExactly("reply.1@example.org");
            assertThat(missing.messages()).isEmpty();
            assertThat(other.messages()).extracting(InboundEmail::messageId).containsExactly("reply.2@example.org");
        }
    }

    @Test
    void downloading_new_messages_opens_the_folder_once_and_asks_for_no_envelope() {
        deliver(reply(1));
        deliver(reply(2));
        CommandLog commands = new CommandLog();
        ImapMailbox recorded = new ImapMailbox(Map.of("mail.imap.socketFactory", commands));

        try (Mailbox.Connection connection = recorded.connect(config(PASSWORD))) {
            FolderBatch batch = connection.fetchNew("INBOX", 0, 0, 100);
            for (InboundEmail m : batch.messages()) {
                assertThat(connection.fetchRaw("INBOX", batch.uidValidity(), m.uid(), 1_000_000)).isNotNull();
            }
        }

        String sent = commands.sent();
        assertThat(sent.split("EXAMINE", -1)).as(sent).hasSize(2);
        assertThat(sent).contains("UID FETCH 1:* (UID)").doesNotContain("ENVELOPE").doesNotContain("SEARCH");
    }

    @Test
    void a_refused_login_names_the_mailbox_and_host() {
        assertThatThrownBy(() -> mailbox.connect(config("wrong")))
                .isInstanceOf(NudgeException.class)
                .hasMessageContaining("work")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void an_unreachable_server_names_the_mailbox_and_host() {
        MailboxConfig config = config(PASSWORD);
        greenMail.stop();

        assertThatThrownBy(() -> mailbox.connect(config))
                .isInstanceOf(NudgeException.class)
                .hasMessageContaining("Cannot connect")
                .hasMessageContaining("work")
                .hasMessageContaining("127.0.0.1");
    }

    private FolderBatch fetch(String folder, long uidValidity, long lastUid, int max) {
        try (Mailbox.Connection connection = mailbox.connect(config(PASSWORD))) {
            return connection.fetchNew(folder, uidValidity, lastUid, max);
        }
    }

    static String reply(int n) {
        return """
                From: Ann Example <ann@example.org>
                To: Me <me@example.com>
                Subject: Re: Proposal %d
                Message-ID: <reply.%d@example.org>
                In-Reply-To: <step1.%d@nudge.test>
                References: <step1.%d@nudge.test>
                X-Ordinal: %d

                Sounds good.
                """.formatted(n, n, n, n, n);
    }

    private static void deliver(String raw) {
        user().deliver(Messages.parse(raw));
    }

    private static MailFolder inbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(user());
    }

    private static GreenMailUser user() {
        return greenMail.getUserManager().getUser("me");
    }

    /** Plain sockets that keep what the client writes. */
    static final class CommandLog extends SocketFactory {

        private final StringBuffer written = new StringBuffer();

        String sent() {
            return written.toString();
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            written.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
                            out.write(b, off, len);
                        }
                    };
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return createSocket(host.getHostAddress(), port);
        }
    }

    static MailboxConfig config(String password) {
        ServerConfig imap = new ServerConfig("127.0.0.1", greenMail.getImap().getPort(), Security.PLAIN, "me",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new MailboxConfig("work", "me@example.com", "Me", null, imap,
                new Secret("NUDGE_WORK_PASSWORD", password), List.of("INBOX"));
    }
}
