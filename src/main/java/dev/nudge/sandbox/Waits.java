package dev.nudge.sandbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting for something the sandbox story expects, checked a few times a second. */
final class Waits {

    private Waits() {
    }

    /** True once {@code condition} holds, false if it did not within {@code timeout}. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nudge-wait");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        poller.scheduleWithFixedDelay(() -> {
            try {
                if (condition.getAsBoolean()) {
                    done.complete(true);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } finally {
            // No interrupt: the condition may be in the middle of a database read.
            poller.shutdown();
        }
    }
}
