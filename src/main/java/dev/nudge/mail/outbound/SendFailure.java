package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;

/** A send the server refused or that could not complete, sorted by what it means for us. */
public class SendFailure extends NudgeException {

    public enum Kind {
        /** 4xx, a dropped or timed-out connection: try the same step again later. */
        TRANSIENT,
        /** 5xx for this recipient: this contact cannot be reached. */
        RECIPIENT_REJECTED,
        /** Authentication failed or a sending quota is hit: the whole mailbox must wait. */
        MAILBOX_BLOCKED,
        /**
         * The connection was lost after the whole message was written: it may or
         * may not have been delivered, so it must not be resent without asking.
         */
        UNKNOWN_OUTCOME
    }

    private final Kind kind;

    public SendFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
