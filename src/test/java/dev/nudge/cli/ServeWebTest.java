package dev.nudge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
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
            Path config = CliRun.writeConfig(dir, """
                    web:
                      bind: 127.0.0.1
                      port: %d
                    """.formatted(taken.getLocalPort()));

            CliRun.Result r = CliRun.nudge(config, "serve");
            String said = r.err();
            int code = r.code();
            assertThat(code).as(said).isEqualTo(3);
            assertThat(said).contains("the configuration has 1 problem; nothing was started")
                    .contains(config + ": web.port: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("NUDGE_WEB_PORT");
        }
    }
}
