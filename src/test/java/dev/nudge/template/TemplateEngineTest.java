package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.template.TemplateModel.ContactData;
import dev.nudge.template.TemplateModel.SenderData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

    @TempDir
    Path dir;

    private static Map<String, Object> model(String firstName, String company) {
        return TemplateModel.of(new ContactData("ada@example.com", firstName, "Lovelace", company, Map.of()),
                new SenderData("charles@example.com", "Charles"), "follow-up", 1, 3);
    }

    private TemplateError renderError(String name, Map<String, Object> model) {
        TemplateEngine engine = new TemplateEngine(dir);
        return (TemplateError) assertThatThrownBy(() -> engine.render(name, model))
                .isInstanceOf(TemplateError.class)
                .actual();
    }

    @Test
    void renders_the_subject_line_and_the_body_after_the_empty_line() {
        write(dir, "hello.ftl", "Subject: Hello ${contact.firstName}\n\nHi ${contact.firstName},\n\nBye\n");

        RenderedEmail email = new TemplateEngine(dir).render("hello", model("Ada", null));

        assertThat(email).isEqualTo(new RenderedEmail("Hello Ada", "Hi Ada,\n\nBye\n", null));
    }

    @Test
    void subject_is_trimmed_and_body_line_endings_become_newlines_with_one_final_newline() {
        write(dir, "crlf.ftl", "Subject:   Hello  \r\n\r\nline one\r\nline two\rline three  \r\n\r\n\t \n");

        RenderedEmail email = new TemplateEngine(dir).render("crlf", model("Ada", null));

        assertThat(email.subject()).isEqualTo("Hello");
        assertThat(email.textBody()).isEqualTo("line one\nline two\nline three\n");
    }

    @Test
    void templates_in_folders_are_named_with_slashes_and_without_extension() {
        write(dir, "follow-up/1-thanks.ftl", "Subject: Thanks\n\nThank you.\n");

        assertThat(new TemplateEngine(dir).render("follow-up/1-thanks", model("Ada", null)).textBody())
                .isEqualTo("Thank you.\n");
    }

    @Test
    void html_variant_escapes_values_that_the_text_version_keeps_as_written() {
        write(dir, "t.ftl", "Subject: Hi ${contact.company}\n\nHello ${contact.company}\n");
        write(dir, "t.ftlh", "<p>Hello ${contact.company}</p>\n");

        RenderedEmail email = new TemplateEngine(dir).render("t", model("Ada", "<b>&Co"));

        assertThat(email.subject()).isEqualTo("Hi <b>&Co");
        assertThat(email.textBody()).isEqualTo("Hello <b>&Co\n");
        assertThat(email.htmlBody()).isEqualTo("<p>Hello &lt;b&gt;&amp;Co</p>\n");
    }

    @Test
    void missing_value_with_a_default_renders_the_default() {
        write(dir, "t.ftl", "Subject: Hi\n\nHi ${contact.firstName!\"there\"} from ${contact.company!\"your team\"}\n");

        assertThat(new TemplateEngine(dir).render("t", model(null, null)).textBody())
                .isEqualTo("Hi there from your team\n");
    }

    @Test
    void blank_contact_attribute_counts_as_missing_so_the_default_applies() {
        write(dir, "t.ftl", "Subject: Hi\n\nHi ${contact.firstName!\"there\"},\n");

        assertThat(new TemplateEngine(dir).render("t", model("  ", null)).textBody()).isEqualTo("Hi there,\n");
    }

    @Test
    void broken_template_is_reported_with_file_line_and_column() {
        write(dir, "follow-up/broken.ftl", "Subject: Hi\n\nHello\n${contact.firstName!\"there\"\n");

        TemplateError error = renderError("follow-up/broken", model("Ada", null));

        assertThat(error.problem().file()).isEqualTo("follow-up/broken.ftl");
        assertThat(error.problem().line()).isEqualTo(4);
        assertThat(error.getMessage()).startsWith("follow-up/broken.ftl:4:");
    }

    @Test
    void unclosed_directive_is_reported_where_the_file_ends() {
        write(dir, "t.ftl", "Subject: Hi\n\n<#if contact.company??>\nHello\n");

        TemplateError error = renderError("t", model("Ada", null));

        assertThat(error.problem().line()).isEqualTo(4);
        assertThat(error.problem().message()).contains("unclosed #if");
    }

    @Test
    void undefined_variable_is_reported_with_line_and_column_and_nothing_is_rendered() {
        write(dir, "t.ftl", "Subject: Hi\n\nHello ${contact.firstName},\nabout ${contact.nickname}\n");

        TemplateError error = renderError("t", model("Ada", null));

        assertThat(error.problem()).isEqualTo(new TemplateProblem("t.ftl", 4, 9,
                "contact.nickname is missing; if it is optional, give a default: contact.nickname!\"...\""));
        assertThat(error.getMessage()).isEqualTo(error.problem().toString());
    }

    @Test
    void error_in_the_html_variant_fails_the_whole_render() {
        write(dir, "t.ftl", "Subject: Hi\n\nHello\n");
        write(dir, "t.ftlh", "<p>${contact.nickname}</p>\n");

        assertThat(renderError("t", model("Ada", null)).problem().file()).isEqualTo("t.ftlh");
    }

    @Test
    void error_in_an_included_file_is_reported_in_that_file() {
        write(dir, "t.ftl", "Subject: Hi\n\nHello\n<#include \"_signature.ftl\">\n");
        write(dir, "_signature.ftl", "--\n${sender.title}\n");

        TemplateProblem problem = renderError("t", model("Ada", null)).problem();

        assertThat(problem.toString()).startsWith("_signature.ftl:2:3: sender.title is missing");
    }

    @Test
    void missing_template_is_a_template_error() {
        assertThat(renderError("nothing/here", model("Ada", null)).getMessage())
                .isEqualTo("nothing/here.ftl:1:1: template file not found");
    }

    @Test
    void editing_a_file_is_picked_up_by_the_next_render() {
        TemplateEngine engine = new TemplateEngine(dir);
        write(dir, "t.ftl", "Subject: First\n\nOne\n");
        assertThat(engine.render("t", model("Ada", null)).subject()).isEqualTo("First");

        // Same length and, on coarse file systems, the same modification time.
        write(dir, "t.ftl", "Subject: Again\n\nTwo\n");

        assertThat(engine.render("t", model("Ada", null))).isEqualTo(new RenderedEmail("Again", "Two\n", null));
    }

    @Test
    void exists_tells_whether_the_text_template_is_there() {
        write(dir, "a/b.ftl", "Subject: x\n\ny\n");
        write(dir, "html-only.ftlh", "<p>y</p>\n");
        TemplateEngine engine = new TemplateEngine(dir);

        assertThat(engine.exists("a/b")).isTrue();
        assertThat(engine.exists("a/c")).isFalse();
        assertThat(engine.exists("html-only")).isFalse();
    }

    @Test
    void numbers_render_without_grouping_whatever_the_locale() {
        write(dir, "t.ftl", "Subject: Step ${step.number} of ${step.count}\n\n${step.count * 1000}\n");
        Map<String, Object> model = TemplateModel.of(new ContactData("a@example.com", null, null, null, null),
                new SenderData("b@example.com", "B"), "s", 2, 3);

        RenderedEmail email = new TemplateEngine(dir).render("t", model);

        assertThat(email.subject()).isEqualTo("Step 2 of 3");
        assertThat(email.textBody()).isEqualTo("3000\n");
    }

    @Test
    void runaway_output_is_refused_instead_of_filling_memory() {
        write(dir, "t.ftl", "Subject: Hi\n\n<#list 1..2000000000 as i>0123456789</#list>\n");

        assertThat(renderError("t", model("Ada", null)).problem().message()).contains("output is larger than");
    }

    @Test
    void rapid_saves_are_each_seen_although_templates_are_cached() {
        TemplateEngine engine = new TemplateEngine(dir);
        for (int i = 0; i < 50; i++) {
            write(dir, "t.ftl", "Subject: Hi\n\nVersion " + i + "\n");
            assertThat(engine.render("t", model("Ada", null)).textBody()).isEqualTo("Version " + i + "\n");
        }
    }

    @Test
    void a_cached_template_is_still_cut_by_the_time_cap_on_every_render() {
        write(dir, "spin.ftl", "Subject: Hi\n\n<#list 1..100000 as i><#list 1..100000 as j></#list></#list>x\n");
        TemplateEngine engine = new TemplateEngine(dir, java.time.Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.render("spin", model("Ada", null))).isInstanceOf(TemplateError.class);
        }
    }
}
