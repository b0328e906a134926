package dev.nudge.sandbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A make-believe contact in the sandbox who answers the first follow-up they
 * get, so a newcomer sees a reply stop a sequence without lifting a finger.
 */
public final class SandboxProspect implements AutoCloseable {

    public static final String ADDRESS = "ada@prospect.test";
    public static final String REPLY = "Thanks for following up! Yes, let's talk. Tuesday at 10 works for me.\n\nAda";

    private static final Logger log = LoggerFactory.getLogger(SandboxProspect.class);

    private final Sandbox sandbox;
    private final ScheduledExecutorService poller;
    private volatile boolean replied;

    private SandboxProspect(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-prospect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching the prospect's sandbox inbox. */
    public static SandboxProspect start(Sandbox sandbox) {
        SandboxProspect p = new SandboxProspect(sandbox);
        p.poller.scheduleWithFixedDelay(p::check, 200, 200, TimeUnit.MILLISECONDS);
        return p;
    }

    private void check() {
        if (replied) {
            return;
        }
        List<MimeMessage> inbox = sandbox.inboxOf(ADDRESS);
        if (inbox.isEmpty()) {
            return;
        }
        MimeMessage first = inbox.get(0);
        try {
            log.info("sandbox: {} received \"{}\" and replies", ADDRESS, first.getSubject());
            sandbox.reply(ADDRESS, first, REPLY);
            replied = true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("sandbox: {} could not reply: {}", ADDRESS, e.getMessage());
        }
    }

    public boolean replied() {
        return replied;
    }

    @Override
    public void close() {
        poller.shutdown();
    }
}
