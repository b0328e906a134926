package dev.nudge.mail.inbound;

import java.util.List;

/**
 * What one fetch found in one folder.
 *
 * @param uidValidity the folder's UIDVALIDITY now
 * @param messages    new messages in UID order; unreadable ones are in {@code unreadable}
 * @param unreadable  UIDs whose headers could not be parsed, with the reason
 */
public record FolderBatch(
        String folder,
        long uidValidity,
        List<InboundEmail> messages,
        List<Unreadable> unreadable) {

    public record Unreadable(long uid, String reason) {
    }

    /** The highest UID this batch saw, readable or not, or {@code floor} if none. */
    public long highestUid(long floor) {
        long max = floor;
        for (InboundEmail m : messages) {
            max = Math.max(max, m.uid());
        }
        for (Unreadable u : unreadable) {
            max = Math.max(max, u.uid());
        }
        return max;
    }
}
