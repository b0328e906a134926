package dev.nudge.bench;

import java.util.Arrays;

/**
 * One line of the results: what was measured, how much work each run did,
 * and the median over the runs.
 *
 * @param unit "msg/s" or "ms"; a null median means the case was skipped
 */
record Figure(String name, String size, double median, String unit, double[] runs, String note) {

    static Figure of(String name, String size, String unit, double[] runs, String note) {
        return new Figure(name, size, median(runs), unit, runs, note);
    }

    static Figure skipped(String name, String note) {
        return new Figure(name, "-", Double.NaN, "", new double[0], note);
    }

    boolean measured() {
        return !Double.isNaN(median);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Messages per second for {@code count} messages in {@code nanos}. */
    static double rate(long count, long nanos) {
        return count * 1e9 / nanos;
    }
}
