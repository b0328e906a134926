package dev.nudge.cli;

import dev.nudge.sandbox.DemoStory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Play the whole story in a throw-away sandbox and check it: enroll, follow-up, reply, stop.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--day-length", defaultValue = "PT0.5S",
            description = "How long one sequence day lasts in the demo (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration dayLength;

    @Override
    public Integer call() throws IOException {
        return new DemoStory(System.out, dayLength).run() ? 0 : Main.FAILED;
    }
}
