package dev.nudge.flow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.App;
import dev.nudge.MutableClock;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.ReplyConfig;
import dev.nudge.config.SandboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.outbound.Mailer;
import dev.nudge.mail.outbound.SmtpMailer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntUnaryOperator;

/**
 * A real GreenMail (SMTP + IMAP on loopback, dynamic ports), an H2 file with the
 * real migrations, the shipped templates and sample sequence, and a clock the
 * test moves. The test calls the dispatcher and the inbox sync itself.
 */
final class MailWorld implements AutoCloseable {

    static final String ME = "me@work.test";
    static final String PASSWORD = "s3cret-for-tests";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final GreenMail greenMail;
    final MutableClock clock = new MutableClock(START);
    final MailboxConfig mailbox;
    final App app;

    MailWorld(Path dir) {
        this(dir, Path.of("templates"), null);
    }

    MailWorld(Path dir, Path templates, Mailer mailer) {
        this(dir, templates, Path.of("config/sequences"), mailer);
    }

    MailWorld(Path dir, Path templates, Path sequences, Mailer mailer) {
        this(dir, templates, sequences, mailer, IntUnaryOperator.identity(), Duration.ofSeconds(5), false);
    }

    MailWorld(Path dir, Path templates, Path sequences, Mailer mailer, boolean appendToSent) {
        this(dir, templates, sequences, mailer, IntUnaryOperator.identity(), Duration.ofSeconds(5), appendToSent);
    }

    /**
     * @param smtpFront given GreenMail's SMTP port, the port the real SMTP mailer
     *                  should talk to (a proxy in front of it, say)
     * @param timeout   the mailbox's connect and read timeouts
     */
    MailWorld(Path dir, Path sequences, IntUnaryOperator smtpFront, Duration timeout) {
        this(dir, Path.of("templates"), sequences, null, smtpFront, timeout, false);
    }

    private MailWorld(Path dir, Path templates, Path sequences, Mailer mailer, IntUnaryOperator smtpFront,
                      Duration timeout, boolean appendToSent) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(ME, ME, PASSWORD);
        int smtpPort = smtpFront.applyAsInt(greenMail.getSmtp().getPort());
        mailbox = new MailboxConfig("work", ME, "Jane Doe",
                new ServerConfig("127.0.0.1", smtpPort, Security.PLAIN, ME, timeout, timeout),
                new ServerConfig("127.0.0.1", greenMail.getImap().getPort(), Security.PLAIN, ME, timeout, timeout),
                new Secret("NUDGE_TEST_PASSWORD", PASSWORD), List.of("INBOX"), appendToSent);
        NudgeConfig config = new NudgeConfig(templates, sequences,
                new DatabaseConfig("jdbc:h2:file:" + dir.resolve("nudge").toAbsolutePath(), "nudge", null),
                new WebConfig("127.0.0.1", 0),
                new SchedulingConfig(ZONE, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofSeconds(30), 200),
                new SandboxConfig(Duration.ofSeconds(5)), new ReplyConfig(true, Duration.ofDays(3), 3), List.of(mailbox));
        app = App.openWith(config, clock, new App.Parts(mailer == null ? new SmtpMailer(clock) : mailer, new ImapMailbox(),
                List.of(mailbox)));
    }

    List<MimeMessage> inboxOf(String address) {
        return greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    /** Delivers a message to our mailbox's INBOX over SMTP, as a contact's mail server would. */
    void deliverToMe(String from, String subject, String body, Map<String, String> headers) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(ME));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        int before = greenMail.getReceivedMessages().length;
        Transport.send(m);
        greenMail.waitForIncomingEmail(5000, before + 1);
    }

    /** The test clock's now as an RFC 5322 Date header value. */
    String dateHeader() {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZONE));
    }

    /** Puts raw RFC 822 text into our mailbox's INBOX byte for byte, as a server's delivery would. */
    void deliverRawToMe(String rfc822) throws Exception {
        deliverBytesToMe(rfc822.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Puts these bytes into our mailbox's INBOX as one message, however broken they are. */
    void deliverBytesToMe(byte[] raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw));
        var user = greenMail.getUserManager().getUser(ME);
        greenMail.getManagers().getImapHostManager().getInbox(user)
                .appendMessage(m, new jakarta.mail.Flags(), java.util.Date.from(clock.instant()));
    }

    /** The flags of every message in our INBOX, as the server holds them. */
    List<jakarta.mail.Flags> myFlags() throws Exception {
        var user = greenMail.getUserManager().getUser(ME);
        var folder = greenMail.getManagers().getImapHostManager().getInbox(user);
        return folder.getMessages().stream().map(m -> m.getFlags()).toList();
    }

    /** A sync first, so the reply-safety gate lets sends through, then a dispatch run. */
    int syncAndDispatch() {
        app.inboxSync().syncOnce("work");
        return app.dispatcher().dispatchOnce("work").sent();
    }

    @Override
    public void close() {
        app.close();
        greenMail.stop();
    }
}
