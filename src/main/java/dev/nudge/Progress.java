package dev.nudge;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells a person how far a long job has come: on a terminal a bar redrawn in
 * place (count, percent, rate, time left); otherwise, as in a log or a pipe, a
 * plain line every few seconds or every tenth of the way.
 */
public final class Progress {

    /** Hears how much is done: a count, and the fraction of the whole (0 to 1) when it is known. */
    @FunctionalInterface
    public interface Listener {

        void at(long done, double fraction);

        Listener NONE = (done, fraction) -> { };
    }

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;
    private static final int BAR = 30;

    private final String what;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastShown;
    private int lastTenth;
    private boolean shown;
    private long lastDone = -1;

    /**
     * @param what     the job, such as "import"
     * @param unit     what is counted, such as "contacts"
     * @param terminal true to redraw one line in place with {@code \r}
     * @param nanoTime a monotonic clock in nanoseconds (System::nanoTime)
     */
    public Progress(String what, String unit, PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.what = what;
        this.unit = unit;
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastShown = started;
    }

    /** On standard error, as a bar when a person is watching a terminal. */
    public static Progress onStderr(String what, String unit) {
        return new Progress(what, unit, System.err, System.console() != null, System::nanoTime);
    }

    /** Shows how far it has come, when it is time to (see {@link Listener}). */
    public synchronized void at(long done, double fraction) {
        long now = nanoTime.getAsLong();
        int tenth = (int) Math.floor(Math.min(1, fraction) * 10);
        boolean due = terminal ? now - lastShown >= REDRAW_NANOS
                : now - lastShown >= LINE_NANOS || tenth > lastTenth;
        if (due) {
            show(done, fraction, now);
            lastTenth = tenth;
        }
    }

    /** The last word: everything done. Ends the bar's line on a terminal. */
    public synchronized void finish(long done) {
        if ((terminal || shown) && done != lastDone) {
            show(done, 1, nanoTime.getAsLong());
        }
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(long done, double fraction, long now) {
        String text = describe(done, fraction, now - started);
        if (terminal) {
            out.print("\r" + bar(fraction) + " " + text + "   ");
        } else {
            out.println(what + ": " + text);
        }
        out.flush();
        lastShown = now;
        lastDone = fraction >= 1 ? done : -1;
        shown = true;
    }

    /** "12,345 contacts  45%  6,010/s  9s left". */
    String describe(long done, double fraction, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d %s", done, unit));
        boolean known = fraction > 0 && fraction <= 1;
        if (known) {
            s.append(String.format(Locale.ROOT, "  %3.0f%%", fraction * 100));
        }
        s.append(String.format(Locale.ROOT, "  %,.0f/s", rate));
        if (known && fraction < 1 && seconds > 0) {
            s.append("  ").append(duration(seconds * (1 - fraction) / fraction)).append(" left");
        } else if (fraction >= 1) {
            s.append("  in ").append(duration(seconds));
        }
        return s.toString();
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + "m";
    }
}
