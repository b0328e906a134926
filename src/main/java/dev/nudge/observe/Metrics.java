package dev.nudge.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;

/**
 * Nudge's counters, one method per thing that happens. The features call it where
 * the thing happens; what the numbers are kept in is the registry's business.
 *
 * <p>Names are Micrometer's dotted ones; Prometheus shows {@code nudge.messages.sent}
 * as {@code nudge_messages_sent_total}.
 */
public final class Metrics {

    public static final String SENT = "nudge.messages.sent";
    public static final String SEND_FAILURES = "nudge.send.failures";
    public static final String INBOUND = "nudge.inbound.messages";
    public static final String STOPPED_BY_REPLY = "nudge.enrollments.stopped.by.reply";
    public static final String BOUNCES = "nudge.bounces";

    private final MeterRegistry registry;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts in memory and shows nowhere: for callers that do not observe. */
    public static Metrics inMemory() {
        return new Metrics(new SimpleMeterRegistry());
    }

    /** Counts into a registry that can be {@linkplain #scrape() scraped} in Prometheus' text format. */
    public static Metrics prometheus() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter, or empty when the registry is not Prometheus'. */
    public String scrape() {
        return registry instanceof PrometheusMeterRegistry p ? p.scrape() : "";
    }

    /** A mail server accepted one of our messages. */
    public void sent(String mailbox) {
        registry.counter(SENT, "mailbox", mailbox).increment();
    }

    /** A send failed; {@code kind} is the failure's kind, e.g. {@code MAILBOX_BLOCKED}. */
    public void sendFailed(String mailbox, Enum<?> kind) {
        registry.counter(SEND_FAILURES, "mailbox", mailbox, "kind", lower(kind.name())).increment();
    }

    /**
     * An incoming message was recorded.
     *
     * @param kind       what it is, e.g. {@code human_reply}
     * @param bounceType {@code HARD} or {@code SOFT} for a bounce, else null
     */
    public void inbound(String mailbox, String kind, String bounceType) {
        registry.counter(INBOUND, "mailbox", mailbox, "kind", lower(kind)).increment();
        if (bounceType != null) {
            registry.counter(BOUNCES, "type", lower(bounceType)).increment();
        }
    }

    /** A person's reply ended one enrollment. */
    public void stoppedByReply() {
        registry.counter(STOPPED_BY_REPLY).increment();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
