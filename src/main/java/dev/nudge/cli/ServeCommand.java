package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.config.NudgeConfig;
import dev.nudge.sandbox.Sandbox;
import dev.nudge.sandbox.SandboxStory;
import dev.nudge.sequence.SequenceCheck;
import dev.nudge.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "Run the scheduler, the inbox sync and the web server (/metrics, /health);"
        + " a sandbox mail server when no mailbox is configured.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    NudgeCommand parent;

    // The build's training run for the class data archive (see pom.xml): start, reach ready, stop.
    @picocli.CommandLine.Option(names = "--stop-when-ready", hidden = true)
    boolean stopWhenReady;

    @Override
    public Integer call() throws InterruptedException {
        NudgeConfig config = parent.loadConfig();
        Sandbox sandbox = config.sandboxMode() ? Sandbox.start() : null;
        if (sandbox != null) {
            log.info("SANDBOX MODE: no mailbox is configured in {}, so mail goes to an embedded test server on"
                    + " 127.0.0.1 (SMTP {}, IMAP {}) and nothing leaves this machine", parent.config,
                    sandbox.smtpPort(), sandbox.imapPort());
            log.info("sandbox: one sequence day lasts {}; add a mailbox to the config to send for real",
                    config.sandbox().dayLength());
        }
        App app = App.open(config, Clock.systemUTC(), sandbox);
        WebServer web = startWeb(app, sandbox);
        SandboxStory story = sandbox == null ? null : new SandboxStory(app, sandbox);
        Runnable stop = once(() -> stop(story, web, app, sandbox));
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.install(stopRequested::countDown);
        // For the ways out no signal handler sees (SIGHUP, say); H2's own hook may then close the database alongside.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "nudge-shutdown"));
        List<String> problems = SequenceCheck.problems(app.sequences(), app.templates());
        problems.forEach(p -> log.warn("template problem: {} (steps using it will be held)", p));
        app.startScheduling();
        log.info("ready: mailboxes={} sequences={}", app.mailboxes().names(),
                app.sequences().all().stream().map(s -> s.name()).toList());
        if (story != null) {
            story.begin();
        }
        if (!stopWhenReady) {
            stopRequested.await();
        }
        stop.run();
        return 0;
    }

    /** New work stops first (web, demo), then the jobs, then the database; the sandbox's mail server last. */
    private static void stop(SandboxStory story, WebServer web, App app, Sandbox sandbox) {
        log.info("shutting down");
        if (story != null) {
            story.close();
        }
        web.close();
        app.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Runnable once(Runnable work) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                work.run();
            }
        };
    }

    /** Listens before anything runs, so a taken port stops serve at once with a config error. */
    private WebServer startWeb(App app, Sandbox sandbox) {
        try {
            return WebServer.start(app.config().web(), String.valueOf(parent.config), app.metrics(), app.health());
        } catch (RuntimeException e) {
            app.close();
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
    }
}
