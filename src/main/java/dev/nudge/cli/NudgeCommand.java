package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.config.ConfigLoader;
import dev.nudge.config.NudgeConfig;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nudge", mixinStandardHelpOptions = true, scope = picocli.CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Self-hosted email follow-ups that stop the moment the contact replies.",
        subcommands = {ServeCommand.class, EnrollCommand.class, ImportCommand.class, ListCommand.class,
            ShowCommand.class, StopCommand.class, ResumeCommand.class, TemplatesCommand.class, PreviewCommand.class,
            DemoCommand.class, ClassifyCommand.class, UncertainCommand.class, BenchCommand.class})
final class NudgeCommand implements Runnable {

    @Option(names = {"-c", "--config"}, defaultValue = "${NUDGE_CONFIG:-config/nudge.yaml}",
            description = "Configuration file (default: ${DEFAULT-VALUE}; env NUDGE_CONFIG).")
    Path config;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    NudgeConfig loadConfig() {
        return ConfigLoader.load(config, System.getenv());
    }

    /** Opens Nudge for a one-off command: no scheduler, no sandbox server. */
    App openApp() {
        return App.open(loadConfig(), Clock.systemUTC(), null);
    }
}
