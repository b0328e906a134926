package dev.nudge;

/**
 * The root of Nudge's own errors. Messages name the thing and its id, so that a
 * user reading a log line or a CLI error knows what to look at.
 */
public class NudgeException extends RuntimeException {

    public NudgeException(String message) {
        super(message);
    }

    public NudgeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Something asked for by id, address or name does not exist. */
    public static class NotFound extends NudgeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request is well formed but clashes with the current state. */
    public static class Conflict extends NudgeException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The input is malformed; the message says what and how to fix it. */
    public static class InvalidInput extends NudgeException {
        public InvalidInput(String message) {
            super(message);
        }
    }
}
