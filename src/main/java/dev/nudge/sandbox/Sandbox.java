package dev.nudge.sandbox;

import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The default setup's mail server: an embedded GreenMail on loopback with one
 * sender mailbox. Whatever Nudge sends lands in the recipients' sandbox
 * inboxes, and a contact can "reply" from here.
 */
public final class Sandbox implements AutoCloseable {

    public static final String MAILBOX = "sandbox";
    public static final String ADDRESS = "me@sandbox.test";
    public static final String DISPLAY_NAME = "Sam Sandbox";

    private final GreenMail greenMail;
    private final MailboxConfig mailbox;

    private Sandbox(GreenMail greenMail, MailboxConfig mailbox) {
        this.greenMail = greenMail;
        this.mailbox = mailbox;
    }

    /** Starts SMTP and IMAP on free loopback ports. */
    public static Sandbox start() {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        var user = greenMail.setUser(ADDRESS, ADDRESS, password);
        createSentFolder(greenMail, user);
        Duration timeout = Duration.ofSeconds(10);
        MailboxConfig mailbox = new MailboxConfig(MAILBOX, ADDRESS, DISPLAY_NAME,
                new ServerConfig("127.0.0.1", greenMail.getSmtp().getPort(), Security.PLAIN, ADDRESS, timeout, timeout),
                new ServerConfig("127.0.0.1", greenMail.getImap().getPort(), Security.PLAIN, ADDRESS, timeout, timeout),
                new Secret("(sandbox)", password), List.of("INBOX"), true);
        return new Sandbox(greenMail, mailbox);
    }

    // The demo mailbox files a copy of each send, as a real one may be set up to, so an
    // interrupted send can be confirmed at the next start.
    private static void createSentFolder(GreenMail greenMail, GreenMailUser user) {
        try {
            greenMail.getManagers().getImapHostManager().createMailbox(user, "Sent");
        } catch (FolderException | AuthorizationException e) {
            throw new IllegalStateException("cannot create the sandbox Sent folder: " + e.getMessage(), e);
        }
    }

    /** The mailbox configuration used while no real mailbox is configured, with placeholder ports. */
    public static MailboxConfig placeholderMailbox() {
        Duration timeout = Duration.ofSeconds(10);
        return new MailboxConfig(MAILBOX, ADDRESS, DISPLAY_NAME,
                new ServerConfig("127.0.0.1", 1, Security.PLAIN, ADDRESS, timeout, timeout),
                new ServerConfig("127.0.0.1", 1, Security.PLAIN, ADDRESS, timeout, timeout),
                new Secret("(sandbox)", ""), List.of("INBOX"));
    }

    public MailboxConfig mailbox() {
        return mailbox;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** What a contact has received so far, oldest first. */
    public List<MimeMessage> inboxOf(String address) {
        return greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    /** Sends a reply from {@code contact} to the sandbox mailbox, threaded under {@code original}. */
    public void reply(String contact, MimeMessage original, String text) {
        try {
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", String.valueOf(smtpPort()));
            props.setProperty("mail.smtp.connectiontimeout", "10000");
            props.setProperty("mail.smtp.timeout", "10000");
            MimeMessage reply = (MimeMessage) original.reply(false);
            reply.setFrom(new InternetAddress(contact));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
            reply.setText(text, "UTF-8");
            MimeMessage wire = new MimeMessage(Session.getInstance(props), toStream(reply));
            Transport.send(wire);
        } catch (MessagingException | java.io.IOException e) {
            throw new NudgeException("Sandbox reply from " + contact + " failed: " + e.getMessage(), e);
        }
    }

    private static java.io.InputStream toStream(MimeMessage m) throws MessagingException, java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        m.saveChanges();
        m.writeTo(out);
        return new java.io.ByteArrayInputStream(out.toByteArray());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
