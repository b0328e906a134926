package dev.nudge.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param zone              the zone calendar offsets ("month 1") are counted in
 * @param inboxPollInterval how often each mailbox's inbox is synced
 * @param maxInboxAge       sends hold while the last good inbox sync is older than this
 * @param dispatchRecheck   the longest the dispatcher sleeps, so work written by
 *                          another process is picked up
 * @param dispatchBatch     the most steps one dispatch run sends
 */
public record SchedulingConfig(
        ZoneId zone,
        Duration inboxPollInterval,
        Duration maxInboxAge,
        Duration dispatchRecheck,
        int dispatchBatch) {
}
