package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.HistoryText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "enroll", description = "Enroll a contact into a sequence.")
final class EnrollCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The contact's email address.")
    String email;

    @Option(names = {"-s", "--sequence"}, required = true, description = "Sequence name, e.g. follow-up.")
    String sequence;

    @Option(names = "--first-name", description = "First name.")
    String firstName;

    @Option(names = "--last-name", description = "Last name.")
    String lastName;

    @Option(names = "--company", description = "Company.")
    String company;

    @Option(names = "--field", paramLabel = "KEY=VALUE", description = "A custom field (repeatable); templates read contact.fields.KEY.")
    Map<String, String> fields = new LinkedHashMap<>();

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            Enrollment e = app.enrollments().enroll(new EnrollRequest(email, firstName, lastName, company, fields,
                    sequence));
            System.out.println("Enrolled " + e.contactEmail() + " in " + e.sequenceName() + " (enrollment "
                    + e.id() + "); step 1 due " + HistoryText.time(e.nextDueAt(), app.scheduling().zone()));
            return 0;
        }
    }
}
