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
        MAILBOX_BLOCKED
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
