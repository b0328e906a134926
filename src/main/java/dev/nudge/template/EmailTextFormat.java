package dev.nudge.template;

// The rules a rendered template must follow: a Subject: line, one empty
// line, then a body. Problems are reported at 1:1 of the template file because
// rendered lines do not map back to template lines.
final class EmailTextFormat {

    private static final String SUBJECT_PREFIX = "Subject:";

    record TextEmail(String subject, String body) {
    }

    private EmailTextFormat() {
    }

    static TextEmail parse(String output, String file) {
        String text = output.startsWith("\uFEFF") ? output.substring(1) : output;
        int firstBreak = text.indexOf('\n');
        String header = withoutTrailingCr(firstBreak < 0 ? text : text.substring(0, firstBreak));
        String subject = subject(header, file);
        String rest = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
        int secondBreak = rest.indexOf('\n');
        String separator = secondBreak < 0 ? rest : rest.substring(0, secondBreak);
        if (!separator.isBlank()) {
            // Also what a value with a line break inside the subject looks like.
            throw failure(file, "the Subject line must be followed by an empty line"
                    + " (or a value in the subject contains a line break)");
        }
        String body = secondBreak < 0 ? "" : rest.substring(secondBreak + 1);
        return new TextEmail(subject, normalisedBody(body, file, "the body is empty"));
    }

    static String htmlBody(String output, String file) {
        return normalisedBody(output, file, "the HTML body is empty");
    }

    private static String subject(String header, String file) {
        if (!header.regionMatches(true, 0, SUBJECT_PREFIX, 0, SUBJECT_PREFIX.length())) {
            throw failure(file, "the first line must be 'Subject: <subject>'");
        }
        String subject = header.substring(SUBJECT_PREFIX.length()).strip();
        if (subject.isEmpty()) {
            throw failure(file, "the subject is empty");
        }
        // The subject becomes a mail header: a line break here would inject headers.
        if (subject.chars().anyMatch(EmailTextFormat::isForbiddenInSubject)) {
            throw failure(file, "the subject contains a line break or control character");
        }
        return subject;
    }

    private static boolean isForbiddenInSubject(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }

    private static String normalisedBody(String body, String file, String emptyMessage) {
        String normalised = body.replace("\r\n", "\n").replace('\r', '\n')
                .replaceFirst("^(\\h*\\n)+", "")
                .stripTrailing();
        if (normalised.isEmpty()) {
            throw failure(file, emptyMessage);
        }
        return normalised + "\n";
    }

    private static String withoutTrailingCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static TemplateError failure(String file, String message) {
        return new TemplateError(new TemplateProblem(file, 1, 1, message));
    }
}
