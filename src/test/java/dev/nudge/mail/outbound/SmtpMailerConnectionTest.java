package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.mail.outbound.SendFailure.Kind;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections that drop, hang or never open: the cases a GreenMail extension cannot stage. */
class SmtpMailerConnectionTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    final SmtpMailer mailer = new SmtpMailer(Clock.systemUTC());

    @Test
    void a_connection_dropped_between_sends_is_reopened_before_the_next_send() throws Exception {
        int port = freePort();
        GreenMail first = startGreenMail(port);
        GreenMail second = null;
        try (Mailer.Connection connection = mailer.connect(mailbox(port, Security.PLAIN, Duration.ofSeconds(5)))) {
            connection.send(SmtpMailerTest.email("one@nudge.test", "One"));
            assertThat(first.waitForIncomingEmail(5_000, 1)).isTrue();
            first.stop();
            second = startGreenMail(port);

            connection.send(SmtpMailerTest.email("two@nudge.test", "Two"));

            assertThat(second.waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(second.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Two");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_port_nobody_listens_on_fails_fast_as_transient() throws Exception {
        int port = freePort();

        assertThatThrownBy(() -> mailer.connect(mailbox(port, Security.PLAIN, Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_server_whose_backlog_is_full_times_out_on_connect_as_transient() throws Exception {
        // Loopback never drops a SYN by itself; a full accept queue does.
        try (ServerSocket blackhole = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> fillers = fillBacklog(blackhole);
            try {
                assertThatThrownBy(() -> mailer.connect(
                        mailbox(blackhole.getLocalPort(), Security.PLAIN, Duration.ofMillis(300))))
                        .isInstanceOfSatisfying(SendFailure.class,
                                f -> assertThat(f.kind()).isEqualTo(Kind.TRANSIENT))
                        .hasRootCauseInstanceOf(SocketTimeoutException.class);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void a_server_that_accepts_but_never_greets_times_out_as_transient() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, LOOPBACK)) {
            assertThatThrownBy(() -> mailer.connect(
                    mailbox(silent.getLocalPort(), Security.PLAIN, Duration.ofMillis(300))))
                    .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TRANSIENT))
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void starttls_is_required_so_a_server_without_it_blocks_the_mailbox() throws Exception {
        int port = freePort();
        GreenMail plain = startGreenMail(port);
        try {
            assertThatThrownBy(() -> mailer.connect(mailbox(port, Security.STARTTLS, Duration.ofSeconds(5))))
                    .isInstanceOfSatisfying(SendFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(Kind.MAILBOX_BLOCKED))
                    .hasMessageContaining("STARTTLS");
            assertThat(plain.getReceivedMessages()).isEmpty();
        } finally {
            plain.stop();
        }
    }

    private static List<Socket> fillBacklog(ServerSocket server) throws IOException {
        List<Socket> fillers = new ArrayList<>();
        // Linux queues backlog + 1 connections; a few more make sure the queue is full.
        for (int i = 0; i < 4; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 200);
                fillers.add(s);
            } catch (IOException full) {
                s.close();
                break;
            }
        }
        return fillers;
    }

    private static GreenMail startGreenMail(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, LOOPBACK.getHostAddress(), "smtp"));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    private static MailboxConfig mailbox(int port, Security security, Duration timeout) {
        ServerConfig smtp = new ServerConfig(LOOPBACK.getHostAddress(), port, security, "me", timeout, timeout);
        return new MailboxConfig("work", "me@example.com", "Me", smtp, null,
                new Secret("NUDGE_WORK_PASSWORD", ""), List.of("INBOX"));
    }
}
