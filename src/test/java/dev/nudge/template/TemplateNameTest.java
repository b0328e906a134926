package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateNameTest {

    @TempDir
    Path outside;

    private Path templates() throws IOException {
        return Files.createDirectories(outside.resolve("templates"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a\\b", "a/../../x", "follow-up/../../secret", "..",
        "./x", ".hidden", "a//b", "a/", "", " ", "follow-up/1-thanks.ftl", "x.ftlh", "*/x", "file:x", "a\nb"})
    void names_that_could_leave_the_templates_directory_or_confuse_it_are_refused(String name) throws IOException {
        write(outside, "x.ftl", "Subject: secret\n\nsecret\n");
        TemplateEngine engine = new TemplateEngine(templates());

        assertThatThrownBy(() -> engine.render(name, TemplateModel.sample("s", 1, 1)))
                .isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageStartingWith("Invalid template name: ");
        assertThatThrownBy(() -> engine.exists(name)).isInstanceOf(NudgeException.InvalidInput.class);
    }

    @Test
    void refusal_says_why_and_names_the_template() throws IOException {
        TemplateEngine engine = new TemplateEngine(templates());

        assertThatThrownBy(() -> engine.exists("../x"))
                .hasMessage("Invalid template name: '..' is not allowed (template: ../x)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "follow-up/1-thanks", "Sales_2025/v1.2/intro", "relances/1-merci", "日本/挨拶"})
    void ordinary_names_are_accepted(String name) throws IOException {
        assertThat(new TemplateEngine(templates()).exists(name)).isFalse();
    }

    @Test
    void symbolic_link_out_of_the_templates_directory_is_refused() throws IOException {
        Path secret = write(outside, "secret.ftl", "Subject: secret\n\nsecret\n");
        Path templates = templates();
        Files.createSymbolicLink(templates.resolve("leak.ftl"), secret);
        TemplateEngine engine = new TemplateEngine(templates);

        assertThatThrownBy(() -> engine.render("leak", TemplateModel.sample("s", 1, 1)))
                .isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageContaining("outside the templates directory");
        assertThat(engine.check(TemplateModel.sample("s", 1, 1)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.file()).isEqualTo("leak.ftl"));
    }

    @Test
    void missing_templates_directory_is_reported_with_its_path() {
        Path missing = outside.resolve("nope");

        assertThatThrownBy(() -> new TemplateEngine(missing))
                .isInstanceOf(NudgeException.NotFound.class)
                .hasMessage("Templates directory not found (path: " + missing + ")");
    }
}
