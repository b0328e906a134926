package dev.nudge.enrollment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an enrollment stands. The allowed moves live here and nowhere else;
 * the table's CHECK constraint lists the same names.
 */
public enum EnrollmentStatus {
    /** Steps go out when due. */
    ACTIVE,
    /** Nothing goes out until the user resumes it; the reason says why. */
    HELD,
    /** The contact answered: the sequence is over. */
    REPLIED,
    /** The user stopped it. */
    STOPPED,
    /** Every step was sent. */
    COMPLETED,
    /** The contact cannot be reached (the server refused the address). */
    FAILED;

    private static final Map<EnrollmentStatus, Set<EnrollmentStatus>> MOVES = Map.of(
            ACTIVE, EnumSet.of(HELD, REPLIED, STOPPED, COMPLETED, FAILED),
            HELD, EnumSet.of(ACTIVE, REPLIED, STOPPED, FAILED),
            REPLIED, EnumSet.noneOf(EnrollmentStatus.class),
            STOPPED, EnumSet.noneOf(EnrollmentStatus.class),
            COMPLETED, EnumSet.noneOf(EnrollmentStatus.class),
            FAILED, EnumSet.noneOf(EnrollmentStatus.class));

    public boolean canMoveTo(EnrollmentStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Still able to send: counts against "one live enrollment per contact and sequence". */
    public boolean live() {
        return this == ACTIVE || this == HELD;
    }

    /** The statuses from which a move to {@code next} is allowed. */
    public static Set<EnrollmentStatus> movableTo(EnrollmentStatus next) {
        Set<EnrollmentStatus> from = EnumSet.noneOf(EnrollmentStatus.class);
        for (EnrollmentStatus s : values()) {
            if (s.canMoveTo(next)) {
                from.add(s);
            }
        }
        return from;
    }
}
