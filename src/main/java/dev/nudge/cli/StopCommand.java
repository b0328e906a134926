package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.Enrollment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "stop", description = "Stop a contact's enrollments (or one enrollment by id).")
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Mixin
    EnrollmentTarget target;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            for (Enrollment e : app.enrollments().stop(target.ref, target.sequence)) {
                System.out.println("Stopped enrollment " + e.id() + " (" + e.contactEmail() + " in "
                        + e.sequenceName() + ")");
            }
            return 0;
        }
    }
}
