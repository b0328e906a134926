package dev.nudge.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The {@code scheduling:} section. Each key can be overridden by {@code NUDGE_SCHEDULING_} plus
 * the key, e.g. {@code NUDGE_SCHEDULING_MAX_INBOX_AGE}.
 *
 * @param zone              {@code zone}: the zone calendar offsets ("month 1") are counted in;
 *                          default the system zone
 * @param inboxPollInterval {@code inbox-poll-interval}: how often each mailbox's inbox is synced;
 *                          default 1 minute
 * @param maxInboxAge       {@code max-inbox-age}: sends hold while the last good inbox sync is older
 *                          than this; default 10 minutes, always longer than the poll interval
 * @param dispatchRecheck   {@code dispatch-recheck}: the longest the dispatcher sleeps, so work
 *                          written by another process is picked up; default 30 seconds
 * @param dispatchBatch     {@code dispatch-batch}: the most steps one dispatch run sends; 1 to
 *                          10000, default 200
 */
public record SchedulingConfig(
        ZoneId zone,
        Duration inboxPollInterval,
        Duration maxInboxAge,
        Duration dispatchRecheck,
        int dispatchBatch) {
}
