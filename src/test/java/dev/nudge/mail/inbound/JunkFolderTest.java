package dev.nudge.mail.inbound;

import static dev.nudge.mail.inbound.ImapTesting.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.config.MailboxConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JunkFolderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me", PASSWORD));

    final ImapMailbox mailbox = new ImapMailbox();

    @Test
    void a_folder_named_spam_is_the_junk_folder_when_none_is_marked() throws Exception {
        // GreenMail has no SPECIAL-USE, so this is the name fallback.
        createFolder("Spam", ImapMailboxTest.reply(1));

        FolderBatch batch = fetchJunk();

        assertThat(batch.folder()).isEqualTo("\\Junk");
        assertThat(batch.uidValidity()).isPositive();
        assertThat(batch.messages()).extracting(InboundEmail::messageId).containsExactly("reply.1@example.org");
    }

    @Test
    void junk_comes_before_spam_in_the_fallback_names() throws Exception {
        createFolder("Spam", ImapMailboxTest.reply(1));
        createFolder("Junk", ImapMailboxTest.reply(2));

        assertThat(fetchJunk().messages()).extracting(InboundEmail::messageId).containsExactly("reply.2@example.org");
    }

    @Test
    void without_a_junk_folder_the_junk_name_reads_as_an_empty_folder() {
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            FolderBatch batch = connection.fetchNew("\\Junk", 0, 0, 100);

            assertThat(batch.uidValidity()).isZero();
            assertThat(batch.messages()).isEmpty();
            assertThat(batch.unreadable()).isEmpty();
            assertThat(connection.fetchRaw("\\Junk", 1, 1, 1_000_000)).isNull();
        }
    }

    @Test
    void the_whole_message_is_read_from_the_junk_folder_found() throws Exception {
        createFolder("Spam", ImapMailboxTest.reply(3));

        try (Mailbox.Connection connection = mailbox.connect(config())) {
            FolderBatch batch = connection.fetchNew("\\Junk", 0, 0, 100);
            byte[] raw = connection.fetchRaw("\\Junk", batch.uidValidity(), batch.messages().get(0).uid(), 1_000_000);

            assertThat(new MimeMessage(null, new ByteArrayInputStream(raw)).getMessageID())
                    .isEqualTo("<reply.3@example.org>");
        }
    }

    @Test
    void the_folder_marked_junk_by_special_use_wins_over_the_names() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer("IMAP4rev1 SPECIAL-USE", List.of(
                "* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                "* LIST (\\HasNoChildren) \"/\" \"Junk\"",
                "* LIST (\\HasNoChildren \\Junk) \"/\" \"Bulk Mail\""))) {
            try (Mailbox.Connection connection = mailbox.connect(ImapTesting.mailbox("work", server.port(),
                    List.of("\\Junk")))) {
                FolderBatch batch = connection.fetchNew("\\Junk", 0, 0, 100);

                assertThat(batch.uidValidity()).isEqualTo(7);
            }
            assertThat(server.commands()).anyMatch(c -> c.startsWith("EXAMINE") && c.contains("Bulk Mail"))
                    .noneMatch(c -> c.startsWith("EXAMINE") && c.endsWith("Junk"));
        }
    }

    @Test
    void folders_that_cannot_be_opened_are_passed_over_and_names_match_in_any_case() {
        List<SpecialFolder.Listed> listed = List.of(
                new SpecialFolder.Listed("Junk", List.of("\\Noselect", "\\HasChildren")),
                new SpecialFolder.Listed("Old", List.of("\\NonExistent", "\\Junk")),
                new SpecialFolder.Listed("SPAM", List.of("\\HasNoChildren")));

        assertThat(SpecialFolder.JUNK.choose(listed)).contains("SPAM");
        assertThat(SpecialFolder.JUNK.choose(List.of(new SpecialFolder.Listed("INBOX", List.of())))).isEmpty();
        assertThat(SpecialFolder.JUNK.isNamed("\\junk")).isTrue();
        assertThat(SpecialFolder.JUNK.isNamed("Junk")).isFalse();
    }

    private FolderBatch fetchJunk() {
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            return connection.fetchNew("\\Junk", 0, 0, 100);
        }
    }

    private static void createFolder(String name, String message) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUser("me");
        greenMail.getManagers().getImapHostManager().createMailbox(user, name).store(Messages.parse(message));
    }

    private static MailboxConfig config() {
        return ImapTesting.mailbox("work", greenMail.getImap().getPort(), List.of("INBOX", "\\Junk"));
    }
}
