package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hello\r\nBcc: victim@example.com", "Hello\nBcc: x@y", "Hello\rX", "Nul\0byte"})
    void line_breaks_and_nul_are_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> HeaderValues.requireSingleLine("subject", value))
                .isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageContaining("subject");
    }

    @Test
    void single_line_text_and_null_pass_unchanged() {
        assertThat(HeaderValues.requireSingleLine("subject", "Grüße, Zoë\t(tab is fine)"))
                .isEqualTo("Grüße, Zoë\t(tab is fine)");
        assertThat(HeaderValues.requireSingleLine("subject", null)).isNull();
    }
}
