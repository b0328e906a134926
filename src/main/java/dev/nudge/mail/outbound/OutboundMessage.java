package dev.nudge.mail.outbound;

import java.time.Instant;
import java.util.List;

/**
 * A message of a step: what was (or is being) sent, exactly as rendered.
 * {@code textBody} and {@code htmlBody} are null when the row was read without
 * its bodies (see {@link OutboundRepository}).
 */
public record OutboundMessage(
        long id,
        long enrollmentId,
        int step,
        String mailbox,
        String messageId,
        OutboundStatus status,
        String toAddress,
        String subject,
        String textBody,
        String htmlBody,
        String inReplyTo,
        List<String> references,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {
}
