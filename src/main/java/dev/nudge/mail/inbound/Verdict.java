package dev.nudge.mail.inbound;

import java.time.LocalDate;

/**
 * What the {@link Classifier} decided about one message, and why.
 *
 * <p>{@code bounce}, {@code status} and {@code recipient} are null unless the kind is
 * {@link MessageKind#BOUNCE} ({@code recipient} is also set for a {@link MessageKind#COMPLAINT}
 * whose report names it). {@code originalMessageId} is set for a bounce, complaint or delivery
 * notice that carries the original message's id, and for an auto-reply naming it in
 * In-Reply-To. {@code returnDate} is only set for an {@link MessageKind#AUTO_REPLY}.
 * Message ids are given without angle brackets.
 *
 * @param kind              what the message is
 * @param bounce            hard or soft, for a bounce
 * @param status            the enhanced status code ({@code 5.1.1}) of a bounce, or null if none was found
 * @param recipient         the address that failed (bounce) or complained, lower case
 * @param returnDate        the first day the auto-replying person is back, if the message says
 * @param originalMessageId the Message-ID of our message the report or reply is about
 * @param reason            a short sentence naming the evidence
 */
public record Verdict(
        MessageKind kind,
        BounceType bounce,
        String status,
        String recipient,
        LocalDate returnDate,
        String originalMessageId,
        String reason) {

    static Verdict of(MessageKind kind, String reason) {
        return new Verdict(kind, null, null, null, null, null, reason);
    }
}
