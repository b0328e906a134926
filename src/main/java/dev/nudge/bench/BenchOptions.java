package dev.nudge.bench;

import java.nio.file.Path;
import java.util.Set;

/**
 * What one bench run measures and where it writes.
 *
 * @param sends     due steps (and messages) per dispatch run
 * @param mailboxes sender mailboxes the steps are spread over
 * @param runs      runs per figure; each figure is their median
 * @param quartzCap most steps the one-trigger-per-step baseline sends
 * @param jar       the runnable jar whose start-up is timed; skipped when missing
 * @param out       the Markdown file the results go to
 * @param cases     the keys of the cases to run; empty means all
 * @param quick     tiny sizes everywhere, for a smoke run
 */
public record BenchOptions(int sends, int mailboxes, int runs, int quartzCap, Path jar, Path out,
                           Set<String> cases, boolean quick) {

    public static final int DEFAULT_QUARTZ_CAP = 2_000;

    public BenchOptions {
        if (sends < 1 || mailboxes < 1 || runs < 1 || quartzCap < 1) {
            throw new dev.nudge.NudgeException.InvalidInput("sends, mailboxes, runs and the Quartz cap must be at least 1");
        }
        cases = Set.copyOf(cases);
    }

    /** Tiny sizes that still go through every selected case, for a smoke run. */
    public static BenchOptions quick(Path jar, Path out, Set<String> cases) {
        return new BenchOptions(40, 2, 1, 20, jar, out, cases, true);
    }

    /** Tiny sizes through every case. */
    public static BenchOptions quick(Path jar, Path out) {
        return quick(jar, out, Set.of());
    }

    boolean includes(String key) {
        return cases.isEmpty() || cases.contains(key);
    }

    int quartzSteps() {
        return Math.min(sends, quartzCap);
    }
}
