package dev.nudge.bench;

import dev.nudge.NudgeException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * The ceiling: a plain Angus Mail loop over one reused connection, no
 * database and no templates, to the same kind of server as the dispatch case.
 */
final class CeilingBench {

    private final int sends;
    private final SmtpSink sink;

    /** @param sink the server to send to, or null for an embedded GreenMail */
    CeilingBench(int sends, SmtpSink sink) {
        this.sends = sends;
        this.sink = sink;
    }

    double run() {
        try (BenchMailServer server = new BenchMailServer(1, sink)) {
            String from = server.mailboxes().get(0).address();
            Session session = Session.getInstance(server.smtpProperties());
            long started = System.nanoTime();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(from, BenchMailServer.PASSWORD);
                for (int i = 0; i < sends; i++) {
                    MimeMessage m = BenchMailServer.message(session, from, i);
                    transport.sendMessage(m, m.getAllRecipients());
                }
            }
            long took = System.nanoTime() - started;
            return Figure.rate(sends, took);
        } catch (MessagingException e) {
            throw new NudgeException("The ceiling bench failed: " + e.getMessage(), e);
        }
    }
}
