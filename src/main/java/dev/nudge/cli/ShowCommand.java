package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.HistoryText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Show a contact's timeline: what was sent when, what arrived, why it stopped.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Parameters(index = "0", paramLabel = "EMAIL|ID", description = "A contact's address or an enrollment id.")
    String ref;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            var history = app.enrollments().history(ref);
            System.out.print(HistoryText.format(history, app.scheduling().zone()));
            MailboxHolds.print(app, history.enrollments().stream().map(e -> e.enrollment()).toList());
            return 0;
        }
    }
}
