package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.sequence.SequenceCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "templates", description = "Work with message templates.",
        subcommands = TemplatesCommand.Check.class)
final class TemplatesCommand implements Runnable {

    @ParentCommand
    NudgeCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = "Parse and render every template against a sample contact; print file:line:col for each error.")
    static final class Check implements Callable<Integer> {

        @ParentCommand
        TemplatesCommand templates;

        @Override
        public Integer call() {
            try (App app = templates.parent.openApp()) {
                List<String> problems = SequenceCheck.problems(app.sequences(), app.templates());
                problems.forEach(System.out::println);
                if (!problems.isEmpty()) {
                    System.err.println(problems.size() + " problem(s) found");
                    return Main.FAILED;
                }
                System.out.println("OK: " + app.templates().names().size() + " templates, "
                        + app.sequences().all().size() + " sequences checked");
                return 0;
            }
        }
    }
}
