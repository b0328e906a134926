package dev.nudge.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jobs running now, by name, so that a shutdown can wait for them before the
 * database closes and say which ones it gave up on.
 */
final class RunningJobs {

    private final List<String> running = new ArrayList<>();

    synchronized void started(String job) {
        running.add(job);
    }

    synchronized void ended(String job) {
        running.remove(job);
        notifyAll();
    }

    synchronized List<String> now() {
        return List.copyOf(running);
    }

    /** Waits until no job runs or {@code bound} has passed; returns the jobs still running. */
    synchronized List<String> awaitNone(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        long left = bound.toNanos();
        while (!running.isEmpty() && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            left = deadline - System.nanoTime();
        }
        return List.copyOf(running);
    }
}
