package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.HistoryText;
import dev.nudge.mail.outbound.UncertainSend;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "uncertain", description = "List sends that were interrupted and could not be confirmed; decide"
        + " each with mark-sent, send-again or skip.",
        subcommands = {UncertainCommand.MarkSent.class, UncertainCommand.SendAgain.class, UncertainCommand.Skip.class})
final class UncertainCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            List<UncertainSend> rows = app.uncertainSends().list();
            if (rows.isEmpty()) {
                System.out.println("No uncertain sends.");
                return 0;
            }
            System.out.printf("%-6s %-32s %-16s %-4s %-20s %s%n", "ID", "CONTACT", "SEQUENCE", "STEP", "SINCE",
                    "MESSAGE-ID");
            for (UncertainSend u : rows) {
                System.out.printf("%-6d %-32s %-16s %-4d %-20s <%s>%n", u.enrollmentId(), u.contactEmail(),
                        u.sequence(), u.step(), HistoryText.time(u.since(), app.scheduling().zone()), u.messageId());
            }
            System.out.println("Decide each by enrollment id: nudge uncertain mark-sent|send-again|skip ID");
            return 0;
        }
    }

    /** Shared by the decisions: the enrollment id and the way back to the app. */
    abstract static class Decision implements Callable<Integer> {

        @ParentCommand
        UncertainCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The enrollment id, as nudge uncertain lists it.")
        long enrollmentId;

        @Override
        public Integer call() {
            try (App app = parent.parent.openApp()) {
                UncertainSend u = decide(app);
                System.out.println(done(u));
                return 0;
            }
        }

        abstract UncertainSend decide(App app);

        abstract String done(UncertainSend u);
    }

    @Command(name = "mark-sent", description = "It did leave: count the step as sent and go on with the sequence.")
    static final class MarkSent extends Decision {
        @Override
        UncertainSend decide(App app) {
            return app.uncertainSends().markSent(enrollmentId);
        }

        @Override
        String done(UncertainSend u) {
            return "Enrollment " + u.enrollmentId() + ": step " + u.step() + " counts as sent.";
        }
    }

    @Command(name = "send-again", description = "Send the step again at the next dispatch, with the same"
            + " Message-ID so a mail client that got the first copy shows one.")
    static final class SendAgain extends Decision {
        @Override
        UncertainSend decide(App app) {
            return app.uncertainSends().sendAgain(enrollmentId);
        }

        @Override
        String done(UncertainSend u) {
            return "Enrollment " + u.enrollmentId() + ": step " + u.step() + " goes out again at the next dispatch"
                    + " with Message-ID <" + u.messageId() + ">.";
        }
    }

    @Command(name = "skip", description = "Count the step as not sent and go on with the next step.")
    static final class Skip extends Decision {
        @Override
        UncertainSend decide(App app) {
            return app.uncertainSends().skip(enrollmentId);
        }

        @Override
        String done(UncertainSend u) {
            return "Enrollment " + u.enrollmentId() + ": step " + u.step() + " skipped; the sequence goes on.";
        }
    }
}
