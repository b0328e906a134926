package dev.nudge.enrollment;

import java.util.List;

/** Everything Nudge did with one contact and why: what `nudge show` prints. */
public record ContactHistory(Contact contact, List<Entry> enrollments) {

    public record Entry(Enrollment enrollment, List<TimelineEntry> timeline) {
    }
}
