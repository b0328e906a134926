package dev.nudge.template;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

// Interrupts a render that runs too long. An endless loop that writes nothing
// never meets the output cap; the interruption checks FreemarkerSandbox adds
// to every template stop it at the next loop turn or directive.
final class RenderDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "template-render-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Thread renderer;
    private final ScheduledFuture<?> alarm;
    private boolean closed;
    private boolean fired;

    private RenderDeadline(Duration limit) {
        this.renderer = Thread.currentThread();
        this.alarm = TIMER.schedule(this::fire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for a render on the calling thread. */
    static RenderDeadline start(Duration limit) {
        return new RenderDeadline(limit);
    }

    private synchronized void fire() {
        if (!closed) {
            fired = true;
            renderer.interrupt();
        }
    }

    /** Whether the render was interrupted for running too long. */
    synchronized boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            alarm.cancel(false);
        }
        if (fired()) {
            // Our interrupt, not the caller's: it must not leak into their next blocking call.
            Thread.interrupted();
        }
    }
}
