package dev.nudge.cli;

import dev.nudge.bench.Bench;
import dev.nudge.bench.BenchOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure sending (against a plain SMTP loop and a Quartz trigger per step) and"
        + " start-up, print the figures and write them to a Markdown file.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sends", defaultValue = "20000", description = "Due steps to send per run (default ${DEFAULT-VALUE}).")
    int sends;

    @Option(names = "--mailboxes", defaultValue = "20", description = "Sender mailboxes (default ${DEFAULT-VALUE}).")
    int mailboxes;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per figure; each figure is their median"
            + " (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--quartz-cap", defaultValue = "2000", description = "Most steps the one-trigger-per-step"
            + " baseline sends (default ${DEFAULT-VALUE}).")
    int quartzCap;

    @Option(names = "--jar", defaultValue = "target/nudge.jar", description = "The jar whose `serve` start-up is"
            + " timed (default ${DEFAULT-VALUE}).")
    Path jar;

    @Option(names = "--out", defaultValue = "docs/BENCHMARKS.md", description = "Where the report goes"
            + " (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--note", description = "A paragraph for the report about the conditions of this run.")
    String note;

    @Option(names = "--case", split = ",", paramLabel = "CASE", description = "Run only these cases (comma-separated):"
            + " sending, startup, ...; all by default.")
    java.util.List<String> cases = new java.util.ArrayList<>();

    @Option(names = "--quick", description = "Tiny sizes and one run, as a smoke test.")
    boolean quick;

    @Override
    public Integer call() {
        java.util.Set<String> selected = java.util.Set.copyOf(cases);
        BenchOptions options = quick ? BenchOptions.quick(jar, out, selected)
                : new BenchOptions(sends, mailboxes, runs, quartzCap, jar, out, selected, false);
        new Bench(options, note, Clock.systemUTC(), System.out).run();
        return 0;
    }
}
