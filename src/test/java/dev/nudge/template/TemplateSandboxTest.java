package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Templates are written by users and shared around; none of these may reach Java or the file system.
class TemplateSandboxTest {

    @TempDir
    Path root;

    private Path templates() {
        return root.resolve("templates");
    }

    private TemplateError renderError(String body, Map<String, Object> model) {
        write(templates(), "evil/t.ftl", "Subject: Hi\n\n" + body + "\n");
        TemplateEngine engine = new TemplateEngine(templates());
        return catchThrowableOfType(TemplateError.class, () -> engine.render("evil/t", model));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}"
            + " | Instantiating freemarker.template.utility.Execute is not allowed",
        "<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"/\")}"
            + " | Instantiating freemarker.template.utility.ObjectConstructor is not allowed",
        "<#assign j=\"freemarker.template.utility.JythonRuntime\"?new()>"
            + " | Instantiating freemarker.template.utility.JythonRuntime is not allowed",
        "<#setting new_builtin_class_resolver=\"unrestricted\"> | changing this setting from inside a template isn't supported",
        "<#setting api_builtin_enabled=true> | changing this setting from inside a template isn't supported",
        "${contact?api.getClass()} | api_builtin_enabled",
        "${.data_model?api.getClass()} | api_builtin_enabled",
        "${\"'freemarker.template.utility.Execute'?new()('id')\"?eval}"
            + " | Instantiating freemarker.template.utility.Execute is not allowed",
        "${(\"'freemarker.template.utility.Ex\" + \"ecute'?n\" + \"ew()\")?eval(\"id\")}"
            + " | Instantiating freemarker.template.utility.Execute is not allowed",
        "<#assign t=\"<#assign x='freemarker.template.utility.Execute'?new()>\"?interpret><@t/>"
            + " | Instantiating freemarker.template.utility.Execute is not allowed",
        "<#include \"../../etc/passwd\"> | Backing out from the root directory is not allowed",
        "<#include \"../../secret.ftl\"> | Backing out from the root directory is not allowed",
        "<#include \"/etc/passwd\"> | Template not found",
        "<#include \"file:///etc/passwd\"> | Template not found",
        "<#import \"../../secret.ftl\" as s> | Backing out from the root directory is not allowed",
        "${.get_optional_template(\"../../secret.ftl\").exists?c} | Backing out from the root directory",
    })
    void hostile_template_is_refused_before_doing_harm(String body, String expectedMessage) {
        write(root, "secret.ftl", "Subject: secret\n\nthe secret\n");

        TemplateError error = renderError(body, TemplateModel.sample("s", 1, 1));

        assertThat(error).isNotNull();
        assertThat(error.problem().file()).isEqualTo("evil/t.ftl");
        assertThat(error.problem().line()).isEqualTo(3);
        assertThat(error.problem().message()).contains(expectedMessage).doesNotContain("uid=", "the secret");
    }

    @Test
    void java_objects_slipped_into_the_model_are_not_reachable() {
        Map<String, Object> model = new HashMap<>(TemplateModel.sample("s", 1, 1));
        model.put("file", Path.of("/etc/passwd"));

        TemplateError error = renderError("${file.toFile().delete()?c}", model);

        assertThat(error).isNotNull();
        assertThat(error.problem().line()).isEqualTo(3);
        assertThat(Path.of("/etc/passwd")).exists();
    }

    @Test
    void maps_in_the_model_expose_their_values_not_their_methods() {
        TemplateError error = renderError("${contact.getClass()}", TemplateModel.sample("s", 1, 1));

        assertThat(error).isNotNull();
        assertThat(error.problem().message()).contains("contact.getClass is missing");
    }

    @Test
    void including_a_snippet_inside_the_templates_directory_works() {
        write(templates(), "_signature.ftl", "-- \n${sender.name}\n");
        write(templates(), "evil/t.ftl", "Subject: Hi\n\nHello\n<#include \"/_signature.ftl\">\n");

        RenderedEmail email = new TemplateEngine(templates()).render("evil/t", TemplateModel.sample("s", 1, 1));

        assertThat(email.textBody()).isEqualTo("Hello\n-- \nCharles Babbage\n");
    }
}
