package dev.nudge.mail.inbound;

import static dev.nudge.mail.inbound.ImapTesting.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.config.MailboxConfig;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapRawFetchTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me", PASSWORD));

    final ImapMailbox mailbox = new ImapMailbox();

    @Test
    void the_whole_message_comes_back_as_it_was_delivered() throws Exception {
        deliver(ImapMailboxTest.reply(1));
        InboundEmail headers = onlyMessage();
        long uidValidity = fetchNew().uidValidity();

        byte[] raw = fetchRaw(uidValidity, headers.uid(), 1_000_000);

        MimeMessage parsed = new MimeMessage(null, new ByteArrayInputStream(raw));
        assertThat(parsed.getMessageID()).isEqualTo("<reply.1@example.org>");
        assertThat(parsed.getSubject()).isEqualTo("Re: Proposal 1");
        assertThat(((String) parsed.getContent()).strip()).isEqualTo("Sounds good.");
    }

    @Test
    void fetching_the_whole_message_leaves_it_unseen() throws Exception {
        deliver(ImapMailboxTest.reply(1));
        InboundEmail headers = onlyMessage();

        assertThat(fetchRaw(fetchNew().uidValidity(), headers.uid(), 1_000_000)).isNotNull();

        List<StoredMessage> stored = greenMail.getManagers().getImapHostManager().getInbox(user()).getMessages();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).isSet(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void the_header_fetch_carries_the_size_the_server_reports() throws Exception {
        deliver(ImapMailboxTest.reply(1));

        InboundEmail headers = onlyMessage();

        StoredMessage stored = greenMail.getManagers().getImapHostManager().getInbox(user()).getMessages().get(0);
        assertThat(headers.size()).isPositive().isEqualTo(stored.getAttributes().getSize());
    }

    @Test
    void a_message_larger_than_the_limit_gives_null_and_stays_unseen() throws Exception {
        deliver(ImapMailboxTest.reply(1).replace("Sounds good.", "x".repeat(5_000)));
        InboundEmail headers = onlyMessage();

        byte[] raw = fetchRaw(fetchNew().uidValidity(), headers.uid(), 1_000);

        assertThat(raw).isNull();
        StoredMessage stored = greenMail.getManagers().getImapHostManager().getInbox(user()).getMessages().get(0);
        assertThat(stored.isSet(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void a_server_that_reports_too_small_a_size_still_cannot_pass_the_limit() {
        // GreenMail's RFC822.SIZE counts only the body, so the reported size lets the read start.
        deliver(ImapMailboxTest.reply(1));
        InboundEmail headers = onlyMessage();
        long uidValidity = fetchNew().uidValidity();

        byte[] limited = fetchRaw(uidValidity, headers.uid(), (int) headers.size());
        byte[] whole = fetchRaw(uidValidity, headers.uid(), 1_000_000);

        assertThat(whole.length).isGreaterThan((int) headers.size());
        assertThat(limited).isNull();
    }

    @Test
    void a_changed_uidvalidity_gives_null() {
        deliver(ImapMailboxTest.reply(1));
        InboundEmail headers = onlyMessage();

        assertThat(fetchRaw(fetchNew().uidValidity() + 1, headers.uid(), 1_000_000)).isNull();
    }

    @Test
    void a_uid_that_is_gone_or_a_missing_folder_gives_null() {
        deliver(ImapMailboxTest.reply(1));
        long uidValidity = fetchNew().uidValidity();

        try (Mailbox.Connection connection = mailbox.connect(config())) {
            assertThat(connection.fetchRaw("INBOX", uidValidity, onlyMessage().uid() + 100, 1_000_000)).isNull();
            assertThat(connection.fetchRaw("No/Such/Folder", uidValidity, 1, 1_000_000)).isNull();
        }
    }

    private InboundEmail onlyMessage() {
        List<InboundEmail> messages = fetchNew().messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private FolderBatch fetchNew() {
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            return connection.fetchNew("INBOX", 0, 0, 100);
        }
    }

    private byte[] fetchRaw(long uidValidity, long uid, int maxBytes) {
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            return connection.fetchRaw("INBOX", uidValidity, uid, maxBytes);
        }
    }

    private static void deliver(String raw) {
        user().deliver(Messages.parse(raw));
    }

    private static GreenMailUser user() {
        return greenMail.getUserManager().getUser("me");
    }

    private static MailboxConfig config() {
        return ImapTesting.mailbox("work", greenMail.getImap().getPort(), List.of("INBOX"));
    }
}
