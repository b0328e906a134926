package dev.nudge.web;

import dev.nudge.config.ConfigException;
import dev.nudge.config.ConfigProblem;
import dev.nudge.config.WebConfig;
import dev.nudge.health.Health;
import dev.nudge.health.HealthCheck;
import dev.nudge.observe.Metrics;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a running Nudge: {@code /metrics} in Prometheus' text format
 * and {@code /health} as JSON. It only calls the services it is given.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin javalin;
    private final JvmGcMetrics gc;
    private final String url;

    private WebServer(Javalin javalin, JvmGcMetrics gc, String bind) {
        this.javalin = javalin;
        this.gc = gc;
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        this.url = "http://" + host + ":" + javalin.port() + "/";
    }

    /**
     * Starts listening on {@code web.bind}:{@code web.port}; port 0 takes any free port.
     *
     * @param source where the web settings came from, named when the port is taken
     * @throws ConfigException when the address cannot be bound, naming the key to change
     */
    public static WebServer start(WebConfig web, String source, Metrics metrics, HealthCheck health) {
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.apiBuilder(() -> {
                ApiBuilder.get("/metrics", ctx -> metrics(ctx, metrics));
                ApiBuilder.get("/health", ctx -> health(ctx, health));
            });
        });
        try {
            javalin.start(web.bind(), web.port());
        } catch (JavalinBindException | IllegalStateException e) {
            javalin.stop();
            throw new ConfigException(List.of(new ConfigProblem(source, "web.port", "cannot listen on "
                    + web.bind() + ":" + web.port() + " (" + rootMessage(e) + "); the port is probably in use by"
                    + " another program or another nudge serve. Set web.port, or the environment variable"
                    + " NUDGE_WEB_PORT, to a free port (0 takes any free port)")));
        }
        WebServer server = new WebServer(javalin, bindJvmMetrics(metrics), web.bind());
        log.info("web: {} (/metrics, /health)", server.url());
        return server;
    }

    private static JvmGcMetrics bindJvmMetrics(Metrics metrics) {
        var registry = metrics.registry();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    private static void metrics(Context ctx, Metrics metrics) {
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }

    private static void health(Context ctx, HealthCheck check) {
        Health health = check.check();
        ctx.status(health.up() ? 200 : 503).json(health);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().toLowerCase(Locale.ROOT);
    }

    /** The port it listens on: the one chosen when {@code web.port} is 0. */
    public int port() {
        return javalin.port();
    }

    /** {@code http://127.0.0.1:8080/}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        javalin.stop();
        gc.close();
    }
}
