package dev.nudge.mail.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reports that change nothing yet: delivered, relayed or delayed mail, and read receipts. */
final class Notices {

    // Subjects of delay and success reports, which come from the same senders as bounces.
    private static final Pattern NO_FAILURE_SUBJECT = Pattern.compile(String.join("|",
            "\\(delay\\)", "delayed mail", "delivery delayed", "delay(ed)? notification", "still being retried",
            "could not send message for past", "will (continue to )?retry", "\\(success\\)", "\\(relay\\)",
            "^delivered:", "^relayed:"));

    private Notices() {
    }

    static boolean subjectSaysNoFailure(String subject) {
        return NO_FAILURE_SUBJECT.matcher(subject.toLowerCase(Locale.ROOT)).find();
    }

    static Optional<Verdict> detect(MailContent m) {
        if ("disposition-notification".equals(m.reportType()) || !m.disposition().isEmpty()) {
            String disposition = m.disposition().get("disposition");
            String id = InboundEmails.firstId(m.disposition().get("original-message-id"));
            return Optional.of(notice("read receipt (multipart/report disposition-notification"
                    + (disposition == null ? "" : ", Disposition: " + disposition) + ")",
                    id != null ? id : m.originalMessageId().orElse(null)));
        }
        if (!m.recipients().isEmpty() || "delivery-status".equals(m.reportType())) {
            String actions = String.join(", ", m.recipients().stream()
                    .map(r -> r.action() == null ? "(none)" : r.action()).distinct().toList());
            String reason = "multipart/report delivery-status, Action: " + (actions.isEmpty() ? "(none)" : actions);
            return Optional.of(notice(reason, m.originalMessageId().orElse(null)));
        }
        boolean fromMailSystem = AutomaticMail.systemSender(m.headers()).isPresent()
                || AutomaticMail.nullSender(m.headers());
        if (fromMailSystem && subjectSaysNoFailure(m.subject())) {
            return Optional.of(notice("subject \"" + m.subject() + "\" from the mail system",
                    m.originalMessageId().orElse(null)));
        }
        return Optional.empty();
    }

    private static Verdict notice(String reason, String originalMessageId) {
        return new Verdict(MessageKind.DELIVERY_NOTICE, null, null, null, null, originalMessageId, reason);
    }
}
