package dev.nudge.enrollment;

import java.time.Instant;

/** An address Nudge must never write to again, and why. */
public record Suppression(String address, Reason reason, String detail, Instant since) {

    /** The table's CHECK constraint lists the same names. */
    public enum Reason { UNSUBSCRIBED, HARD_BOUNCE, COMPLAINT, MANUAL }

    public String describe() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " since " + since + ": " + detail;
    }
}
