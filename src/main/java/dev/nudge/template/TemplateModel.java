package dev.nudge.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data model templates see: {@code contact}, {@code sender}, {@code sequence}
 * and {@code step}. It holds only maps, strings and numbers, so that no Java
 * object's methods are reachable from a template.
 */
public final class TemplateModel {

    private TemplateModel() {
    }

    /** The contact being written to; null or blank attributes are left out of the model. */
    public record ContactData(String email, String firstName, String lastName, String company,
                              Map<String, String> fields) {
        public ContactData {
            Objects.requireNonNull(email, "email");
            fields = fields == null ? Map.of() : withoutNullEntries(fields);
        }
    }

    /** The person the email comes from. */
    public record SenderData(String email, String name) {
        public SenderData {
            Objects.requireNonNull(email, "email");
        }
    }

    /** Builds the data model templates see. */
    public static Map<String, Object> of(ContactData contact, SenderData sender, String sequenceName,
                                         int stepNumber, int stepCount) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sequenceName, "sequenceName");
        if (stepNumber < 1 || stepNumber > stepCount) {
            throw new IllegalArgumentException("step " + stepNumber + " of " + stepCount);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contact", contactMap(contact));
        model.put("sender", senderMap(sender));
        model.put("sequence", Map.of("name", sequenceName));
        model.put("step", Map.of("number", stepNumber, "count", stepCount));
        return Collections.unmodifiableMap(model);
    }

    /** A sample contact (Ada Lovelace at Analytical Engines Ltd, with custom fields) for checks and previews. */
    public static Map<String, Object> sample(String sequenceName, int stepNumber, int stepCount) {
        ContactData ada = new ContactData("ada@analytical-engines.example", "Ada", "Lovelace",
                "Analytical Engines Ltd", Map.of("role", "Head of Research", "met_at", "the Difference Engine demo"));
        SenderData sender = new SenderData("charles@babbage.example", "Charles Babbage");
        return of(ada, sender, sequenceName, stepNumber, stepCount);
    }

    private static Map<String, Object> contactMap(ContactData contact) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("email", contact.email());
        putIfPresent(map, "firstName", contact.firstName());
        putIfPresent(map, "lastName", contact.lastName());
        putIfPresent(map, "company", contact.company());
        Map<String, Object> fields = new LinkedHashMap<>();
        contact.fields().forEach((key, value) -> putIfPresent(fields, key, value));
        map.put("fields", Collections.unmodifiableMap(fields));
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Object> senderMap(SenderData sender) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("email", sender.email());
        // Templates sign off with sender.name; a mailbox without a display name signs with its address.
        boolean named = sender.name() != null && !sender.name().isBlank();
        map.put("name", named ? sender.name() : sender.email());
        return Collections.unmodifiableMap(map);
    }

    // A blank value (an empty CSV cell, a cleared form field) would render as "Hi ,";
    // treating it as absent lets the template's default ("there") apply.
    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static Map<String, String> withoutNullEntries(Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
