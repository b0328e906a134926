package dev.nudge.enrollment;

import java.util.Map;

/** A person Nudge follows up with. The email is stored lower case. */
public record Contact(
        long id,
        String email,
        String firstName,
        String lastName,
        String company,
        Map<String, String> fields) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
