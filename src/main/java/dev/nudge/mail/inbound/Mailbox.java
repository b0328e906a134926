package dev.nudge.mail.inbound;

import dev.nudge.config.MailboxConfig;

/**
 * The seam to the incoming mail server. Implementations only read: they never
 * change a flag or move a message. The one write is {@link Connection#appendSeen},
 * which files Nudge's own copy of a message it sent.
 */
public interface Mailbox {

    /** Opens one connection that a sync run reuses for all its folders. */
    Connection connect(MailboxConfig mailbox);

    /**
     * One login. A folder is named as in the config; the name {@code \Junk}
     * stands for the server's junk folder: the one marked with the RFC 6154
     * special-use attribute {@code \Junk}, else the first that exists of
     * {@link SpecialFolder#fallbackNames()}. When there is none, {@code \Junk}
     * reads as an empty folder. {@code \Sent} likewise stands for the Sent folder.
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

        /**
         * True when {@code folder} holds a message with this Message-ID (given
         * without angle brackets); false too when the folder does not exist.
         * Searched on the server (IMAP {@code SEARCH HEADER Message-ID}).
         */
        boolean containsMessageId(String folder, String messageId);

        /**
         * Appends {@code rfc822} to {@code folder} with {@code \Seen} set on that
         * copy only.
         *
         * @return false when the folder does not exist, so nothing was appended
         */
        boolean appendSeen(String folder, byte[] rfc822);

        @Override
        void close();
    }
}
