package dev.nudge.health;

import java.util.Map;

/**
 * What {@code /health} says: UP when the database answers and every mailbox can send.
 *
 * @param mailboxes by mailbox name, in configuration order
 */
public record Health(String status, Database database, Map<String, Mailbox> mailboxes) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /** @param error why the database did not answer, or null */
    public record Database(String status, String error) {
    }

    /**
     * @param inboxSyncAgeSeconds seconds since the inbox was last read in full, null if never
     * @param sendsHeld           the reply-safety gate or a refusal by the server holds its sends
     * @param reason              why it is DOWN, or null
     */
    public record Mailbox(String status, Long inboxSyncAgeSeconds, boolean sendsHeld, String reason) {
    }

    public boolean up() {
        return UP.equals(status);
    }
}
