package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nudge.config.ConfigException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.WebConfig;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.mail.outbound.Mailer;
import dev.nudge.mail.outbound.SendFailure;
import dev.nudge.web.WebServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} and {@code /health} over real HTTP, after real sends and replies through GreenMail. */
class ObservabilityFlowTest {

    private static final String ADA = "ada@analytical.test";
    private static final String BOB = "bob@babbage.test";
    /** Longer than the status reader's cache, so the next scrape reads the database again. */
    private static final Duration PAST_THE_CACHE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MailWorld world;
    private WebServer web;

    private void start(Mailer mailer) {
        world = new MailWorld(dir, Path.of("templates"), mailer);
        web = WebServer.start(world.app.config().web(), "test config", world.app.metrics(), world.app.health());
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private Enrollment enroll(String email, String firstName) {
        return world.app.enrollments().enroll(new EnrollRequest(email, firstName, "Lovelace", "Analytical",
                Map.of(), "follow-up"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(web.url() + path.substring(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of the scrape by its name and labels, e.g. {@code nudge_messages_sent_total{mailbox="work"}}. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
            int space = l.lastIndexOf(' ');
            samples.put(l.substring(0, space), Double.valueOf(l.substring(space + 1)));
        });
        return samples;
    }

    private JsonNode health(int expectedStatus) throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void a_real_send_and_a_real_reply_are_counted() throws Exception {
        start(null);
        enroll(ADA, "Ada");
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isEqualTo(1);

        Map<String, Double> afterSend = scrape();
        assertThat(afterSend).containsEntry("nudge_messages_sent_total{mailbox=\"work\"}", 1.0)
                .doesNotContainKey("nudge_inbound_messages_total{kind=\"human_reply\",mailbox=\"work\"}");

        String firstId = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];
        world.deliverToMe(ADA, "Re: Thanks", "Yes, let's talk on Tuesday.", Map.of("In-Reply-To", firstId));
        world.app.inboxSync().syncOnce("work");
        world.clock.advance(PAST_THE_CACHE);

        assertThat(scrape()).containsEntry("nudge_messages_sent_total{mailbox=\"work\"}", 1.0)
                .containsEntry("nudge_inbound_messages_total{kind=\"human_reply\",mailbox=\"work\"}", 1.0)
                .containsEntry("nudge_enrollments_stopped_by_reply_total", 1.0)
                .containsEntry("nudge_enrollments{status=\"replied\"}", 1.0)
                .containsEntry("nudge_enrollments{status=\"active\"}", 0.0)
                .containsKey("process_uptime_seconds")
                .hasKeySatisfying(new Condition<>(
                        k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\""), "a JVM heap gauge"));
    }

    @Test
    void gauges_show_due_steps_and_held_enrollments_read_at_most_every_few_seconds() throws Exception {
        start(null);
        enroll(ADA, "Ada");
        enroll(BOB, "Bob");
        assertThat(scrape()).containsEntry("nudge_steps_due{mailbox=\"work\"}", 0.0);

        world.clock.advance(Duration.ofDays(2));
        assertThat(scrape()).containsEntry("nudge_steps_due{mailbox=\"work\"}", 2.0)
                .containsEntry("nudge_enrollments{status=\"active\"}", 2.0)
                .containsEntry("nudge_mailbox_sends_held{mailbox=\"work\"}", 1.0)
                .containsEntry("nudge_inbox_sync_age_seconds{mailbox=\"work\"}", Double.NaN);

        assertThat(world.syncAndDispatch()).isEqualTo(2);
        String firstId = world.inboxOf(ADA).get(0).getHeader("Message-ID")[0];
        world.deliverRawToMe(MailText.challengeFromAda(firstId));
        world.app.inboxSync().syncOnce("work");
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(scrape()).as("read less than 5 s ago: still the earlier reading")
                .containsEntry("nudge_steps_due{mailbox=\"work\"}", 2.0)
                .containsEntry("nudge_enrollments_held{reason=\"challenge\"}", 0.0);

        world.clock.advance(PAST_THE_CACHE);
        assertThat(scrape()).containsEntry("nudge_steps_due{mailbox=\"work\"}", 0.0)
                .containsEntry("nudge_enrollments_held{reason=\"challenge\"}", 1.0)
                .containsEntry("nudge_enrollments_held{reason=\"template_error\"}", 0.0)
                .containsEntry("nudge_enrollments{status=\"held\"}", 1.0)
                .containsEntry("nudge_enrollments{status=\"active\"}", 1.0)
                .containsEntry("nudge_inbound_messages_total{kind=\"challenge\",mailbox=\"work\"}", 1.0)
                .containsEntry("nudge_mailbox_sends_held{mailbox=\"work\"}", 0.0)
                .containsEntry("nudge_inbox_sync_age_seconds{mailbox=\"work\"}", 7.0);
    }

    @Test
    void health_is_up_after_a_sync_and_down_once_the_inbox_is_older_than_max_inbox_age() throws Exception {
        start(null);
        JsonNode never = health(503);
        assertThat(never.path("status").asText()).isEqualTo("DOWN");
        assertThat(never.path("mailboxes").path("work").path("reason").asText()).contains("has not been read yet");

        world.app.inboxSync().syncOnce("work");
        world.clock.advance(PAST_THE_CACHE);
        JsonNode up = health(200);
        assertThat(up.path("status").asText()).isEqualTo("UP");
        assertThat(up.path("database").path("status").asText()).isEqualTo("UP");
        JsonNode work = up.path("mailboxes").path("work");
        assertThat(work.path("status").asText()).isEqualTo("UP");
        assertThat(work.path("sendsHeld").asBoolean()).isFalse();
        assertThat(work.path("inboxSyncAgeSeconds").asLong()).isEqualTo(6);

        world.clock.advance(Duration.ofMinutes(10));
        JsonNode down = health(503);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("database").path("status").asText()).isEqualTo("UP");
        JsonNode stale = down.path("mailboxes").path("work");
        assertThat(stale.path("status").asText()).isEqualTo("DOWN");
        assertThat(stale.path("sendsHeld").asBoolean()).isTrue();
        assertThat(stale.path("inboxSyncAgeSeconds").asLong()).isEqualTo(606);
        assertThat(stale.path("reason").asText()).contains("the inbox of mailbox work was last read at")
                .contains("more than PT10M ago");
    }

