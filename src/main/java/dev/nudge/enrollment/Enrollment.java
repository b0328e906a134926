package dev.nudge.enrollment;

import java.time.Instant;

/**
 * One contact going through one sequence.
 *
 * @param nextStep        1-based number of the step to send next
 * @param nextDueAt       when that step is due; null once nothing more will be sent
 * @param threadMessageId Message-ID of the first message, which later steps reply to
 * @param threadSubject   subject of the first message, reused as "Re: ..."
 * @param version         bumped by every change; claims compare it
 */
public record Enrollment(
        long id,
        long contactId,
        String contactEmail,
        String sequenceName,
        String mailbox,
        EnrollmentStatus status,
        String statusReason,
        int nextStep,
        Instant nextDueAt,
        Instant enrolledAt,
        Instant updatedAt,
        String threadMessageId,
        String threadSubject,
        long version) {
}
