package dev.nudge.bench;

import java.nio.file.Path;

/**
 * What one bench run measures and where it writes.
 *
 * @param sends     due steps (and messages) per dispatch run
 * @param mailboxes sender mailboxes the steps are spread over
 * @param runs      runs per figure; each figure is their median
 * @param quartzCap most steps the one-trigger-per-step baseline sends
 * @param jar       the runnable jar whose start-up is timed; skipped when missing
 * @param out       the Markdown file the results go to
 */
public record BenchOptions(int sends, int mailboxes, int runs, int quartzCap, Path jar, Path out) {

    public static final int DEFAULT_QUARTZ_CAP = 2_000;

    public BenchOptions {
        if (sends < 1 || mailboxes < 1 || runs < 1 || quartzCap < 1) {
            throw new dev.nudge.NudgeException.InvalidInput("sends, mailboxes, runs and the Quartz cap must be at least 1");
        }
    }

    /** Tiny sizes that still go through every case, for a smoke run. */
    public static BenchOptions quick(Path jar, Path out) {
        return new BenchOptions(40, 2, 1, 20, jar, out);
    }

    int quartzSteps() {
        return Math.min(sends, quartzCap);
    }
}
