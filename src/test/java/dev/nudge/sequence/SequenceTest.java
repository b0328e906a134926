package dev.nudge.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTest {

    private final Sequence sequence = new Sequence("follow-up", "work", "", List.of(
            new Step(1, StepOffset.parse("day 2"), "follow-up/1-thanks", false),
            new Step(2, StepOffset.parse("week 1"), "follow-up/2-value", true)));

    @Test
    void step_is_found_by_its_one_based_number() {
        assertThat(sequence.step(2).template()).isEqualTo("follow-up/2-value");
    }

    @Test
    void missing_step_is_not_found_with_the_sequence_named() {
        assertThatThrownBy(() -> sequence.step(3))
                .isInstanceOf(NudgeException.NotFound.class)
                .hasMessage("Step not found (sequence: follow-up, step: 3, steps: 2)");
        assertThatThrownBy(() -> sequence.step(0)).isInstanceOf(NudgeException.NotFound.class);
    }
}
