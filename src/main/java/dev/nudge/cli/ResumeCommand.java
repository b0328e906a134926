package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.HistoryText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "resume", description = "Resume held enrollments once the reason they were held is fixed.")
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Mixin
    EnrollmentTarget target;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            for (Enrollment e : app.enrollments().resume(target.ref, target.sequence)) {
                System.out.println("Resumed enrollment " + e.id() + "; step " + e.nextStep() + " due "
                        + HistoryText.time(e.nextDueAt(), app.scheduling().zone()));
            }
            return 0;
        }
    }
}
