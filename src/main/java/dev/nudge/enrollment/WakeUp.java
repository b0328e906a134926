package dev.nudge.enrollment;

import java.time.Instant;

/** Told when work becomes due earlier than the scheduler may know, so it can fire sooner. */
@FunctionalInterface
public interface WakeUp {

    void dueAt(String mailbox, Instant at);

    WakeUp NONE = (mailbox, at) -> { };
}
