package dev.nudge.mail.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bounce that is not a standard report, or the human part of one that is:
 * where the mail system's own words end, whom it failed to reach, and the id of the
 * message it quotes. Only about half of real bounces are RFC 3464 reports.
 */
final class BounceText {

    // Lines after which mail systems quote the returned message (qmail, Exim, sendmail, Postfix, Exchange, ...).
    private static final Pattern QUOTE_START = Pattern.compile("(?im)^.*(below this line is a copy of the message"
            + "|this is a copy of (the|your) message|original message follows|message headers? follows?"
            + "|original message headers|^[ \\t]*-+ ?original message ?-+|unsent message below"
            + "|header of the original message).*$");

    // Wording of the mail systems that write plain-text bounces.
    private static final Pattern MAIL_SYSTEM_WORDS = Pattern.compile(String.join("|",
            "this is the qmail-send program", "wasn't able to deliver your message",
            "created automatically by mail delivery software", "could not be delivered to one or more",
            "permanent fatal errors", "transcript of session follows", "this is the mail system at host",
            "your message could not be delivered", "message could not be delivered",
            "did not reach (some or all of )?the (intended|following) recipient", "delivery has failed to these",
            "delivery to the following recipients? failed", "was not delivered to", "was undeliverable",
            "mail to the following recipients could not be delivered", "message non-deliverable",
            "this is a permanent error", "undeliverable"));

    // An angle-bracketed address opening a line, as qmail and Postfix list failed recipients.
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s*<([^<>\\s@]+@[^<>\\s]+)>\\s*:");
    private static final Pattern AFTER_INTRO = Pattern.compile("(?is)(address\\(es\\) failed|permanent fatal errors"
            + "|following recipients?(\\(s\\))?|was not delivered to|undeliverable to the following"
            + "|following addresses|could not be delivered to|recipient\\(s\\)\\s*:|addressed to\\s*:)"
            + "[^@]{0,300}?(?<address>[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)+)");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern QUOTED_ID =
            Pattern.compile("(?im)^[ \\t>]*message-id:\\s*<?([^\\s<>]+@[^\\s<>]+?)>?\\s*$");
    private static final Set<String> SYSTEM_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "root");

    private BounceText() {
    }

    // The mail system's own words: the text up to where it starts quoting the returned message.
    static String notice(String text) {
        Matcher m = QUOTE_START.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    static boolean soundsLikeMailSystem(String text) {
        return MAIL_SYSTEM_WORDS.matcher(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).find();
    }

    // The failed address a notice names, skipping our own addresses and the mail system's.
    static String recipient(String notice, Set<String> ours) {
        for (Pattern p : new Pattern[] {LISTED, AFTER_INTRO, ADDRESS}) {
            Matcher m = p.matcher(notice);
            while (m.find()) {
                String found = (p == AFTER_INTRO ? m.group("address") : p == LISTED ? m.group(1) : m.group())
                        .toLowerCase(Locale.ROOT).replaceAll("[.]+$", "");
                if (!ours.contains(found) && !SYSTEM_LOCAL_PARTS.contains(found.substring(0, found.indexOf('@')))) {
                    return found;
                }
            }
        }
        return null;
    }

    // The Message-ID of a returned message quoted in the text, without brackets.
    static String quotedMessageId(String text) {
        Matcher m = QUOTED_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
