package dev.nudge.enrollment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A contact's history as plain text, the way `nudge show` and the demo print it. */
public final class HistoryText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HistoryText() {
    }

    public static String format(ContactHistory history, ZoneId zone) {
        Contact c = history.contact();
        StringBuilder out = new StringBuilder();
        out.append(c.displayName()).append(" <").append(c.email()).append('>');
        if (c.company() != null) {
            out.append(", ").append(c.company());
        }
        out.append('\n');
        c.fields().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        if (history.enrollments().isEmpty()) {
            out.append("  (not enrolled in any sequence)\n");
        }
        for (ContactHistory.Entry entry : history.enrollments()) {
            Enrollment e = entry.enrollment();
            out.append('\n').append("Enrollment ").append(e.id()).append(" in ").append(e.sequenceName())
                    .append(" (mailbox ").append(e.mailbox()).append("): ").append(status(e, zone)).append('\n');
            for (TimelineEntry t : entry.timeline()) {
                out.append("  ").append(time(t.at(), zone)).append("  ")
                        .append(String.format(Locale.ROOT, "%-10s", t.kind())).append(t.detail()).append('\n');
            }
        }
        return out.toString();
    }

    /** One phrase for an enrollment's state: what happens next, or why nothing will. */
    public static String status(Enrollment e, ZoneId zone) {
        String s = e.status().name().toLowerCase(Locale.ROOT);
        return switch (e.status()) {
            case ACTIVE -> s + ", step " + e.nextStep() + " due " + time(e.nextDueAt(), zone);
            case HELD -> s + " before step " + e.nextStep() + ": " + e.statusReason();
            default -> e.statusReason() == null ? s : s + ": " + e.statusReason();
        };
    }

    public static String time(Instant at, ZoneId zone) {
        return at == null ? "-" : TIME.format(at.atZone(zone));
    }
}
