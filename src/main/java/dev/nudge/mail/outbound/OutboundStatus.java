package dev.nudge.mail.outbound;

/** Where one planned message stands. The table's CHECK constraint lists the same names. */
public enum OutboundStatus {
    /** Committed with its Message-ID before the server was spoken to. */
    SENDING,
    /** The server accepted it. */
    SENT,
    /** The server said "later"; the step keeps its place and is tried again. */
    RETRYING,
    /** The server refused it for good. */
    FAILED,
    /** The send was interrupted and nobody knows whether it left: the user decides. */
    UNCERTAIN,
    /** Was uncertain; the user chose to count the step as not sent and move on. */
    SKIPPED
}
