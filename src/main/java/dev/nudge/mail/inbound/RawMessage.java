package dev.nudge.mail.inbound;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** Reads one whole message, as the server stores it, from an open folder. */
final class RawMessage {

    private RawMessage() {
    }

    /**
     * The RFC 822 bytes of the message with this UID, or null when there is no
     * such message or it is larger than {@code maxBytes}.
     */
    static byte[] read(IMAPFolder folder, long uid, int maxBytes) throws MessagingException, IOException {
        IMAPMessage message = (IMAPMessage) folder.getMessageByUID(uid);
        if (message == null) {
            return null;
        }
        FetchProfile size = new FetchProfile();
        size.add(IMAPFolder.FetchProfileItem.SIZE);
        folder.fetch(new Message[] {message}, size);
        if (message.getSizeLong() > maxBytes) {
            return null;
        }
        // BODY.PEEK[]: the store already reads by peek, but this read must never set \Seen.
        message.setPeek(true);
        LimitedBuffer out = new LimitedBuffer(maxBytes);
        try {
            // IMAPMessage.writeTo streams BODY[] as stored, not a re-encoding of the parsed parts.
            message.writeTo(out);
        } catch (TooLarge e) {
            return null;
        }
        return out.toByteArray();
    }

    /** Keeps a server that under-reports RFC822.SIZE from filling memory. */
    private static final class LimitedBuffer extends ByteArrayOutputStream {

        private final int limit;

        LimitedBuffer(int limit) {
            super(Math.max(0, Math.min(limit, 64 * 1024)));
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1 > limit) {
                throw new TooLarge();
            }
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if ((long) count + len > limit) {
                throw new TooLarge();
            }
            super.write(b, off, len);
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
