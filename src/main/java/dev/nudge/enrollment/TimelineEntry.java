package dev.nudge.enrollment;

import java.time.Instant;

/** One line of an enrollment's history: what happened, when and why. */
public record TimelineEntry(long enrollmentId, Instant at, String kind, String detail) {
}
