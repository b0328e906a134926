package dev.nudge.mail.inbound;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import dev.nudge.mail.ServerProperties;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * Reads watched folders over IMAP with Angus Mail. Folders are opened
 * read-only and only headers are fetched, so nothing the user sees changes.
 */
public final class ImapMailbox implements Mailbox {

    /**
     * Connects and logs in.
     *
     * @throws NudgeException naming the mailbox and host when that fails
     */
    @Override
    public Connection connect(MailboxConfig mailbox) {
        ServerConfig imap = mailbox.imap();
        String protocol = usesImplicitTls(imap) ? "imaps" : "imap";
        Properties props = ServerProperties.of(protocol, imap);
        // Belt and braces next to the read-only open: never set \Seen by reading.
        props.setProperty("mail." + protocol + ".peek", "true");
        Session session = Session.getInstance(props);
        try {
            Store store = session.getStore(protocol);
            store.connect(imap.host(), imap.port(), imap.user(), password(mailbox));
            return new ImapConnection(mailbox, store);
        } catch (AuthenticationFailedException e) {
            throw new NudgeException("IMAP login refused" + where(mailbox) + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new NudgeException("Cannot connect to IMAP server" + where(mailbox) + ": " + e.getMessage(), e);
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
