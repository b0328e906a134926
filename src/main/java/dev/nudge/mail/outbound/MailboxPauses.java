package dev.nudge.mail.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which mailboxes the dispatcher has paused because the server refused the login
 * or a sending quota was hit. The pause lives in the dispatcher's retry time, not
 * in the database, so this process remembers it for the health check: from the
 * refusal until the pause is over or a send goes through again.
 */
public final class MailboxPauses {

    /** Why and since when sends from a mailbox are paused. */
    public record Pause(Instant since, Instant until, String reason) {
    }

    private final Clock clock;
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    public MailboxPauses(Clock clock) {
        this.clock = clock;
    }

    void blocked(String mailbox, String reason) {
        Instant now = clock.instant();
        pauses.put(mailbox, new Pause(now, now.plus(DispatchRun.BLOCKED_PAUSE), reason));
    }

    void working(String mailbox) {
        pauses.remove(mailbox);
    }

    /** The mailbox's pause if it is paused now. */
    public Optional<Pause> current(String mailbox) {
        Pause p = pauses.get(mailbox);
        return p != null && clock.instant().isBefore(p.until()) ? Optional.of(p) : Optional.empty();
    }
}
