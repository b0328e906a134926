package dev.nudge.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One embedded GreenMail (SMTP + IMAP on loopback, free ports) with a user per
 * sender mailbox; optionally the mailboxes send to another SMTP server (a sink)
 * and only read their inbox here.
 */
final class BenchMailServer implements AutoCloseable {

    static final String PASSWORD = "bench-password";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TEXT = """
            Hi Ada,

            Thank you for taking the time to talk with me at the meetup. I enjoyed hearing about what you
            are working on at Analytical Engines Ltd.

            If a next step would be useful, let's keep it small: would a 15-minute call next week help?
            Just reply with a time that works for you.

            Either way, it was good to meet you.

            Best,
            Bench Sender
            """;

    private final GreenMail greenMail;
    private final List<MailboxConfig> mailboxes = new ArrayList<>();
    private final SmtpSink sink;

    BenchMailServer(int mailboxCount) {
        this(mailboxCount, null);
    }

    /** @param sink where the mailboxes send, or null for this GreenMail's own SMTP */
    BenchMailServer(int mailboxCount, SmtpSink sink) {
        this.sink = sink;
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        for (int i = 1; i <= mailboxCount; i++) {
            String address = "sender" + i + "@bench.test";
            greenMail.setUser(address, address, PASSWORD);
            mailboxes.add(new MailboxConfig("box-" + i, address, "Bench Sender " + i,
                    server(smtpPort(), address), server(greenMail.getImap().getPort(), address),
                    new Secret("NUDGE_BENCH_PASSWORD", PASSWORD), List.of("INBOX")));
        }
    }

    private static ServerConfig server(int port, String user) {
        return new ServerConfig("127.0.0.1", port, Security.PLAIN, user, TIMEOUT, TIMEOUT);
    }

    List<MailboxConfig> mailboxes() {
        return mailboxes;
    }

    int smtpPort() {
        return sink != null ? sink.port() : greenMail.getSmtp().getPort();
    }

    /** Session properties for a plain Angus Mail client of this server, logging in as a sender. */
    Properties smtpProperties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(smtpPort()));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        return p;
    }

    /** A message like a rendered first step: plain text and HTML alternatives, to contact {@code i}. */
    static MimeMessage message(Session session, String from, int i) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(contact(i)));
        m.setSubject("Thanks for your time, Ada", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + TEXT.replace("\n\n", "</p>\n<p>") + "</p>", "text/html; charset=UTF-8");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        m.setContent(alternatives);
        m.saveChanges();
        return m;
    }

    static String contact(int i) {
        return "contact" + i + "@prospect.test";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
