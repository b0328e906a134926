package dev.nudge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nudge serve} and its web port, as a user runs it. */
class ServeWebTest {

    @TempDir
    Path dir;

    @Test
    void serve_on_a_taken_port_exits_with_the_config_code_naming_web_port_and_nudge_web_port() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path config = dir.resolve("nudge.yaml");
            Files.writeString(config, """
                    templates: %s
                    sequences: %s
                    database:
                      url: jdbc:h2:file:%s
                    web:
                      bind: 127.0.0.1
                      port: %d
                    """.formatted(Path.of("templates").toAbsolutePath(), Path.of("config/sequences").toAbsolutePath(),
                    dir.resolve("db/nudge").toAbsolutePath(), taken.getLocalPort()));

            PrintStream oldErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run("--config", config.toString(), "serve");
            } finally {
                System.setErr(oldErr);
            }
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(said).isEqualTo(3);
            assertThat(said).contains("the configuration has 1 problem; nothing was started")
                    .contains(config + ": web.port: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("NUDGE_WEB_PORT");
        }
    }
}
