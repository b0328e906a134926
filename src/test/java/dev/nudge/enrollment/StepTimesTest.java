package dev.nudge.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.sequence.Sequence;
import dev.nudge.sequence.Step;
import dev.nudge.sequence.StepOffset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant ENROLLED = Instant.parse("2026-01-31T08:00:00Z");
    private static final Sequence SEQUENCE = new Sequence("s", "work", "", List.of(
            new Step(1, StepOffset.parse("day 2"), "t/1", false),
            new Step(2, StepOffset.parse("week 1"), "t/2", true),
            new Step(3, StepOffset.parse("month 1"), "t/3", true)));

    @Test
    void offsets_count_from_enrollment_in_calendar_time() {
        StepTimes times = new StepTimes(BERLIN, null);
        assertThat(times.planned(SEQUENCE, 1, ENROLLED)).isEqualTo(Instant.parse("2026-02-02T08:00:00Z"));
        assertThat(times.planned(SEQUENCE, 2, ENROLLED)).isEqualTo(Instant.parse("2026-02-07T08:00:00Z"));
        assertThat(times.planned(SEQUENCE, 3, ENROLLED)).as("month 1 after Jan 31 is Feb 28")
                .isEqualTo(Instant.parse("2026-02-28T08:00:00Z"));
    }

    @Test
    void a_step_on_time_leaves_the_next_one_where_it_was_planned() {
        StepTimes times = new StepTimes(BERLIN, null);
        Instant sentOnTime = times.planned(SEQUENCE, 1, ENROLLED);
        assertThat(times.due(SEQUENCE, 2, ENROLLED, sentOnTime)).isEqualTo(times.planned(SEQUENCE, 2, ENROLLED));
    }

    @Test
    void a_late_step_pushes_the_next_one_by_the_planned_gap() {
        StepTimes times = new StepTimes(BERLIN, null);
        Instant sentLate = Instant.parse("2026-02-06T08:00:00Z");
        assertThat(times.due(SEQUENCE, 2, ENROLLED, sentLate)).isEqualTo(Instant.parse("2026-02-11T08:00:00Z"));
    }

    @Test
    void the_sandbox_scales_days_to_its_day_length() {
        StepTimes times = new StepTimes(BERLIN, Duration.ofSeconds(5));
        assertThat(times.planned(SEQUENCE, 1, ENROLLED)).isEqualTo(ENROLLED.plusSeconds(10));
        assertThat(times.planned(SEQUENCE, 3, ENROLLED)).as("a month is 30 sandbox days")
                .isEqualTo(ENROLLED.plusSeconds(150));
    }
}
