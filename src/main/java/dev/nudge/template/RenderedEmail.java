package dev.nudge.template;

/**
 * A fully rendered message: a one-line subject, a plain-text body ending in one
 * newline, and an HTML body when the template has a {@code .ftlh} variant.
 *
 * @param subject  the subject, trimmed, never blank and free of line breaks
 * @param textBody the plain-text body with {@code \n} line endings
 * @param htmlBody the HTML body, or {@code null} when there is no {@code .ftlh} file
 */
public record RenderedEmail(String subject, String textBody, String htmlBody) {
}
