package dev.nudge.health;

import dev.nudge.enrollment.EnrollmentStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** Gauges over the database, read through the {@link StatusReader}'s cache when scraped. */
public final class StatusGauges {

    public static final String STEPS_DUE = "nudge.steps.due";
    public static final String ENROLLMENTS = "nudge.enrollments";
    public static final String HELD = "nudge.enrollments.held";
    public static final String INBOX_SYNC_AGE = "nudge.inbox.sync.age";
    public static final String SENDS_HELD = "nudge.mailbox.sends.held";

    private StatusGauges() {
    }

    public static void register(MeterRegistry registry, StatusReader reader) {
        for (String mailbox : reader.mailboxes()) {
            Gauge.builder(STEPS_DUE, reader, r -> r.current().dueNow().getOrDefault(mailbox, 0L))
                    .description("Active enrollments whose next step is due now").tag("mailbox", mailbox)
                    .strongReference(true).register(registry);
            Gauge.builder(INBOX_SYNC_AGE, reader, r -> r.current().inboxSyncAgeSeconds(mailbox))
                    .description("Seconds since the inbox was last read in full (NaN: never)").baseUnit("seconds")
                    .tag("mailbox", mailbox).strongReference(true).register(registry);
            Gauge.builder(SENDS_HELD, reader, r -> r.current().sendHolds().containsKey(mailbox) ? 1 : 0)
                    .description("1 while the reply-safety gate holds the mailbox's sends").tag("mailbox", mailbox)
                    .strongReference(true).register(registry);
        }
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            Gauge.builder(ENROLLMENTS, reader, r -> r.current().byStatus().getOrDefault(status.name(), 0L))
                    .description("Enrollments by status").tag("status", lower(status.name()))
                    .strongReference(true).register(registry);
        }
        for (StatusRepository.HeldReason reason : StatusRepository.HeldReason.values()) {
            Gauge.builder(HELD, reader, r -> r.current().heldByReason().getOrDefault(reason.name(), 0L))
                    .description("Held enrollments by the kind of reason").tag("reason", lower(reason.name()))
                    .strongReference(true).register(registry);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
