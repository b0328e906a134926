package dev.nudge.mail.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hard or soft: the one place that decides whether a bounce means the address is dead.
 *
 * <p>A hard bounce suppresses the contact for good, so it needs the meaning, not just a
 * 5.x.x code: servers answer 550 or 5.7.1 to spam and policy blocks as readily as to an
 * unknown user. Words about full mailboxes, size, spam, policy and relaying make it soft
 * even next to a "dead address" code; words about a dead mailbox or domain make it hard
 * even under a vague code; a bare code decides only when it names the address itself.
 * Everything else is soft.
 */
final class BounceSeverity {

    // The address or its domain is gone.
    private static final Pattern DEAD = Pattern.compile(String.join("|",
            "user unknown", "unknown user", "unknown recipient", "recipient unknown", "unknown address",
            "address unknown", "mailbox unknown", "unknown mailbox", "unknown or illegal alias",
            "no such (user|recipient|mailbox|account|address|person|domain)",
            "(user|recipient|mailbox|address|account) (was )?not found", "bad recipient", "recipnotfound",
            "no mail ?box", "mailbox (is )?(unavailable|not available)", "not a (known|valid) (user|mailbox|recipient)",
            "(does not|doesn't|doesnt|nie) (exist|istnieje)", "does not have an? (\\w+ )?account",
            "doesn't have an? (\\w+ )?account", "no account by that name", "invalid (recipient|mailbox|address|user)",
            "not an active address", "no longer (on|at|with|active|in use|valid|exists?)", "not our customer",
            "recipient name is not recognized", "not listed in", "disabled", "deactivated", "discontinued",
            "host unknown", "unknown host", "host not found", "domain not found",
            "name or service not known", "domain (does not|doesn't) exist", "unrouteable address", "nxdomain"));

    // May work later, or we were refused for what we sent rather than where.
    private static final Pattern TRANSIENT_OR_POLICY = Pattern.compile(String.join("|",
            "quota", "mailbox (is )?full", "full mailbox", "mailbox size", "too many messages", "disk space",
            "storage", "exceed", "too (large|big)", "size limit", "message size", "spam", "unsolicited",
            "bulk", "mass mail", "junk", "block", "black ?list", "dnsbl", "\\brbl\\b", "reputation", "polic(y|ies)",
            "content (filter|reject)", "\\bube\\b", "not allowed", "not accepting", "refused",
            "relaying", "relay access", "as a relay", "rcpthosts", "\\bspf\\b", "dmarc", "dkim", "authenticat",
            "greylist", "try again", "temporar", "confirmation", "denied"));

    // Codes that name the address itself (RFC 3463): bad mailbox, bad domain, mailbox moved.
    private static final Set<String> DEAD_CODES = Set.of("5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10");

    private BounceSeverity() {
    }

    static BounceType of(String status, String text) {
        String words = normalize(text);
        if (status != null && status.startsWith("4.")) {
            return BounceType.SOFT;
        }
        if (TRANSIENT_OR_POLICY.matcher(words).find()) {
            return BounceType.SOFT;
        }
        if (saysAddressIsDead(words) || (status != null && DEAD_CODES.contains(status))) {
            return BounceType.HARD;
        }
        return BounceType.SOFT;
    }

    // Whether a text says a mailbox or domain does not exist.
    static boolean saysAddressIsDead(String text) {
        return DEAD.matcher(normalize(text)).find();
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }
}
