package dev.nudge.template;

import static dev.nudge.template.TemplateFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side template injection, the way it is tried against FreeMarker in
 * the wild. Whatever a payload does, it is refused or renders as harmless
 * text: no command runs (each would create a marker file) and no file outside
 * the templates directory is read (a secret planted next to it never shows).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TemplateInjectionTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path root;

    private Path templates() {
        return root.resolve("templates");
    }

    private Path marker() {
        return root.resolve("pwned");
    }

    @BeforeEach
    void plant_secrets_next_to_the_templates() {
        write(root, "secret.ftl", "Subject: " + SECRET + "\n\n" + SECRET + "\n");
        write(root, "secret.txt", SECRET + "\n");
        write(templates(), "_signature.ftl", "-- \n${sender.name}\n");
    }

    static Stream<String> payloads() {
        return Stream.of(
                // ?new on the classes that reach the operating system, spelled every way
                "${\"freemarker.template.utility.Execute\"?new()(\"touch PWNED\")}",
                "<#assign ex=(\"freemarker.template.utility.\" + \"Exec\" + \"ute\")?new()>${ex(\"touch PWNED\")}",
                "<#assign cls=\"freemarker.template.utility.Execute\"><#assign ex=cls?new()>${ex(\"touch PWNED\")}",
                "<#assign n=\"freemarker.template.utility.Execute\"?replace(\"q\", \"q\")>${n?new()(\"touch PWNED\")}",
                "<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>"
                        + "${oc(\"java.lang.ProcessBuilder\", \"touch\", \"PWNED\").start()}",
                "<#assign jy=\"freemarker.template.utility.JythonRuntime\"?new()>"
                        + "<@jy>import os; os.system(\"touch PWNED\")</@jy>",
                "${\"java.lang.ProcessBuilder\"?new(\"touch\", \"PWNED\")}",
                "${\"freemarker.template.DefaultObjectWrapper\"?new()}",
                // ?eval and ?interpret: the same calls smuggled in as strings
                "${\"'freemarker.template.utility.Execute'?new()\"?eval(\"touch PWNED\")}",
                "<@(\"<#assign x='freemarker.template.utility.Execute'?new()>${x('touch PWNED')}\")?interpret/>",
                "<@(\"<#include '../../secret.ftl'>\")?interpret/>",
                "${\"../../secret.txt\"?eval}",
                // ?api and the Java methods behind the model
                "${contact?api.class.forName(\"java.lang.Runtime\").getRuntime().exec(\"touch PWNED\")}",
                "${sender.name?api.getClass()}",
                "${.globals?api.getClass()}",
                "${.vars[\"contact\"]?api.getClass()}",
                "${.data_model.getClass().getProtectionDomain().getCodeSource()}",
                "${.main.getClass()}",
                "${.namespace.getClass()}",
                "${contact[\"class\"]!\"none\"} ${.data_model[\"class\"]!\"none\"}",
                "<#list .data_model?keys as k>${k} </#list>",
                "${.data_model.object_wrapper!\"none\"}",
                // settings a template might try to loosen
                "<#setting object_wrapper=\"DefaultObjectWrapper(2.3.34)\">",
                "<#setting template_loader=\"file:/\">",
                "<#setting classic_compatible=true>${contact.getClass()}",
                // files outside the templates directory
                "<#include \"/../secret.ftl\">",
                "<#include \"../secret.ftl\">",
                "<#include \"classpath:logback.xml\">",
                "<#include \"file:../../secret.ftl\">",
                "<#include \"..\\\\..\\\\secret.ftl\">",
                "<#include \"%2e%2e/%2e%2e/secret.ftl\">",
                "<#include \"../../secret.txt\" parse=false>",
                "<#import \"/../../secret.ftl\" as s>${s}",
                "${.get_optional_template(\"/etc/passwd\").exists?c}",
                "<#assign t=.get_optional_template(\"../../secret.txt\", {\"parse\": false})>"
                        + "<#if t.exists><@t.include/></#if>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payload_is_refused_or_inert(String payload) {
        write(templates(), "evil/t.ftl", "Subject: Hi\n\n" + payload.replace("PWNED", marker().toString()) + "\n");
        TemplateEngine engine = new TemplateEngine(templates());

        String outcome;
        try {
            RenderedEmail email = engine.render("evil/t", TemplateModel.sample("s", 1, 1));
            outcome = email.subject() + "\n" + email.textBody();
        } catch (TemplateError refused) {
            outcome = refused.getMessage();
        }

        assertThat(outcome).doesNotContain(SECRET, "uid=", "root:x:0", "ProcessBuilder@", "java.lang.Class");
        assertThat(marker()).doesNotExist();
        assertThat(engine.check(TemplateModel.sample("s", 1, 1)))
                .allSatisfy(p -> assertThat(p.message()).doesNotContain(SECRET));
        assertThat(marker()).doesNotExist();
    }

    @Test
    void a_huge_loop_is_cut_by_the_output_cap() {
        TemplateError error = renderError("<#list 1..100000000 as i>${i} and on </#list>");

        assertThat(error.problem().message()).contains("larger than");
    }

    @Test
    void a_huge_loop_without_output_is_cut_by_the_time_cap() {
        TemplateError error = renderError("<#list 1..100000 as i><#list 1..100000 as j></#list></#list>");

        assertThat(error.problem().message()).contains("took longer than");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left as it was").isFalse();
    }

    @Test
    void a_huge_loop_in_an_included_partial_is_cut_by_the_time_cap_too() {
        write(templates(), "_spin.ftl", "<#list 1..100000 as i><#list 1..100000 as j></#list></#list>");

        TemplateError error = renderError("<#include \"/_spin.ftl\">");

        assertThat(error.problem().message()).contains("took longer than");
    }

    @Test
    void a_macro_that_calls_itself_forever_fails_as_a_template_error() {
        TemplateError error = renderError("<#macro m><@m/></#macro><@m/>");

        assertThat(error.problem().file()).isEqualTo("evil/t.ftl");
        assertThat(error.problem().message()).contains("too deep");
    }

    @Test
    void a_function_that_calls_itself_forever_fails_as_a_template_error() {
        TemplateError error = renderError("<#function f n><#return f(n + 1)></#function>${f(1)}");

        assertThat(error.problem().message()).contains("too deep");
    }

    private TemplateError renderError(String body) {
        write(templates(), "evil/t.ftl", "Subject: Hi\n\n" + body + "\n");
        TemplateEngine engine = new TemplateEngine(templates(), Duration.ofMillis(500));
        TemplateError error = catchThrowableOfType(TemplateError.class,
                () -> engine.render("evil/t", TemplateModel.sample("s", 1, 1)));
        assertThat(error).as("a TemplateError").isNotNull();
        return error;
    }
}
