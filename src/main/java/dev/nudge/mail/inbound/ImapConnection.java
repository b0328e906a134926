package dev.nudge.mail.inbound;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One IMAP login that a sync run reuses for all its folders, keeping the last one open. Not thread-safe. */
final class ImapConnection implements Mailbox.Connection {

    private static final Logger log = LoggerFactory.getLogger(ImapConnection.class);

    private final MailboxConfig mailbox;
    private final Store store;
    private List<SpecialFolder.Listed> listed;
    private IMAPFolder open;
    private String openName;

    ImapConnection(MailboxConfig mailbox, Store store) {
        this.mailbox = mailbox;
        this.store = store;
    }

    @Override
    public FolderBatch fetchNew(String folderName, long knownUidValidity, long lastUid, int max) {
        IMAPFolder folder = openReadOnly(folderName);
        if (folder == null) {
            return missing(folderName);
        }
        try {
            return read(folder, folderName, knownUidValidity, lastUid, max);
        } catch (MessagingException e) {
            throw failure("Cannot read folder " + folderName, e);
        }
    }

    @Override
    public byte[] fetchRaw(String folderName, long uidValidity, long uid, int maxBytes) {
        IMAPFolder folder = openReadOnly(folderName);
        if (folder == null) {
            return null;
        }
        try {
            // Another UIDVALIDITY means this UID may name a different message now.
            return folder.getUIDValidity() == uidValidity ? RawMessage.read(folder, uid, maxBytes) : null;
        } catch (MessageRemovedException e) {
            return null;
        } catch (MessagingException | IOException e) {
            throw failure("Cannot read message uid " + uid + " in folder " + folderName, e);
        }
    }

    @Override
    public boolean containsMessageId(String folderName, String messageId) {
        IMAPFolder folder = openReadOnly(folderName);
        if (folder == null) {
            return false;
        }
        String wanted = "<" + messageId + ">";
        try {
            // SEARCH matches a substring; the exact header is compared on what it found.
            for (Message m : folder.search(new HeaderTerm("Message-ID", wanted))) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && List.of(ids).stream().anyMatch(id -> id.strip().equals(wanted))) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw failure("Cannot search folder " + folderName, e);
        }
    }

    @Override
    public boolean appendSeen(String folderName, byte[] rfc822) {
        try {
            IMAPFolder folder = existing(folderName);
            if (folder == null) {
                return false;
            }
            MimeMessage copy = new MimeMessage(null, new ByteArrayInputStream(rfc822));
            copy.setFlag(Flags.Flag.SEEN, true);
            // APPEND needs no selected folder, so the folder is never opened for writing.
            folder.appendMessages(new Message[] {copy});
            return true;
        } catch (MessagingException e) {
            throw failure("Cannot append to folder " + folderName, e);
        }
    }

    // The folder opened read-only, or null when it does not exist (or, for \Junk, the server has none).
    // The folder stays open for the rest of the connection: reopening it for every message that is
    // downloaded cost a LIST, an EXAMINE and a CLOSE each, and the UIDs it already knows would be
    // fetched again.
    private IMAPFolder openReadOnly(String folderName) {
        if (open != null && folderName.equals(openName) && open.isOpen()) {
            return open;
        }
        closeOpenFolder();
        try {
            IMAPFolder folder = existing(folderName);
            if (folder != null) {
                folder.open(Folder.READ_ONLY);
                open = folder;
                openName = folderName;
            }
            return folder;
        } catch (FolderNotFoundException e) {
            return null;
        } catch (MessagingException e) {
            throw failure("Cannot open folder " + folderName, e);
        }
    }

    private void closeOpenFolder() {
        if (open != null) {
            ImapMailbox.closeQuietly(open, mailbox);
            open = null;
            openName = null;
        }
    }

    private IMAPFolder existing(String folderName) throws MessagingException {
        String serverName = serverName(folderName);
        if (serverName == null) {
            return null;
        }
        IMAPFolder folder = (IMAPFolder) store.getFolder(serverName);
        return folder.exists() ? folder : null;
    }

    // Folders are listed once per connection: a LIST of every folder is not free.
    private String serverName(String configured) throws MessagingException {
        Optional<SpecialFolder> special = SpecialFolder.named(configured);
        if (special.isEmpty()) {
            return configured;
        }
        if (listed == null) {
            listed = SpecialFolder.list(store);
        }
        Optional<String> found = special.get().choose(listed);
        log.debug("special folder mailbox={} name={} folder={}", mailbox.name(), configured, found.orElse("(none)"));
        return found.orElse(null);
    }

    private FolderBatch read(IMAPFolder folder, String folderName, long knownUidValidity, long lastUid, int max)
            throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        // A new UIDVALIDITY means the old UIDs name other messages now: start over.
        long firstUid = uidValidity == knownUidValidity ? lastUid + 1 : 1;
        Message[] fresh = newest(folder, firstUid, max);
        folder.fetch(fresh, headersAndSize());
        List<InboundEmail> emails = new ArrayList<>();
        List<FolderBatch.Unreadable> unreadable = new ArrayList<>();
        for (Message m : fresh) {
            long uid = folder.getUID(m);
            try {
                emails.add(InboundEmails.fromHeaders(uid, ((IMAPMessage) m).getSizeLong(), m.getAllHeaders()));
            } catch (MessagingException | RuntimeException e) {
                // One broken message must not stop the sync; the caller records it and moves on.
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                unreadable.add(new FolderBatch.Unreadable(uid, reason));
            }
        }
        log.debug("IMAP fetch mailbox={} folder={} uidValidity={} fromUid={} found={} unreadable={}",
                mailbox.name(), folderName, uidValidity, firstUid, emails.size(), unreadable.size());
        return new FolderBatch(folderName, uidValidity, List.copyOf(emails), List.copyOf(unreadable));
    }

    // "UID FETCH n:*" always answers with the newest message, even when its
    // UID is below n, so UIDs under firstUid are dropped here.
    private static Message[] newest(IMAPFolder folder, long firstUid, int max) throws MessagingException {
        Message[] found = folder.getMessagesByUID(firstUid, UIDFolder.LASTUID);
        List<UidMessage> fresh = new ArrayList<>();
        for (Message m : found) {
            if (m != null) {
                long uid = folder.getUID(m);
                if (uid >= firstUid) {
                    fresh.add(new UidMessage(uid, m));
                }
            }
        }
        return fresh.stream()
                .sorted(Comparator.comparingLong(UidMessage::uid))
                .limit(Math.max(0, max))
                .map(UidMessage::message)
                .toArray(Message[]::new);
    }

    // Headers and RFC822.SIZE only: asking for ENVELOPE costs far more, and Angus's
    // envelope getters (getSubject(), getFrom(), and getSize() without a prefetched
    // size) would issue a FETCH per message.
    private static FetchProfile headersAndSize() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        profile.add(IMAPFolder.FetchProfileItem.SIZE);
        return profile;
    }

    private static FolderBatch missing(String folderName) {
        return new FolderBatch(folderName, 0, List.of(), List.of());
    }

    private NudgeException failure(String what, Exception e) {
        return new NudgeException(what + ImapMailbox.where(mailbox) + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closeOpenFolder();
        ImapMailbox.closeQuietly(store, mailbox);
    }

    private record UidMessage(long uid, Message message) {
        UidMessage {
            Objects.requireNonNull(message);
        }
    }
}
