package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCheckTest {

    private static final Map<String, Object> SAMPLE = TemplateModel.sample("follow-up", 1, 3);

    @TempDir
    Path dir;

    @Test
    void check_finds_problems_in_several_files_at_once_and_returns_them_all() {
        write(dir, "a/good.ftl", "Subject: Hi\n\nHello ${contact.firstName}\n");
        write(dir, "a/syntax.ftl", "Subject: Hi\n\n<#if contact.company??>\nHello\n");
        write(dir, "a/undefined.ftl", "Subject: Hi\n\nHello ${contact.nickname}\n");
        write(dir, "b/no-subject.ftl", "Hello\n");
        write(dir, "b/no-subject.ftlh", "<p>${sender.title}</p>\n");

        List<TemplateProblem> problems = new TemplateEngine(dir).check(SAMPLE);

        assertThat(problems).extracting(TemplateProblem::toString).containsExactly(
                "a/syntax.ftl:4:6: Unexpected end of file reached. You have an unclosed #if. "
                        + "Check if the FreeMarker end-tags are present, and aren't malformed. "
                        + "(Note that FreeMarker end-tags must have # or @ after the / character.)",
                "a/undefined.ftl:3:9: contact.nickname is missing; if it is optional, give a default: "
                        + "contact.nickname!\"...\"",
                "b/no-subject.ftl:1:1: the first line must be 'Subject: <subject>'",
                "b/no-subject.ftlh:1:6: sender.title is missing; if it is optional, give a default: "
                        + "sender.title!\"...\"");
    }

    @Test
    void check_of_good_templates_finds_nothing() {
        write(dir, "t.ftl", "Subject: Hi ${contact.firstName}\n\nHello from ${sender.name}\n");
        write(dir, "t.ftlh", "<p>Hello from ${sender.name}</p>\n");

        assertThat(new TemplateEngine(dir).check(SAMPLE)).isEmpty();
    }

    @Test
    void html_variant_without_a_text_template_is_a_problem() {
        write(dir, "lonely.ftlh", "<p>Hi</p>\n");

        assertThat(new TemplateEngine(dir).check(SAMPLE)).containsExactly(
                new TemplateProblem("lonely.ftlh", 1, 1, "an HTML variant needs a lonely.ftl next to it"));
    }

    @Test
    void snippets_are_parsed_but_not_checked_as_emails() {
        write(dir, "_signature.ftl", "-- \n${sender.name}\n");
        write(dir, "parts/_broken.ftl", "<#if x>\n");

        assertThat(new TemplateEngine(dir).check(SAMPLE)).extracting(TemplateProblem::file)
                .containsExactly("parts/_broken.ftl");
    }

    @Test
    void file_whose_name_is_not_a_valid_template_name_is_a_problem() {
        write(dir, "my template.ftl", "Subject: Hi\n\nHello\n");

        assertThat(new TemplateEngine(dir).check(SAMPLE)).singleElement()
                .satisfies(problem -> assertThat(problem.toString())
                        .startsWith("my template.ftl:1:1: the file name is not a valid template name"));
    }

    @Test
    void names_are_sorted_without_extension_and_leave_out_snippets_and_hidden_files() {
        write(dir, "follow-up/2-value.ftl", "x");
        write(dir, "follow-up/1-thanks.ftl", "x");
        write(dir, "follow-up/1-thanks.ftlh", "x");
        write(dir, "follow-up/_signature.ftl", "x");
        write(dir, "intro.ftl", "x");
        write(dir, ".git/hooks/x.ftl", "x");
        write(dir, "notes.txt", "x");

        assertThat(new TemplateEngine(dir).names())
                .containsExactly("follow-up/1-thanks", "follow-up/2-value", "intro");
    }

    @Test
    void problem_prints_as_file_line_column_and_message() {
        assertThat(new TemplateProblem("follow-up/1-thanks.ftl", 3, 14, "bad"))
                .hasToString("follow-up/1-thanks.ftl:3:14: bad");
    }
}
