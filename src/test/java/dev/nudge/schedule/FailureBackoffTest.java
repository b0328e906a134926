package dev.nudge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureBackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final FailureBackoff backoff = new FailureBackoff(clock);

    @Test
    void each_failure_in_a_row_waits_twice_as_long_up_to_five_minutes() {
        assertThat(backoff.failed("work").delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed("work").delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed("work").delay()).isEqualTo(Duration.ofSeconds(4));
        FailureBackoff.Retry retry = null;
        for (int i = 0; i < 40; i++) {
            retry = backoff.failed("work");
        }
        assertThat(retry.failuresInARow()).isEqualTo(43);
        assertThat(retry.delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(retry.at()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_success_starts_the_count_again_and_mailboxes_count_apart() {
        backoff.failed("work");
        backoff.failed("work");
        backoff.failed("sales");
        backoff.succeeded("work");
        assertThat(backoff.failed("work").failuresInARow()).isEqualTo(1);
        assertThat(backoff.failed("sales").failuresInARow()).isEqualTo(2);
    }
}
