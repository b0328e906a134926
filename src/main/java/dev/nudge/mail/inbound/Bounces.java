package dev.nudge.mail.inbound;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a bounce and reads what failed: a standard delivery-status report first,
 * then the signs other mail systems leave (X-Failed-Recipients, Exchange headers, a
 * mail-system sender, a null sender with a bounce subject, mail-system wording).
 */
final class Bounces {

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(String.join("|",
            "undeliverable", "undelivered", "delivery status notification \\(failure\\)", "mail delivery failed",
            "delivery failure", "delivery failed", "returned mail", "failure notice", "mail delivery problem",
            "non[- ]?delivery", "could not be delivered", "delivery has failed", "returned to sender",
            // German, German, French, Italian, Dutch, Dutch: Outlook's and others' subjects for the same.
            "unzustellbar", "nicht zustellbar", "non remis", "non recapitabile", "onbestelbaar", "niet bezorgd"));

    private static final int REASON_QUOTE = 80;

    private Bounces() {
    }

    static Optional<Verdict> detect(MailContent m) {
        List<DeliveryStatus.Recipient> recipients = m.recipients();
        if (!recipients.isEmpty()) {
            // A standard report says itself what happened; delays and successes are no bounce.
            return recipients.stream().filter(DeliveryStatus.Recipient::failed).findFirst()
                    .map(r -> fromReport(m, r));
        }
        if (Notices.subjectSaysNoFailure(m.subject())) {
            return Optional.empty();
        }
        return evidence(m).map(why -> fromText(m, why));
    }

    private static Verdict fromReport(MailContent m, DeliveryStatus.Recipient r) {
        String notice = BounceText.notice(m.text());
        String status = refine(r.status(), r.diagnostic() != null ? r.diagnostic() : notice);
        String recipient = r.address() != null ? r.address() : failedRecipientHeader(m);
        if (recipient == null) {
            recipient = BounceText.recipient(notice, ourAddresses(m));
        }
        BounceType type = BounceSeverity.of(status, severityText(r, notice));
        String part = m.type().equals("multipart/report") ? "multipart/report delivery-status" : "delivery-status part";
        String reason = part + ", Action: " + (r.action() == null ? "(none)" : r.action())
                + (status == null ? "" : ", Status: " + status)
                + (r.diagnostic() == null ? "" : ", Diagnostic-Code: \"" + shorten(r.diagnostic()) + "\"");
        return new Verdict(MessageKind.BOUNCE, type, status, recipient, null, originalId(m), reason);
    }

    private static Verdict fromText(MailContent m, String why) {
        String notice = BounceText.notice(m.text());
        String status = DeliveryStatus.enhancedCode(notice);
        String recipient = failedRecipientHeader(m);
        if (recipient == null) {
            recipient = BounceText.recipient(notice, ourAddresses(m));
        }
        String reason = why + (status == null ? "" : ", status " + status + " in the text");
        return new Verdict(MessageKind.BOUNCE, BounceSeverity.of(status, notice), status, recipient, null,
                originalId(m), reason);
    }

    private static Optional<String> evidence(MailContent m) {
        InboundEmail h = m.headers();
        String failed = failedRecipientHeader(m);
        if (failed != null) {
            return Optional.of("X-Failed-Recipients: " + failed);
        }
        return exchangeReport(h)
                .or(() -> AutomaticMail.systemSender(h).map(from -> from + " (the mail system)"
                        + (bounceSubject(m) ? "; subject \"" + m.subject() + "\"" : "")))
                .or(() -> AutomaticMail.nullSender(h) && bounceSubject(m)
                        ? Optional.of("null sender; subject \"" + m.subject() + "\"")
                        : Optional.empty())
                .or(() -> wordedLikeBounce(m));
    }

    private static Optional<String> exchangeReport(InboundEmail h) {
        for (String name : List.of("X-MS-Exchange-Message-Is-Ndr", "X-MS-Embedded-Report")) {
            if (h.header(name) != null) {
                return Optional.of("Exchange non-delivery report (" + name + ")");
            }
        }
        return "urn:content-classes:dsn".equalsIgnoreCase(String.valueOf(h.header("Content-Class")).strip())
                ? Optional.of("Exchange non-delivery report (content-class: urn:content-classes:dsn)")
                : Optional.empty();
    }

    // A bounce from a mail system that leaves no header trace (warning-5 of the corpus: From "<>", no
    // subject, "not a valid user"). An out-of-office saying "no longer with the company" is no bounce.
    private static Optional<String> wordedLikeBounce(MailContent m) {
        InboundEmail h = m.headers();
        if (AutoReplies.subjectMarker(m.subject()).isPresent()) {
            return Optional.empty();
        }
        boolean automated = AutomaticMail.nullSender(h) || AutomaticMail.autoSubmitted(h).isPresent();
        String notice = BounceText.notice(m.text());
        boolean worded = BounceText.soundsLikeMailSystem(notice)
                || (automated && BounceSeverity.saysAddressIsDead(notice));
        if (!worded || !(automated || bounceSubject(m))) {
            return Optional.empty();
        }
        return Optional.of((automated ? "automated message" : "subject \"" + m.subject() + "\"")
                + " worded like a mail system's bounce");
    }

    private static boolean bounceSubject(MailContent m) {
        return BOUNCE_SUBJECT.matcher(m.subject().toLowerCase(Locale.ROOT)).find();
    }

    // The diagnostic is the remote server's own words. Without one, a specific Status speaks
    // for itself: the notice around it carries virus-scanner footers full of "spam".
    private static String severityText(DeliveryStatus.Recipient r, String notice) {
        if (r.diagnostic() != null) {
            return r.diagnostic();
        }
        return r.status() != null && !r.status().endsWith(".0.0") ? "" : notice;
    }

    // A report's Status is often a vague x.0.0 while its diagnostic names the exact code.
    private static String refine(String status, String text) {
        String inText = DeliveryStatus.enhancedCode(text);
        if (status == null) {
            return inText;
        }
        boolean vague = status.endsWith(".0.0");
        return vague && inText != null && inText.charAt(0) == status.charAt(0) ? inText : status;
    }

    private static String failedRecipientHeader(MailContent m) {
        String value = m.headers().header("X-Failed-Recipients");
        return value == null ? null : ReportFields.address(value.split(",")[0]);
    }

    private static String originalId(MailContent m) {
        return m.originalMessageId().orElseGet(() -> BounceText.quotedMessageId(m.text()));
    }

    // The bounce is addressed to us: those addresses are not the one that failed.
    private static Set<String> ourAddresses(MailContent m) {
        Set<String> ours = new HashSet<>();
        for (String name : List.of("To", "Delivered-To", "X-Original-To", "Return-Path", "From", "Envelope-To")) {
            String address = InboundEmails.bareAddress(m.headers().header(name));
            if (address != null) {
                ours.add(address);
            }
        }
        return ours;
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= REASON_QUOTE ? flat : flat.substring(0, REASON_QUOTE - 1) + "…";
    }
}
