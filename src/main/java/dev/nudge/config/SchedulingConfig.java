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
 * @param stepsPerCommit    {@code steps-per-commit}: how many steps one database commit claims
 *                          before they are sent (and records as sent after); 1 to 100, default
 *                          10. After a crash up to this many steps per mailbox may be left
 *                          sending, to be settled from the Sent folder or held as uncertain.
 */
public record SchedulingConfig(
        ZoneId zone,
        Duration inboxPollInterval,
        Duration maxInboxAge,
        Duration dispatchRecheck,
        int dispatchBatch,
        int stepsPerCommit) {

    public static final int DEFAULT_STEPS_PER_COMMIT = 10;

    public SchedulingConfig {
        if (stepsPerCommit < 1) {
            throw new IllegalArgumentException("steps-per-commit must be at least 1");
        }
    }

    /** With the default steps per commit. */
    public SchedulingConfig(ZoneId zone, Duration inboxPollInterval, Duration maxInboxAge, Duration dispatchRecheck,
                            int dispatchBatch) {
        this(zone, inboxPollInterval, maxInboxAge, dispatchRecheck, dispatchBatch, DEFAULT_STEPS_PER_COMMIT);
    }
}
