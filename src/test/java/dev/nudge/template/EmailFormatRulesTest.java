package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nudge.template.TemplateModel.ContactData;
import dev.nudge.template.TemplateModel.SenderData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailFormatRulesTest {

    @TempDir
    Path dir;

    private TemplateProblem problemRendering(String content, String company) {
        write(dir, "t.ftl", content);
        Map<String, Object> model = TemplateModel.of(new ContactData("a@example.com", "Ada", null, company, null),
                new SenderData("b@example.com", "B"), "s", 1, 1);
        return catchThrowableOfType(TemplateError.class, () -> new TemplateEngine(dir).render("t", model))
                .problem();
    }

    @Test
    void missing_subject_line_is_refused() {
        assertThat(problemRendering("Hello Ada,\n\nHow are you?\n", null))
                .isEqualTo(new TemplateProblem("t.ftl", 1, 1, "the first line must be 'Subject: <subject>'"));
    }

    @Test
    void subject_line_after_other_text_is_refused() {
        assertThat(problemRendering("\nSubject: Hi\n\nBody\n", null).message()).contains("Subject: <subject>");
    }

    @Test
    void subject_keyword_is_matched_regardless_of_case() {
        write(dir, "t.ftl", "subject: Hi\n\nBody\n");

        assertThat(new TemplateEngine(dir).render("t", TemplateModel.sample("s", 1, 1)).subject()).isEqualTo("Hi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject:\n\nBody\n", "Subject:    \n\nBody\n",
        "Subject: ${contact.company!\"\"}\n\nBody\n"})
    void blank_subject_is_refused(String content) {
        assertThat(problemRendering(content, null).message()).isEqualTo("the subject is empty");
    }

    @Test
    void subject_not_followed_by_an_empty_line_is_refused() {
        assertThat(problemRendering("Subject: Hi\nBody\n", null).message())
                .startsWith("the Subject line must be followed by an empty line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject: Hi\n", "Subject: Hi\n\n", "Subject: Hi\n\n  \n\t\n", "Subject: Hi"})
    void blank_body_is_refused(String content) {
        assertThat(problemRendering(content, null).message()).isEqualTo("the body is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme\r\nBcc: victim@example.com", "Acme\nBcc: victim@example.com",
        "Acme\rBcc: victim@example.com", "Acme\u0000Bcc", "Acme\u2028Bcc", "Acme\u0085Bcc"})
    void line_break_or_control_character_in_a_rendered_subject_is_refused(String company) {
        TemplateProblem problem = problemRendering("Subject: Hello from ${contact.company}\n\nBody\n", company);

        assertThat(problem.file()).isEqualTo("t.ftl");
        assertThat(problem.message()).containsAnyOf("line break", "control character");
    }

    @Test
    void line_breaks_in_values_are_fine_in_the_body() {
        write(dir, "t.ftl", "Subject: Hi\n\nFrom ${contact.company}\n");
        Map<String, Object> model = TemplateModel.of(
                new ContactData("a@example.com", null, null, "Acme\r\nLtd", null),
                new SenderData("b@example.com", "B"), "s", 1, 1);

        assertThat(new TemplateEngine(dir).render("t", model).textBody()).isEqualTo("From Acme\nLtd\n");
    }

    @Test
    void leading_blank_lines_of_the_body_are_dropped() {
        write(dir, "t.ftl", "Subject: Hi\n\n\n   \nBody\n");

        assertThat(new TemplateEngine(dir).render("t", TemplateModel.sample("s", 1, 1)).textBody())
                .isEqualTo("Body\n");
    }

    @Test
    void blank_html_variant_is_refused() {
        write(dir, "t.ftlh", "<#-- nothing yet -->\n   \n");

        TemplateProblem problem = problemRendering("Subject: Hi\n\nBody\n", null);

        assertThat(problem).isEqualTo(new TemplateProblem("t.ftlh", 1, 1, "the HTML body is empty"));
    }
}
