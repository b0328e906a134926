package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.Progress;
import dev.nudge.enrollment.ImportReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Enroll the contacts of a CSV file into a sequence; rows that cannot go in"
        + " are reported and written to FILE.rejected.csv.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "CSV with a header row naming the columns;"
            + " an email column is required.")
    Path file;

    @Option(names = {"-s", "--sequence"}, required = true, description = "Sequence name, e.g. follow-up.")
    String sequence;

    @Option(names = "--dry-run", description = "Check every row against the database and report; enroll nobody.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            Progress progress = Progress.onStderr(dryRun ? "check" : "import", "rows");
            ImportReport report = app.contactImport().importFile(file, sequence, dryRun, progress::at);
            progress.finish(report.rows());
            System.out.println("Columns: " + String.join(", ", report.columns()));
            report.summary().forEach(System.out::println);
            return 0;
        }
    }
}
