package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Sent folder is where an interrupted send is confirmed, and where Nudge may file its own copies. */
class SentFolderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("me@example.com", "me", ImapTesting.PASSWORD));

    final ImapMailbox mailbox = new ImapMailbox();

    @Test
    void the_special_use_sent_folder_wins_over_the_common_names() {
        List<SpecialFolder.Listed> listed = List.of(
                new SpecialFolder.Listed("Sent", List.of("\\HasNoChildren")),
                new SpecialFolder.Listed("Gesendet", List.of("\\Sent")));

        assertThat(SpecialFolder.SENT.choose(listed)).contains("Gesendet");
        assertThat(SpecialFolder.SENT.choose(List.of(new SpecialFolder.Listed("Sent Items", List.of()))))
                .contains("Sent Items");
        assertThat(SpecialFolder.SENT.choose(List.of(new SpecialFolder.Listed("INBOX", List.of())))).isEmpty();
    }

    @Test
    void a_message_id_is_found_only_when_the_whole_id_matches() throws Exception {
        createFolder("Sent Messages");
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            assertThat(connection.appendSeen("\\Sent", message("abc.123@example.com"))).isTrue();

            assertThat(connection.containsMessageId("\\Sent", "abc.123@example.com")).isTrue();
            assertThat(connection.containsMessageId("\\Sent", "abc.12@example.com")).isFalse();
            assertThat(connection.containsMessageId("\\Sent", "other@example.com")).isFalse();
        }
    }

    @Test
    void without_a_sent_folder_nothing_is_found_and_nothing_is_appended() {
        try (Mailbox.Connection connection = mailbox.connect(config())) {
            assertThat(connection.appendSeen("\\Sent", message("abc.123@example.com"))).isFalse();
            assertThat(connection.containsMessageId("\\Sent", "abc.123@example.com")).isFalse();
        }
    }

    private static byte[] message(String id) {
        return ("Message-ID: <" + id + ">\r\nFrom: me@example.com\r\nTo: ada@example.org\r\nSubject: Hi\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void createFolder(String name) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUser("me");
        greenMail.getManagers().getImapHostManager().createMailbox(user, name);
    }

    private static dev.nudge.config.MailboxConfig config() {
        return ImapTesting.mailbox("work", greenMail.getImap().getPort(), List.of("INBOX"));
    }
}
