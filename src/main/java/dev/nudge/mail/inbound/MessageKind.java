package dev.nudge.mail.inbound;

import java.util.Locale;

/** What an incoming message is, as the {@link Classifier} reads it; declared in the order it checks them. */
public enum MessageKind {
    /** Sent from one of our own addresses. */
    OWN_MESSAGE,
    /** A report that a message of ours could not be delivered. */
    BOUNCE,
    /** A recipient marked our message as spam (an ARF feedback report). */
    COMPLAINT,
    /** A report that changes nothing yet: delivered, relayed, delayed, read. */
    DELIVERY_NOTICE,
    /** A challenge/response filter asking the sender to prove they are a person. */
    CHALLENGE,
    /** A message a program sent in answer, such as an out-of-office note. */
    AUTO_REPLY,
    /** Mailing-list or bulk mail. */
    LIST,
    /** A person's answer to a message. */
    HUMAN_REPLY,
    /** Anything else. */
    UNRELATED;

    /** The name used in JSON output: lower case with underscores, e.g. {@code "auto_reply"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
