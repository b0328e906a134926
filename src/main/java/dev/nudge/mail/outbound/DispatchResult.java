package dev.nudge.mail.outbound;

import java.time.Instant;

/**
 * What one dispatch run of a mailbox did.
 *
 * @param heldReason  why the run sent nothing at all (the mailbox is held), or null
 * @param retryAt     the earliest moment the run wants to be called again because
 *                    of a failure, or null
 */
public record DispatchResult(int sent, int failed, int held, int retrying, String heldReason, Instant retryAt) {

    static DispatchResult mailboxHeld(String reason, Instant retryAt) {
        return new DispatchResult(0, 0, 0, 0, reason, retryAt);
    }
}
