package dev.nudge.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {

    @Test
    void every_socket_timeout_is_set_and_writes_use_the_read_timeout() {
        Properties props = ServerProperties.of("smtp", server(Security.PLAIN));

        assertThat(props).containsEntry("mail.smtp.host", "mail.example.org")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.connectiontimeout", "7000")
                .containsEntry("mail.smtp.timeout", "20000")
                .containsEntry("mail.smtp.writetimeout", "20000")
                .doesNotContainKey("mail.smtp.starttls.enable")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }

    @Test
    void starttls_is_required_and_the_server_identity_checked() {
        Properties props = ServerProperties.of("imap", server(Security.STARTTLS));

        assertThat(props).containsEntry("mail.imap.starttls.enable", "true")
                .containsEntry("mail.imap.starttls.required", "true")
                .containsEntry("mail.imap.ssl.checkserveridentity", "true");
    }

    @Test
    void implicit_tls_checks_the_server_identity() {
        Properties props = ServerProperties.of("imaps", server(Security.TLS));

        assertThat(props).containsEntry("mail.imaps.ssl.enable", "true")
                .containsEntry("mail.imaps.ssl.checkserveridentity", "true");
    }

    @Test
    void a_missing_timeout_falls_back_to_a_finite_one_never_infinity() {
        Properties props = ServerProperties.of("smtp",
                new ServerConfig("mail.example.org", 25, Security.PLAIN, "me", null, Duration.ZERO));

        assertThat(props).containsEntry("mail.smtp.connectiontimeout", "30000")
                .containsEntry("mail.smtp.timeout", "60000")
                .containsEntry("mail.smtp.writetimeout", "60000");
    }

    private static ServerConfig server(Security security) {
        return new ServerConfig("mail.example.org", 587, security, "me", Duration.ofSeconds(7), Duration.ofSeconds(20));
    }
}
