package dev.nudge.mail.outbound;

import java.time.Instant;

/**
 * A step whose send was interrupted and could not be confirmed: it may or may
 * not have reached the contact, and the user decides.
 *
 * @param since  when it became uncertain
 * @param reason why it could not be confirmed
 */
public record UncertainSend(
        long enrollmentId,
        String contactEmail,
        String sequence,
        int step,
        String messageId,
        Instant since,
        String reason) {
}
