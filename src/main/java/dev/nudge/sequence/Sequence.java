package dev.nudge.sequence;

import dev.nudge.NudgeException;
import java.util.List;
import java.util.Objects;

/**
 * A named series of timed messages sent from one mailbox until the contact replies.
 *
 * @param name        unique id, e.g. {@code follow-up}
 * @param mailbox     the sending mailbox's name, resolved when loaded, never null
 * @param description what the sequence is for; may be empty
 * @param steps       at least one, in order
 * @param stopOnCompanyReply a reply from anyone at the contact's company domain (never a
 *                    free-mail domain) stops the sequence too ({@code stop-on-company-reply})
 */
public record Sequence(String name, String mailbox, String description, List<Step> steps,
                       boolean stopOnCompanyReply) {

    public Sequence(String name, String mailbox, String description, List<Step> steps) {
        this(name, mailbox, description, steps, false);
    }

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(description, "description");
        steps = List.copyOf(steps);
    }

    /**
     * @param number 1-based
     * @throws NudgeException.NotFound when the sequence has no such step
     */
    public Step step(int number) {
        if (number < 1 || number > steps.size()) {
            throw new NudgeException.NotFound("Step not found (sequence: " + name + ", step: " + number
                    + ", steps: " + steps.size() + ")");
        }
        return steps.get(number - 1);
    }
}
