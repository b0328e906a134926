package dev.nudge.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.template.TemplateModel.ContactData;
import dev.nudge.template.TemplateModel.SenderData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateModelTest {

    @Test
    void model_has_contact_sender_sequence_and_step() {
        Map<String, Object> model = TemplateModel.of(
                new ContactData("ada@example.com", "Ada", "Lovelace", "Analytical Engines Ltd", Map.of("role", "CTO")),
                new SenderData("charles@example.com", "Charles"), "follow-up", 2, 3);

        assertThat(model).isEqualTo(Map.of(
                "contact", Map.of("email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace",
                        "company", "Analytical Engines Ltd", "fields", Map.of("role", "CTO")),
                "sender", Map.of("email", "charles@example.com", "name", "Charles"),
                "sequence", Map.of("name", "follow-up"),
                "step", Map.of("number", 2, "count", 3)));
    }

    @Test
    void null_and_blank_attributes_are_absent_from_the_model() {
        Map<String, String> fields = new HashMap<>();
        fields.put("role", null);
        fields.put("team", "");
        fields.put("city", "London");

        Map<String, Object> model = TemplateModel.of(new ContactData("ada@example.com", null, " ", null, fields),
                new SenderData("charles@example.com", null), "follow-up", 1, 1);

        assertThat(model.get("contact")).isEqualTo(Map.of("email", "ada@example.com", "fields", Map.of("city", "London")));
        assertThat(model.get("sender")).as("a sender without a display name signs with the address")
                .isEqualTo(Map.of("email", "charles@example.com", "name", "charles@example.com"));
    }

    @Test
    void sample_is_ada_lovelace_at_analytical_engines_with_custom_fields() {
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) TemplateModel.sample("follow-up", 1, 3).get("contact");

        assertThat(contact).containsEntry("firstName", "Ada").containsEntry("lastName", "Lovelace")
                .containsEntry("company", "Analytical Engines Ltd");
        assertThat((Map<?, ?>) contact.get("fields")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void step_outside_the_sequence_is_a_programming_error() {
        ContactData contact = new ContactData("ada@example.com", null, null, null, null);
        SenderData sender = new SenderData("charles@example.com", "Charles");

        assertThatThrownBy(() -> TemplateModel.of(contact, sender, "s", 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateModel.of(contact, sender, "s", 4, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
