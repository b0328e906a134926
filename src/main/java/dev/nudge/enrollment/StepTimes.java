package dev.nudge.enrollment;

import dev.nudge.sequence.Sequence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When each step of a sequence is due.
 *
 * <p>Offsets count from enrollment ("day 2" is two days after the contact was
 * enrolled). When a step goes out late, later steps keep their spacing: step n
 * is due at the later of its planned time and the previous send plus the
 * planned gap between the two, so a contact never gets two messages bunched
 * together.
 */
public final class StepTimes {

    private static final Duration REAL_DAY = Duration.ofDays(1);

    private final ZoneId zone;
    private final Duration dayLength;

    /**
     * @param dayLength null for real time; otherwise how long one sequence day
     *                  lasts (the sandbox plays a month in minutes)
     */
    public StepTimes(ZoneId zone, Duration dayLength) {
        this.zone = zone;
        this.dayLength = dayLength;
    }

    public Instant planned(Sequence sequence, int stepNumber, Instant enrolledAt) {
        var offset = sequence.step(stepNumber).at();
        if (dayLength == null) {
            return offset.after(enrolledAt, zone);
        }
        long scaledNanos = (long) (offset.approximate().toNanos() * ((double) dayLength.toNanos() / REAL_DAY.toNanos()));
        return enrolledAt.plusNanos(scaledNanos);
    }

    /**
     * Due time of {@code stepNumber}, given when the step before it actually went out
     * (null for the first step).
     */
    public Instant due(Sequence sequence, int stepNumber, Instant enrolledAt, Instant previousSentAt) {
        Instant planned = planned(sequence, stepNumber, enrolledAt);
        if (stepNumber == 1 || previousSentAt == null) {
            return planned;
        }
        Duration gap = Duration.between(planned(sequence, stepNumber - 1, enrolledAt), planned);
        Instant spaced = previousSentAt.plus(gap);
        return spaced.isAfter(planned) ? spaced : planned;
    }
}
