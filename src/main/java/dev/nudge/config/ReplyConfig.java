package dev.nudge.config;

import java.time.Duration;

/**
 * What incoming mail does to enrollments.
 *
 * @param stopOtherSequences a person's reply also stops the contact's other live enrollments
 *                           ({@code replies.stop-other-sequences}, default true)
 * @param autoReplyPause     how long an out-of-office without a readable return date
 *                           puts off the next step ({@code replies.auto-reply-pause}, default P3D)
 * @param softBounceLimit    soft bounces after which the enrollment fails
 *                           ({@code replies.soft-bounce-limit}, default 3)
 */
public record ReplyConfig(boolean stopOtherSequences, Duration autoReplyPause, int softBounceLimit) {
}
