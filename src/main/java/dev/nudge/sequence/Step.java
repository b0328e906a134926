package dev.nudge.sequence;

import java.util.Objects;

/**
 * One message of a sequence.
 *
 * @param number   1-based position in the sequence
 * @param at       when it is due, counted from enrollment
 * @param template the template name without extension, e.g. {@code follow-up/1-thanks}
 * @param thread   whether it replies in the thread of step 1 ("Re: first subject"); always
 *                 false for step 1, which starts the thread
 */
public record Step(int number, StepOffset at, String template, boolean thread) {

    public Step {
        if (number < 1) {
            throw new IllegalArgumentException("step numbers start at 1, got " + number);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(template, "template");
    }
}
