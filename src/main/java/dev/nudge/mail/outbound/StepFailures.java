package dev.nudge.mail.outbound;

import dev.nudge.enrollment.EnrollmentRepository;
import java.sql.SQLException;

/** Tells a failure of one step's own data from a failure of the database or the mailbox. */
final class StepFailures {

    /** Room for the rest of a hold reason in the 2000 characters of status_reason. */
    private static final int MAX_DESCRIPTION = 1500;

    private StepFailures() {
    }

    /**
     * True when retrying the same step could only fail the same way while other steps may
     * well succeed: SQL data exceptions (class 22: a value too long, out of range, malformed)
     * and integrity violations (class 23), and any failure that is not the database's at all.
     * A lost connection, a lock timeout or a closed pool belongs to the whole mailbox.
     */
    static boolean belongsToStep(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        return true;
    }

    /** One line for the hold reason: the innermost message, which names the column or the value. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return EnrollmentRepository.truncate(oneLine, MAX_DESCRIPTION);
    }
}
