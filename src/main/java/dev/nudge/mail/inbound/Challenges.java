package dev.nudge.mail.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Challenge/response filters: the recipient's system holds our message until we prove
 * we are a person. They often answer "RE: ..." like a person, and Boxbe wraps its
 * challenge in a delivery-status report, so vendor marks are checked before bounces.
 */
final class Challenges {

    private static final Pattern VENDOR_DOMAIN = Pattern.compile("@(?:[\\w-]+\\.)*(?:boxbe|spamarrest)\\.com$");

    private static final Pattern WORDING = Pattern.compile(String.join("|",
            "verify (that )?you( are|'re) (a )?(human|real person)", "prove (that )?you are (a )?(human|real person)",
            "confirm (that )?you( are|'re) (a )?(human|real person)", "challenge[-/ ]response",
            "spam ?arrest", "boxbe", "sender not pre-approved", "this account is protected by",
            "to have your (e-?mail )?address added to", "add yourself to my",
            "added to my (approved|allowed|safe) senders?", "(approved|allowed) senders? list",
            "recipient's allowed list", "your message (has been|is being) held until", "has been waitlisted",
            "i use a challenge"));

    private Challenges() {
    }

    // Marks only a challenge vendor leaves: its headers, its sender domain, its report code.
    static Optional<Verdict> fromVendor(MailContent m) {
        InboundEmail h = m.headers();
        if (h.header("X-Bluebottle-Request") != null) {
            return challenge("X-Bluebottle-Request header (Bluebottle challenge)");
        }
        if (h.from() != null && VENDOR_DOMAIN.matcher(h.from()).find()) {
            return challenge("From: " + h.from() + " (a challenge/response service)");
        }
        boolean boxbeReport = m.recipients().stream()
                .anyMatch(r -> r.diagnostic() != null && r.diagnostic().toLowerCase(Locale.ROOT).startsWith("x-boxbe"));
        if (boxbeReport) {
            return challenge("delivery-status report from Boxbe's challenge service");
        }
        String agent = h.header("X-Delivery-Agent");
        // TMDA also stamps ordinary mail its users send; only its confirmation requests carry its Message-ID.
        if (agent != null && agent.startsWith("TMDA") && h.messageId() != null && h.messageId().contains(".TMDA@")) {
            return challenge("TMDA confirmation request (X-Delivery-Agent: " + agent + ")");
        }
        return Optional.empty();
    }

    static Optional<Verdict> fromWording(MailContent m) {
        String words = (m.subject() + "\n" + m.text()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        var match = WORDING.matcher(words);
        return match.find() ? challenge("challenge/response wording: \"" + match.group() + "\"") : Optional.empty();
    }

    private static Optional<Verdict> challenge(String reason) {
        return Optional.of(Verdict.of(MessageKind.CHALLENGE, reason));
    }
}
