package dev.nudge.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a request that {@code serve} stops itself, in
 * order, before the JVM starts its shutdown hooks. Left to the JVM, a signal runs
 * every hook at once, H2's among them: it closed the database while a step just
 * sent was still to be recorded, and H2 does not let its auto-server run without
 * that hook. A second signal goes to the JVM's own handler, for a user who does
 * not want to wait.
 */
final class StopSignals implements SignalHandler {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private final Runnable onStop;
    private SignalHandler previous;

    private StopSignals(Runnable onStop) {
        this.onStop = onStop;
    }

    /** Calls {@code onStop}, from the signal's own thread, at the first SIGTERM and the first SIGINT. */
    static void install(Runnable onStop) {
        for (String name : new String[] {"TERM", "INT"}) {
            StopSignals handler = new StopSignals(onStop);
            try {
                handler.previous = Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // Started with -Xrs, or no such signal here: the shutdown hook stops what it can.
                log.debug("SIG{} left to the JVM: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void handle(Signal signal) {
        log.info("SIG{} received: stopping (send it again to stop without waiting)", signal.getName());
        Signal.handle(signal, previous);
        onStop.run();
    }
}
