package dev.nudge.cli;

import dev.nudge.NudgeException;
import dev.nudge.config.ConfigException;
import picocli.CommandLine;

/** The `nudge` command. The only place that ends the process with an exit code. */
public final class Main {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CONFIG = 3;
    static final int NOT_FOUND = 4;
    static final int CONFLICT = 5;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        // Commands that print results keep the log quiet; the long-running ones narrate.
        if (System.getProperty("nudge.log.level") == null) {
            System.setProperty("nudge.log.level", narrates(args) ? "INFO" : "WARN");
        }
        CommandLine cli = new CommandLine(new NudgeCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException config) {
                int n = config.problems().size();
                commandLine.getErr().println("nudge: the configuration has " + n + (n == 1 ? " problem" : " problems")
                        + "; nothing was started:");
                commandLine.getErr().println(e.getMessage());
            } else {
                commandLine.getErr().println("nudge: " + e.getMessage());
            }
            return exitCode(e);
        });
        return cli.execute(args);
    }

    private static boolean narrates(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c") || args[i].equals("--config")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i].equals("serve");
            }
        }
        return false;
    }

    static int exitCode(Exception e) {
        if (e instanceof ConfigException) {
            return CONFIG;
        }
        if (e instanceof NudgeException.NotFound) {
            return NOT_FOUND;
        }
        if (e instanceof NudgeException.Conflict) {
            return CONFLICT;
        }
        if (e instanceof NudgeException.InvalidInput) {
            return USAGE;
        }
        return FAILED;
    }
}