    @Test
    void a_refused_login_pauses_the_mailbox_counts_the_failure_and_makes_it_down() throws Exception {
        start(new Mailer() {
            @Override
            public Connection connect(MailboxConfig mailbox) {
                throw new SendFailure(SendFailure.Kind.MAILBOX_BLOCKED, "535 5.7.8 authentication failed", null);
            }
        });
        enroll(ADA, "Ada");
        world.clock.advance(Duration.ofDays(2));
        assertThat(world.syncAndDispatch()).isZero();

        JsonNode down = health(503);
        JsonNode work = down.path("mailboxes").path("work");
        assertThat(work.path("status").asText()).isEqualTo("DOWN");
        assertThat(work.path("sendsHeld").asBoolean()).isTrue();
        assertThat(work.path("reason").asText()).contains("paused").contains("535 5.7.8 authentication failed");
        assertThat(scrape()).containsEntry("nudge_send_failures_total{kind=\"mailbox_blocked\",mailbox=\"work\"}", 1.0)
                .doesNotContainKey("nudge_messages_sent_total{mailbox=\"work\"}");

        world.clock.advance(Duration.ofMinutes(5));
        world.app.inboxSync().syncOnce("work");
        assertThat(health(503).path("mailboxes").path("work").path("reason").asText()).contains("paused");
        world.clock.advance(Duration.ofMinutes(11));
        world.app.inboxSync().syncOnce("work");
        assertThat(health(200).path("mailboxes").path("work").path("status").asText())
                .as("the pause is over").isEqualTo("UP");
    }

    @Test
    void port_zero_takes_a_free_port_and_close_stops_listening() throws Exception {
        start(null);
        int port = web.port();
        assertThat(port).isPositive();
        assertThat(web.url()).isEqualTo("http://127.0.0.1:" + port + "/");
        assertThat(get("/metrics").statusCode()).isEqualTo(200);

        web.close();
        web = null;
        HttpRequest again = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        assertThat(catchThrowableOfType(ConnectException.class,
                () -> http.send(again, HttpResponse.BodyHandlers.ofString()))).isNotNull();
    }

    @Test
    void a_taken_port_is_a_configuration_error_naming_web_port_and_its_environment_variable() throws Exception {
        start(null);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> WebServer.start(
                    new WebConfig("127.0.0.1", taken.getLocalPort()), "config/nudge.yaml", world.app.metrics(),
                    world.app.health()));
            assertThat(e).isNotNull();
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("web.port");
                assertThat(p.source()).isEqualTo("config/nudge.yaml");
                assertThat(p.message()).contains("127.0.0.1:" + taken.getLocalPort()).contains("NUDGE_WEB_PORT");
            });
        }
    }
}
