package dev.nudge.mail.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what an incoming message is: our own, a bounce, a complaint, a delivery notice, a
 * challenge, an auto-reply, list mail, a person's reply or unrelated. Checks run in that
 * order and the first that holds wins, so a bounce carrying Auto-Submitted is a bounce;
 * only a challenge vendor's own marks are looked at before bounces (Boxbe's challenges
 * are delivery-status reports saying "failed").
 * Pure: it reads only the bytes given, so the same message always gets the same verdict.
 */
public final class Classifier {

    // Reply prefixes of common mail clients: English, German, Nordic, Dutch, Italian, French, Polish, Chinese.
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*(re|aw|sv|vs|antw|antwort|r|rif|réf|odp|回复|回覆|答复)\\s*(\\[\\d+\\])?\\s*[:：]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // Any one of these makes bytes a message worth reading; garbage has none.
    private static final List<String> MAIL_HEADERS = List.of("from", "to", "subject", "date", "message-id",
            "received", "return-path", "content-type", "mime-version", "delivered-to");

    private final Set<String> ownAddresses;

    /** @param ownAddresses the addresses we send from, in any case */
    public Classifier(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream()
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Never throws for bad input: unparseable mail gives UNRELATED with a reason saying why. */
    public Verdict classify(byte[] rawMessage) {
        MailContent m;
        try {
            m = MailReader.read(rawMessage == null ? new byte[0] : rawMessage);
        } catch (Exception | StackOverflowError e) {
            // Java's regex engine recurses per repetition, so pathological text can overflow the stack.
            return Verdict.of(MessageKind.UNRELATED, "unreadable message: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (MAIL_HEADERS.stream().noneMatch(m.headers().headers()::containsKey)) {
            return Verdict.of(MessageKind.UNRELATED,
                    "not a mail message: no From, To, Subject, Date or Message-ID header");
        }
        try {
            return decide(m);
        } catch (RuntimeException | StackOverflowError e) {
            return Verdict.of(MessageKind.UNRELATED, "could not be classified: " + e.getClass().getSimpleName());
        }
    }

    private Verdict decide(MailContent m) {
        return ownMessage(m)
                // Boxbe sends its challenges as delivery-status reports: the vendor's mark must win over "failed".
                .or(() -> Challenges.fromVendor(m))
                .or(() -> Bounces.detect(m))
                .or(() -> complaint(m))
                .or(() -> Notices.detect(m))
                .or(() -> Challenges.fromWording(m))
                .or(() -> AutoReplies.detect(m))
                .or(() -> list(m))
                .or(() -> humanReply(m))
                .orElseGet(() -> unrelated(m));
    }

    private static Verdict unrelated(MailContent m) {
        String skipped = m.skipped().isEmpty() ? "" : " (unreadable parts skipped: " + String.join(", ", m.skipped()) + ")";
        return Verdict.of(MessageKind.UNRELATED, "not a reply and no sign of a program" + skipped);
    }

    private Optional<Verdict> ownMessage(MailContent m) {
        String from = m.headers().from();
        return from != null && ownAddresses.contains(from)
                ? Optional.of(Verdict.of(MessageKind.OWN_MESSAGE, "From: " + from + " is one of our addresses"))
                : Optional.empty();
    }

    // RFC 5965: multipart/report; report-type=feedback-report with a message/feedback-report part.
    private static Optional<Verdict> complaint(MailContent m) {
        if (!"feedback-report".equals(m.reportType()) && m.feedback().isEmpty()) {
            return Optional.empty();
        }
        String type = m.feedback().get("feedback-type");
        String recipient = ReportFields.address(m.feedback().get("original-rcpt-to"));
        return Optional.of(new Verdict(MessageKind.COMPLAINT, null, null, recipient, null,
                m.originalMessageId().orElse(null),
                "multipart/report feedback-report" + (type == null ? "" : ", Feedback-Type: " + type)));
    }

    private static Optional<Verdict> list(MailContent m) {
        return AutomaticMail.bulk(m.headers()).map(why -> Verdict.of(MessageKind.LIST, why + ", not a reply"));
    }

    private static Optional<Verdict> humanReply(MailContent m) {
        InboundEmail h = m.headers();
        if (!h.inReplyTo().isEmpty()) {
            return Optional.of(Verdict.of(MessageKind.HUMAN_REPLY, "In-Reply-To: <" + h.inReplyTo().get(0) + ">"));
        }
        if (!h.references().isEmpty()) {
            return Optional.of(Verdict.of(MessageKind.HUMAN_REPLY, "References: <" + h.references().get(0) + ">"));
        }
        return REPLY_PREFIX.matcher(m.subject()).find()
                ? Optional.of(Verdict.of(MessageKind.HUMAN_REPLY, "subject \"" + m.subject() + "\" is a reply"))
                : Optional.empty();
    }
}
