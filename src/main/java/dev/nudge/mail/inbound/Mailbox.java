package dev.nudge.mail.inbound;

import dev.nudge.config.MailboxConfig;

/**
 * The seam to the incoming mail server. Implementations only read: they never
 * change a flag or move a message.
 */
public interface Mailbox {

    /** Opens one connection that a sync run reuses for all its folders. */
    Connection connect(MailboxConfig mailbox);

    /**
     * One login. A folder is named as in the config; the name {@code \Junk}
     * stands for the server's junk folder: the one marked with the RFC 6154
     * special-use attribute {@code \Junk}, else the first that exists of
     * {@link JunkFolder#FALLBACK_NAMES}. When there is none, {@code \Junk}
     * reads as an empty folder.
     */
    interface Connection extends AutoCloseable {

        /**
         * Headers and sizes of the messages above {@code lastUid}. When the folder's
         * UIDVALIDITY differs from {@code knownUidValidity} the old UIDs mean
         * nothing, so every message in the folder is returned (up to
         * {@code max}) and the caller de-duplicates by Message-ID.
         *
         * @param knownUidValidity 0 when the folder was never synced
         * @param max              the most messages to return; the rest come next time
         */
        FolderBatch fetchNew(String folder, long knownUidValidity, long lastUid, int max);

        /**
         * The whole message (RFC 822 bytes) with this UID, or null when it is
         * gone, when the folder's UIDVALIDITY is no longer {@code uidValidity},
         * or when it is larger than {@code maxBytes} (then only its headers are
         * known, from {@link #fetchNew}). Read by peek in a read-only folder:
         * {@code \Seen} is never set.
         */
        byte[] fetchRaw(String folder, long uidValidity, long uid, int maxBytes);

        @Override
        void close();
    }
}
