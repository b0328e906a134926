package dev.nudge.mail.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Says when a message is plainly machine-made, from its headers alone.
 *
 * <p>Only strong signals count. Calling a person's reply automatic means
 * following up on someone who already answered, which is worse than the
 * opposite mistake, so weak hints stay out: Outlook puts
 * {@code X-Auto-Response-Suppress} on ordinary human mail, and list headers
 * are ignored on a message that replies into a thread.
 *
 * <p>The {@link Classifier} reads the same signals one by one to tell bounces,
 * auto-replies and list mail apart; this class keeps them in one place.
 */
public final class AutomaticMail {

    private static final Set<String> PRECEDENCE_AUTOMATIC = Set.of("auto_reply", "bulk", "junk");
    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");

    private AutomaticMail() {
    }

    /** Why the message is automatic, e.g. "Auto-Submitted: auto-replied"; empty for mail a person may have written. */
    public static Optional<String> reason(InboundEmail m) {
        return autoSubmitted(m)
                .or(() -> present(m, "X-Autoreply"))
                .or(() -> present(m, "X-Autorespond"))
                // Exchange names the agent that generated the message: mailbox rules, transport rules, journaling.
                .or(() -> present(m, "X-MS-Exchange-Generated-Message-Source"))
                .or(() -> present(m, "X-Failed-Recipients"))
                .or(() -> nullReturnPath(m))
                .or(() -> systemSender(m))
                .or(() -> deliveryReport(m))
                .or(() -> precedence(m))
                .or(() -> mailingList(m));
    }

    // Headers only programs set: RFC 3834 Auto-Submitted, X-Autoreply, Exchange's agent name, Precedence.
    static Optional<String> autoReplyHeader(InboundEmail m) {
        return autoSubmitted(m)
                .or(() -> present(m, "X-Autoreply"))
                .or(() -> present(m, "X-Autorespond"))
                .or(() -> present(m, "X-MS-Exchange-Generated-Message-Source"))
                .or(() -> precedenceIn(m, "auto_reply"));
    }

    // List or bulk headers on a message that does not reply into a thread.
    static Optional<String> bulk(InboundEmail m) {
        if (repliesInThread(m)) {
            return Optional.empty();
        }
        return precedenceIn(m, "bulk", "list", "junk").or(() -> mailingList(m));
    }

    // The null reverse-path, in Return-Path or (from some mail systems) in From.
    static boolean nullSender(InboundEmail m) {
        String from = m.header("From");
        return nullReturnPath(m).isPresent() || (from != null && from.replaceAll("\\s", "").equals("<>"));
    }

    // RFC 3834: any value but "no" marks a message sent by a program.
    static Optional<String> autoSubmitted(InboundEmail m) {
        String value = m.header("Auto-Submitted");
        if (value == null || firstToken(value).equals("no") || firstToken(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Auto-Submitted: " + value);
    }

    private static Optional<String> present(InboundEmail m, String name) {
        String value = m.header(name);
        if (value == null || Set.of("no", "false").contains(firstToken(value))) {
            return Optional.empty();
        }
        return Optional.of(name + ": " + value);
    }

    // The null reverse-path "<>" is what bounces and RFC 3834 auto-replies use; people never do.
    private static Optional<String> nullReturnPath(InboundEmail m) {
        String value = m.header("Return-Path");
        return value != null && value.replaceAll("\\s", "").equals("<>")
                ? Optional.of("Return-Path: <>")
                : Optional.empty();
    }

    // Mail from the mail system itself: MAILER-DAEMON, postmaster, Exchange's "MicrosoftExchange..." sender.
    static Optional<String> systemSender(InboundEmail m) {
        String from = m.from();
        int at = from == null ? -1 : from.indexOf('@');
        String local = at < 0 ? from : from.substring(0, at);
        return local != null && (SYSTEM_SENDERS.contains(local) || local.startsWith("microsoftexchange"))
                ? Optional.of("From: " + from)
                : Optional.empty();
    }

    static Optional<String> precedenceIn(InboundEmail m, String... tokens) {
        String value = m.header("Precedence");
        return value != null && Set.of(tokens).contains(firstToken(value))
                ? Optional.of("Precedence: " + value)
                : Optional.empty();
    }

    // multipart/report carries delivery status and read receipts (RFC 6522).
    private static Optional<String> deliveryReport(InboundEmail m) {
        String type = m.header("Content-Type");
        return type != null && firstToken(type).equals("multipart/report")
                ? Optional.of("Content-Type: multipart/report")
                : Optional.empty();
    }

    private static Optional<String> precedence(InboundEmail m) {
        String value = m.header("Precedence");
        if (value == null) {
            return Optional.empty();
        }
        String token = firstToken(value);
        boolean automatic = PRECEDENCE_AUTOMATIC.contains(token) || (token.equals("list") && !repliesInThread(m));
        return automatic ? Optional.of("Precedence: " + value) : Optional.empty();
    }

    // A newsletter or list post; but a person may answer us through a list
    // they copied, and that message replies into the thread.
    private static Optional<String> mailingList(InboundEmail m) {
        if (repliesInThread(m)) {
            return Optional.empty();
        }
        for (String name : List.of("List-Id", "List-Unsubscribe")) {
            if (m.header(name) != null) {
                return Optional.of(name + " present (bulk mail)");
            }
        }
        return Optional.empty();
    }

    private static boolean repliesInThread(InboundEmail m) {
        return !m.inReplyTo().isEmpty() || !m.references().isEmpty();
    }

    private static String firstToken(String value) {
        String head = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        int space = head.indexOf(' ');
        return space < 0 ? head : head.substring(0, space);
    }
}
