package dev.nudge.mail.inbound;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Which folder the configured name {@code \Junk} means on a server. Replies
 * land in the junk folder often enough (a first reply from a new address, a
 * link in the signature) that watching it is worth a config line, but its
 * name differs from server to server.
 */
final class JunkFolder {

    /** The configured folder name that stands for the server's junk folder. */
    static final String NAME = "\\Junk";

    /** Names tried in this order when no folder carries the special-use attribute {@code \Junk}. */
    static final List<String> FALLBACK_NAMES = List.of(
            "Junk", "Spam", "[Gmail]/Spam", "Junk E-mail", "Junk Email", "INBOX.Junk", "INBOX.Spam");

    private static final String JUNK_ATTRIBUTE = "\\junk";
    private static final Set<String> NOT_SELECTABLE = Set.of("\\noselect", "\\nonexistent");

    private JunkFolder() {
    }

    /** True when a configured folder name asks for the junk folder rather than naming one. */
    static boolean isJunk(String configured) {
        return NAME.equalsIgnoreCase(configured);
    }

    /**
     * A folder as LIST reported it.
     *
     * @param attributes the LIST attributes, e.g. {@code \Junk}, {@code \HasNoChildren}
     */
    record Listed(String name, List<String> attributes) {

        boolean has(String attribute) {
            return attributes.stream().anyMatch(attribute::equalsIgnoreCase);
        }

        boolean selectable() {
            return NOT_SELECTABLE.stream().noneMatch(this::has);
        }
    }

    /** The junk folder among {@code folders}: the special-use one, else the first fallback name found. */
    static Optional<String> choose(List<Listed> folders) {
        List<Listed> selectable = folders.stream().filter(Listed::selectable).toList();
        Optional<String> marked = selectable.stream().filter(f -> f.has(JUNK_ATTRIBUTE)).map(Listed::name).findFirst();
        if (marked.isPresent()) {
            return marked;
        }
        // Names compare without case: servers differ ("Spam", "SPAM") and none keeps two of them.
        return FALLBACK_NAMES.stream()
                .flatMap(candidate -> selectable.stream().filter(f -> f.name().equalsIgnoreCase(candidate)))
                .map(Listed::name)
                .findFirst();
    }

    /**
     * Lists every folder once. Servers with RFC 6154 put the special-use
     * attributes into the plain LIST answer, which Angus Mail keeps per folder.
     */
    static Optional<String> find(Store store) throws MessagingException {
        List<Listed> listed = new ArrayList<>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            String[] attributes = f instanceof IMAPFolder imap ? imap.getAttributes() : new String[0];
            listed.add(new Listed(f.getFullName(), List.of(attributes)));
        }
        return choose(listed);
    }
}
