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
 * A folder every server has under a different name: the junk folder (replies
 * land there often enough to watch it) and the Sent folder (where an
 * interrupted send is looked for). A configured name such as {@code \Junk}
 * stands for it: the folder marked with that RFC 6154 special-use attribute,
 * else the first of a list of common names that exists.
 */
final class SpecialFolder {

    static final SpecialFolder JUNK = new SpecialFolder("\\Junk",
            List.of("Junk", "Spam", "[Gmail]/Spam", "Junk E-mail", "Junk Email", "INBOX.Junk", "INBOX.Spam"));
    static final SpecialFolder SENT = new SpecialFolder("\\Sent",
            List.of("Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail", "INBOX.Sent"));

    private static final List<SpecialFolder> ALL = List.of(JUNK, SENT);
    private static final Set<String> NOT_SELECTABLE = Set.of("\\noselect", "\\nonexistent");

    private final String name;
    private final List<String> fallbackNames;

    private SpecialFolder(String name, List<String> fallbackNames) {
        this.name = name;
        this.fallbackNames = fallbackNames;
    }

    /** The configured name that stands for this folder, which is also its special-use attribute. */
    String name() {
        return name;
    }

    /** Names tried in this order when no folder carries the special-use attribute. */
    List<String> fallbackNames() {
        return fallbackNames;
    }

    /** True when a configured folder name asks for this folder rather than naming one. */
    boolean isNamed(String configured) {
        return name.equalsIgnoreCase(configured);
    }

    /** The special folder a configured name asks for, or empty when it names a folder itself. */
    static Optional<SpecialFolder> named(String configured) {
        return ALL.stream().filter(f -> f.isNamed(configured)).findFirst();
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

    /** This folder among {@code folders}: the special-use one, else the first fallback name found. */
    Optional<String> choose(List<Listed> folders) {
        List<Listed> selectable = folders.stream().filter(Listed::selectable).toList();
        Optional<String> marked = selectable.stream().filter(f -> f.has(name)).map(Listed::name).findFirst();
        if (marked.isPresent()) {
            return marked;
        }
        // Names compare without case: servers differ ("Spam", "SPAM") and none keeps two of them.
        return fallbackNames.stream()
                .flatMap(candidate -> selectable.stream().filter(f -> f.name().equalsIgnoreCase(candidate)))
                .map(Listed::name)
                .findFirst();
    }

    /**
     * Lists every folder once. Servers with RFC 6154 put the special-use
     * attributes into the plain LIST answer, which Angus Mail keeps per folder.
     */
    static List<Listed> list(Store store) throws MessagingException {
        List<Listed> listed = new ArrayList<>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            String[] attributes = f instanceof IMAPFolder imap ? imap.getAttributes() : new String[0];
            listed.add(new Listed(f.getFullName(), List.of(attributes)));
        }
        return listed;
    }

    @Override
    public String toString() {
        return name;
    }
}
