package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.HistoryText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "List enrollments with their status and next due time.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Option(names = "--all", description = "Also show finished enrollments (replied, stopped, completed, failed).")
    boolean all;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            List<Enrollment> rows = app.enrollments().list().stream()
                    .filter(e -> all || e.status().live()).toList();
            if (rows.isEmpty()) {
                System.out.println(all ? "No enrollments yet." : "No active enrollments (use --all for finished ones).");
                return 0;
            }
            System.out.printf("%-6s %-32s %-16s %s%n", "ID", "CONTACT", "SEQUENCE", "STATUS");
            for (Enrollment e : rows) {
                System.out.printf("%-6d %-32s %-16s %s%n", e.id(), e.contactEmail(), e.sequenceName(),
                        HistoryText.status(e, app.scheduling().zone()));
            }
            MailboxHolds.print(app, rows);
            return 0;
        }
    }
}
