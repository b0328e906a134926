package dev.nudge.mail.inbound;

/** What an incoming message was taken to be. */
public enum InboundKind {
    /** Sent from one of our own mailboxes (a copy, or our own follow-up). */
    OWN_MESSAGE,
    /** Written by a machine: auto-reply, bounce, list mail. Never counts as a reply. */
    AUTOMATIC,
    /** A person answering a message of ours: the sequence stops. */
    HUMAN_REPLY,
    /** Not about any enrollment. */
    UNRELATED,
    /** Its headers could not be read; recorded and skipped. */
    UNREADABLE
}
