package dev.nudge.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.template.TemplateModel.ContactData;
import dev.nudge.template.TemplateModel.SenderData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The templates in the repository's templates/ directory, as users get them.
class ShippedTemplatesTest {

    private final TemplateEngine engine = new TemplateEngine(Path.of("templates"));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shipped_templates_render_against_the_sample_contact_without_problems(int step) {
        assertThat(engine.check(TemplateModel.sample("follow-up", step, 3))).isEmpty();
    }

    @Test
    void shipped_sample_sequence_has_three_steps() {
        assertThat(engine.names()).containsExactly(
                "follow-up/1-thanks", "follow-up/2-value", "follow-up/3-check-in");
    }

    @Test
    void first_step_thanks_the_contact_by_name_and_offers_an_easy_next_step() {
        RenderedEmail email = engine.render("follow-up/1-thanks", TemplateModel.sample("follow-up", 1, 3));

        assertThat(email.subject()).isEqualTo("Thanks for your time, Ada");
        assertThat(email.textBody()).startsWith("Hi Ada,\n\n").contains("Analytical Engines Ltd")
                .contains("reply with a time").endsWith("Charles Babbage\n");
        assertThat(email.htmlBody()).startsWith("<p>Hi Ada,</p>").contains("Analytical Engines Ltd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"follow-up/1-thanks", "follow-up/2-value", "follow-up/3-check-in"})
    void shipped_templates_read_well_for_a_contact_known_only_by_address(String name) {
        Map<String, Object> model = TemplateModel.of(new ContactData("someone@example.com", null, null, null, null),
                new SenderData("me@example.com", "Sam"), "follow-up", 1, 3);

        RenderedEmail email = engine.render(name, model);

        assertThat(email.textBody()).startsWith("Hi there,\n\n").endsWith("\nSam\n")
                .doesNotContain(" at .", " at ,", "  ");
    }

    @Test
    void html_version_escapes_the_company_name() {
        Map<String, Object> model = TemplateModel.of(
                new ContactData("ada@example.com", "Ada", null, "<b>&Co", Map.of()),
                new SenderData("me@example.com", "Sam"), "follow-up", 1, 3);

        RenderedEmail email = engine.render("follow-up/1-thanks", model);

        assertThat(email.textBody()).contains("at <b>&Co.");
        assertThat(email.htmlBody()).contains("at &lt;b&gt;&amp;Co.").doesNotContain("<b>");
    }

    @Test
    void value_step_shares_a_resource_picked_for_the_contact() {
        Map<String, Object> model = TemplateModel.of(
                new ContactData("ada@example.com", "Ada", null, null, Map.of("resource", "https://example.com/notes")),
                new SenderData("me@example.com", "Sam"), "follow-up", 2, 3);

        assertThat(engine.render("follow-up/2-value", model).textBody()).contains("https://example.com/notes");
    }
}
