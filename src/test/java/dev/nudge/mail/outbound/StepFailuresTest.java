package dev.nudge.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.NudgeException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StepFailuresTest {

    @Test
    void a_value_too_long_or_a_constraint_belongs_to_the_step() {
        assertThat(StepFailures.belongsToStep(wrapped(new SQLException("Value too long for column", "22001"))))
                .isTrue();
        assertThat(StepFailures.belongsToStep(wrapped(new SQLException("Unique index violation", "23505"))))
                .isTrue();
    }

    @Test
    void a_lost_connection_or_a_lock_timeout_belongs_to_the_mailbox() {
        assertThat(StepFailures.belongsToStep(wrapped(new SQLException("Connection is broken", "08006"))))
                .isFalse();
        assertThat(StepFailures.belongsToStep(wrapped(new SQLException("Timeout trying to lock table", "HYT00"))))
                .isFalse();
        assertThat(StepFailures.belongsToStep(wrapped(new SQLException("no state")))).isFalse();
    }

    @Test
    void a_failure_outside_the_database_belongs_to_the_step() {
        assertThat(StepFailures.belongsToStep(new IllegalStateException("a bug met by this contact only")))
                .isTrue();
    }

    @Test
    void the_description_is_the_innermost_message_on_one_line_and_bounded() {
        var failure = wrapped(new SQLException("Value too long for column \"SUBJECT\":\n  'xxx' (2007)", "22001"));
        assertThat(StepFailures.describe(failure)).isEqualTo("Value too long for column \"SUBJECT\": 'xxx' (2007)");
        var huge = new IllegalStateException("y".repeat(10_000));
        assertThat(StepFailures.describe(huge)).hasSize(1500);
    }

    private static RuntimeException wrapped(SQLException e) {
        return new NudgeException("Database error: " + e.getMessage(), e);
    }
}
