package dev.nudge.mail.inbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the classifier needs out of a whole message, read once by {@link MailReader}.
 *
 * @param headers      the top-level headers
 * @param type         the top-level media type, lower case, e.g. "multipart/report"
 * @param reportType   the report-type parameter of a multipart/report, lower case, or null
 * @param text         the readable text of the message (text parts, HTML without tags), capped
 * @param statuses     every message/delivery-status part
 * @param feedback     the fields of a message/feedback-report part, empty if none
 * @param disposition  the fields of a message/disposition-notification part, empty if none
 * @param originals    headers of attached original messages (message/rfc822, text/rfc822-headers)
 * @param skipped      parts that could not be read, with why
 */
record MailContent(
        InboundEmail headers,
        String type,
        String reportType,
        String text,
        List<DeliveryStatus> statuses,
        Map<String, String> feedback,
        Map<String, String> disposition,
        List<InboundEmail> originals,
        List<String> skipped) {

    String subject() {
        return headers.subject() == null ? "" : headers.subject().strip();
    }

    List<DeliveryStatus.Recipient> recipients() {
        return statuses.stream().flatMap(s -> s.recipients().stream()).toList();
    }

    Optional<String> originalMessageId() {
        return originals.stream().map(InboundEmail::messageId).filter(id -> id != null).findFirst();
    }

    boolean repliesInThread() {
        return !headers.inReplyTo().isEmpty() || !headers.references().isEmpty();
    }
}
