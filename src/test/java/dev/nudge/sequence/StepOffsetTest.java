package dev.nudge.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StepOffsetTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "\"{0}\" is {1} plus {2}")
    @CsvSource(delimiter = '|', textBlock = """
            day 2      | P2D  | PT0S
            days 2     | P2D  | PT0S
            2 days     | P2D  | PT0S
            1 day      | P1D  | PT0S
            Day 3      | P3D  | PT0S
            week 1     | P7D  | PT0S
            1 week     | P7D  | PT0S
            weeks 2    | P14D | PT0S
            month 1    | P1M  | PT0S
            2 months   | P2M  | PT0S
            year 1     | P1Y  | PT0S
            hour 4     | P0D  | PT4H
            4 hours    | P0D  | PT4H
            minute 30  | P0D  | PT30M
            P2D        | P2D  | PT0S
            PT4H       | P0D  | PT4H
            P1M        | P1M  | PT0S
            P1W        | P7D  | PT0S
            P1DT12H    | P1D  | PT12H
            p1d        | P1D  | PT0S
            ' day 2 '  | P2D  | PT0S
            """)
    void parses_the_accepted_forms(String text, String period, String duration) {
        StepOffset offset = StepOffset.parse(text);

        assertThat(offset.period()).isEqualTo(Period.parse(period));
        assertThat(offset.duration()).isEqualTo(Duration.parse(duration));
        assertThat(offset).hasToString(text.trim());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", " ", "day", "2", "fortnight 1", "day -1", "day 2 3", "2 dayz", "P", "PT",
        "P1DT", "P2X", "tomorrow", "-P1D", "1.5 days", "day two"})
    void refuses_what_it_cannot_read_and_lists_the_accepted_forms(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> StepOffset.parse(text))
                .withMessageContaining("\"day 2\"")
                .withMessageContaining("\"P1DT12H\"");
    }

    @ParameterizedTest(name = "\"{0}\" is not later than enrollment")
    @ValueSource(strings = {"day 0", "0 minutes", "P0D", "PT0S", "P-1D", "PT-1H", "P1DT-24H"})
    void refuses_offsets_that_are_not_above_zero(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> StepOffset.parse(text))
                .withMessageContaining("later than enrollment");
    }

    @Test
    void refuses_offsets_beyond_a_century() {
        assertThatIllegalArgumentException().isThrownBy(() -> StepOffset.parse("year 101"))
                .withMessage("must be at most 100 years, got \"year 101\"");
    }

    @Test
    void null_is_refused_with_the_accepted_forms() {
        assertThatIllegalArgumentException().isThrownBy(() -> StepOffset.parse(null))
                .withMessageEndingWith("got nothing");
    }

    @ParameterizedTest(name = "month 1 after {0} is {1}")
    @CsvSource({
        "2024-01-31T10:00, 2024-02-29T10:00",
        "2023-01-31T10:00, 2023-02-28T10:00",
        "2024-03-31T10:00, 2024-04-30T10:00",
        "2024-12-31T23:30, 2025-01-31T23:30"})
    void month_counts_calendar_months_and_clips_to_the_month_end(LocalDateTime base, LocalDateTime expected) {
        Instant due = StepOffset.parse("month 1").after(base.atZone(BERLIN).toInstant(), BERLIN);

        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(expected);
    }

    @Test
    void days_keep_the_time_of_day_across_the_spring_dst_change() {
        Instant base = ZonedDateTime.of(2024, 3, 30, 9, 0, 0, 0, BERLIN).toInstant();

        Instant due = StepOffset.parse("day 2").after(base, BERLIN);

        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 4, 1, 9, 0));
        assertThat(Duration.between(base, due)).isEqualTo(Duration.ofHours(47));
    }

    @Test
    void hours_count_elapsed_time_across_the_autumn_dst_change() {
        Instant base = ZonedDateTime.of(2024, 10, 27, 1, 0, 0, 0, BERLIN).toInstant();

        Instant due = StepOffset.parse("hour 4").after(base, BERLIN);

        assertThat(Duration.between(base, due)).isEqualTo(Duration.ofHours(4));
        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 10, 27, 4, 0));
    }

    @Test
    void the_zone_decides_which_calendar_day_a_month_counts_from() {
        Instant base = Instant.parse("2024-01-30T23:30:00Z");
        StepOffset month = StepOffset.parse("month 1");

        assertThat(month.after(base, ZoneId.of("UTC")))
                .as("30 January in UTC, so 29 February")
                .isEqualTo(Instant.parse("2024-02-29T23:30:00Z"));
        assertThat(month.after(base, BERLIN))
                .as("already 31 January in Berlin, so the end of February, at 00:30 Berlin time")
                .isEqualTo(Instant.parse("2024-02-28T23:30:00Z"));
    }

    @ParameterizedTest(name = "\"{0}\" is about {1}")
    @CsvSource({"month 1, PT720H", "year 1, PT8760H", "P1DT12H, PT36H", "week 1, PT168H", "minute 30, PT30M",
        "P1Y2M3DT4H, PT10276H"})
    void approximate_counts_a_month_as_30_days_and_a_year_as_365(String text, Duration expected) {
        assertThat(StepOffset.parse(text).approximate()).isEqualTo(expected);
    }
}
