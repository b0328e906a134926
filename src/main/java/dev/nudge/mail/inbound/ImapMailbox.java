package dev.nudge.mail.inbound;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.mail.ServerProperties;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads watched folders over IMAP with Angus Mail. Folders are opened
 * read-only, headers are fetched with their sizes, and whole messages only on
 * request and by peek, so nothing the user sees changes.
 */
public final class ImapMailbox implements Mailbox {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);

    private final Map<String, Object> extraProperties;

    public ImapMailbox() {
        this(Map.of());
    }

    /**
     * @param extraProperties Jakarta Mail session properties added to those of every
     *                        connection; the benchmark passes a socket factory
     *                        ({@code mail.imap.socketFactory}) that counts the bytes read
     */
    public ImapMailbox(Map<String, ?> extraProperties) {
        this.extraProperties = Map.copyOf(extraProperties);
    }

    /**
     * Connects and logs in.
     *
     * @throws NudgeException naming the mailbox and host when that fails
     */
    @Override
    public Connection connect(MailboxConfig mailbox) {
        return new ImapConnection(mailbox, openStore(mailbox, extraProperties));
    }

    /** A logged-in store with every timeout set and reading by peek; shared by the sync and the IDLE watcher. */
    static Store openStore(MailboxConfig mailbox) {
        return openStore(mailbox, Map.of());
    }

    private static Store openStore(MailboxConfig mailbox, Map<String, Object> extraProperties) {
        ServerConfig imap = mailbox.imap();
        String protocol = usesImplicitTls(imap) ? "imaps" : "imap";
        Properties props = ServerProperties.of(protocol, imap);
        // Belt and braces next to the read-only open: never set \Seen by reading.
        props.setProperty("mail." + protocol + ".peek", "true");
        // Objects such as a SocketFactory instance are read by Angus with Properties.get.
        props.putAll(extraProperties);
        Session session = Session.getInstance(props);
        try {
            Store store = session.getStore(protocol);
            store.connect(imap.host(), imap.port(), imap.user(), password(mailbox));
            return store;
        } catch (AuthenticationFailedException e) {
            throw new NudgeException("IMAP login refused" + where(mailbox) + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new NudgeException("Cannot connect to IMAP server" + where(mailbox) + ": " + e.getMessage(), e);
        }
    }

    // Closing is best effort: the server or a lost connection may have closed it already.
    static void closeQuietly(Folder folder, MailboxConfig mailbox) {
        try {
            folder.close(false);
        } catch (MessagingException | RuntimeException e) {
            log.debug("IMAP folder close failed mailbox={} folder={} reason=\"{}\"", mailbox.name(),
                    folder.getFullName(), e.getMessage());
        }
    }

    static void closeQuietly(Store store, MailboxConfig mailbox) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("IMAP close failed mailbox={} reason=\"{}\"", mailbox.name(), e.getMessage());
        }
    }

    static String where(MailboxConfig mailbox) {
        return " (mailbox: " + mailbox.name() + ", host: " + mailbox.imap().host() + ":" + mailbox.imap().port() + ")";
    }

    private static boolean usesImplicitTls(ServerConfig imap) {
        // Same default as ServerProperties: no security named means TLS.
        return imap.security() == null || imap.security() == Security.TLS;
    }

    private static String password(MailboxConfig mailbox) {
        return mailbox.password() == null ? null : mailbox.password().value();
    }
}
