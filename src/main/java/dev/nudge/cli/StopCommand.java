package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.Enrollment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stop", description = "Stop a contact's enrollments (or one enrollment by id).")
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Parameters(index = "0", paramLabel = "EMAIL|ID", description = "A contact's address or an enrollment id.")
    String ref;

    @Option(names = {"-s", "--sequence"}, description = "Only the enrollment in this sequence.")
    String sequence;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            for (Enrollment e : app.enrollments().stop(ref, sequence)) {
                System.out.println("Stopped enrollment " + e.id() + " (" + e.contactEmail() + " in "
                        + e.sequenceName() + ")");
            }
            return 0;
        }
    }
}
