package dev.nudge.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks enroll and import share, by kind of problem. */
class ContactInputTest {

    private static ContactInput.Kind kindOf(String email, String first, Map<String, String> fields) {
        ContactInput.Problem p = ContactInput.problem(new EnrollRequest(email, first, null, null, fields, "s"));
        return p == null ? null : p.kind();
    }

    @Test
    void each_problem_has_its_kind() {
        assertThat(kindOf("ada@x.test", "Ada", Map.of("role", "CTO"))).isNull();
        assertThat(kindOf("not an address", null, Map.of())).isEqualTo(ContactInput.Kind.ADDRESS);
        assertThat(kindOf("Ada <ada@x.test>", null, Map.of())).isEqualTo(ContactInput.Kind.ADDRESS);
        assertThat(kindOf("ada@x.test\r\nBcc: eve@x.test", null, Map.of()))
                .isEqualTo(ContactInput.Kind.CONTROL_CHARACTER);
        assertThat(kindOf("ada@x.test", "Ada\nBcc: eve@x.test", Map.of()))
                .isEqualTo(ContactInput.Kind.CONTROL_CHARACTER);
        assertThat(kindOf("ada@x.test", "A".repeat(201), Map.of())).isEqualTo(ContactInput.Kind.TOO_LONG);
        assertThat(kindOf("a".repeat(320) + "@x.test", null, Map.of())).isEqualTo(ContactInput.Kind.TOO_LONG);
        assertThat(kindOf("ada@x.test", null, Map.of("role", "x".repeat(2001))))
                .isEqualTo(ContactInput.Kind.TOO_LONG);
        assertThat(kindOf("ada@x.test", null, Map.of("1role", "x"))).isEqualTo(ContactInput.Kind.FIELD_NAME);
    }
}
