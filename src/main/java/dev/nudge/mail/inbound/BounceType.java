package dev.nudge.mail.inbound;

/** Whether a bounce means the address is gone for good. */
public enum BounceType {
    /** The mailbox or its domain does not exist (any more). */
    HARD,
    /** Anything that may work later or that we cannot tell: full mailbox, size, spam filters, relaying. */
    SOFT
}
