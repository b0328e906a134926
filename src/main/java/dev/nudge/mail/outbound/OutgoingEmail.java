package dev.nudge.mail.outbound;

import java.util.List;

/**
 * One message ready for the wire. Every text that becomes a header has been
 * checked for line breaks and control characters by the time this exists.
 *
 * @param messageId  our own Message-ID, without angle brackets, chosen before sending
 * @param inReplyTo  Message-ID this replies to (no brackets), or null for a new thread
 * @param references Message-IDs of the thread so far, oldest first (no brackets)
 * @param htmlBody   null for a plain-text message
 */
public record OutgoingEmail(
        String messageId,
        String fromAddress,
        String fromName,
        String toAddress,
        String toName,
        String subject,
        String textBody,
        String htmlBody,
        String inReplyTo,
        List<String> references) {
}
