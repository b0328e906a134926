package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.enrollment.Enrollment;
import java.util.Collection;
import java.util.TreeSet;

/** Says when a live enrollment's mailbox is holding all its sends, and why. */
final class MailboxHolds {

    private MailboxHolds() {
    }

    static void print(App app, Collection<Enrollment> shown) {
        TreeSet<String> mailboxes = new TreeSet<>();
        shown.stream().filter(e -> e.status().live()).forEach(e -> mailboxes.add(e.mailbox()));
        for (String mailbox : mailboxes) {
            if (!app.mailboxes().names().contains(mailbox)) {
                System.out.println("Note: mailbox " + mailbox + " is not configured; its enrollments wait.");
                continue;
            }
            app.dispatcher().holdReason(mailbox).ifPresent(reason ->
                    System.out.println("Note: sends from mailbox " + mailbox + " are held: " + reason
                            + (reason.contains("not been read yet") ? " (is `nudge serve` running?)" : "")));
        }
    }
}
