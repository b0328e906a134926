package dev.nudge.config;

import dev.nudge.NudgeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured sender mailboxes, by name. */
public final class Mailboxes {

    private final Map<String, MailboxConfig> byName = new LinkedHashMap<>();

    public Mailboxes(List<MailboxConfig> mailboxes) {
        mailboxes.forEach(m -> byName.put(m.name(), m));
    }

    public MailboxConfig get(String name) {
        MailboxConfig m = byName.get(name);
        if (m == null) {
            throw new NudgeException.NotFound("Mailbox not found (mailbox: " + name + ")");
        }
        return m;
    }

    public List<MailboxConfig> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
