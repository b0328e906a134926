package dev.nudge.mail.inbound;

import dev.nudge.config.MailboxConfig;

/**
 * The seam to the incoming mail server. Implementations only read: they never
 * change a flag or move a message.
 */
public interface Mailbox {

    /** Opens one connection that a sync run reuses for all its folders. */
    Connection connect(MailboxConfig mailbox);

    interface Connection extends AutoCloseable {

        /**
         * Headers of the messages above {@code lastUid}. When the folder's
         * UIDVALIDITY differs from {@code knownUidValidity} the old UIDs mean
         * nothing, so every message in the folder is returned (up to
         * {@code max}) and the caller de-duplicates by Message-ID.
         *
         * @param knownUidValidity 0 when the folder was never synced
         * @param max              the most messages to return; the rest come next time
         */
        FolderBatch fetchNew(String folder, long knownUidValidity, long lastUid, int max);

        @Override
        void close();
    }
}
