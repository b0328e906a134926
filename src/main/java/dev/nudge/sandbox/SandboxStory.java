package dev.nudge.sandbox;

import dev.nudge.App;
import dev.nudge.NudgeException;
import dev.nudge.enrollment.EnrollRequest;
import dev.nudge.enrollment.Enrollment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What `serve` plays in the sandbox so the log tells the story: a sample
 * prospect is enrolled once, receives the day-2 follow-up, and replies.
 */
public final class SandboxStory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxStory.class);
    private static final String SEQUENCE = "follow-up";

    private final App app;
    private final Sandbox sandbox;
    private SandboxProspect prospect;

    public SandboxStory(App app, Sandbox sandbox) {
        this.app = app;
        this.sandbox = sandbox;
    }

    public void begin() {
        prospect = SandboxProspect.start(sandbox);
        if (alreadyMet()) {
            log.info("sandbox: sample prospect {} was enrolled on an earlier run; see: nudge show {}",
                    SandboxProspect.ADDRESS, SandboxProspect.ADDRESS);
        } else {
            Enrollment e = app.enrollments().enroll(new EnrollRequest(SandboxProspect.ADDRESS, "Ada", "Lovelace",
                    "Analytical Engines Ltd", Map.of(), SEQUENCE));
            log.info("sandbox: enrolled sample prospect {} in {} (enrollment {}); she will reply to the first"
                    + " follow-up, and the later steps must then never go out", e.contactEmail(), SEQUENCE, e.id());
        }
        log.info("sandbox: enroll more with: java -jar target/nudge.jar enroll someone@example.test --sequence {}"
                + " --first-name Sam; see what happened with: java -jar target/nudge.jar show EMAIL", SEQUENCE);
    }

    private boolean alreadyMet() {
        try {
            return !app.enrollments().history(SandboxProspect.ADDRESS).enrollments().isEmpty();
        } catch (NudgeException.NotFound e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (prospect != null) {
            prospect.close();
        }
    }
}
