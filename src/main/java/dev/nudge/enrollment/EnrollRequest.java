package dev.nudge.enrollment;

import java.util.Map;

/** What the user gives to enroll a contact; null names leave stored values alone. */
public record EnrollRequest(
        String email,
        String firstName,
        String lastName,
        String company,
        Map<String, String> fields,
        String sequence) {

    public EnrollRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
