package dev.nudge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failures of a job, per mailbox: each failure waits twice as long as the
 * one before it, from a second up to five minutes, so a failure that repeats (a
 * database that is gone, a bug met at every run) is tried now and then instead of
 * in a tight loop that fills the log.
 */
final class FailureBackoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LAST = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    FailureBackoff(Clock clock) {
        this.clock = clock;
    }

    /** Counts a failure; returns how many in a row there have been and when to try again. */
    Retry failed(String mailbox) {
        int count = failures.merge(mailbox, 1, Integer::sum);
        Duration wait = FIRST.multipliedBy(1L << Math.min(count - 1, 20));
        if (wait.compareTo(LAST) > 0) {
            wait = LAST;
        }
        return new Retry(count, wait, clock.instant().plus(wait));
    }

    void succeeded(String mailbox) {
        failures.remove(mailbox);
    }

    record Retry(int failuresInARow, Duration delay, Instant at) {
    }
}
