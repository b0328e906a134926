package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.sandbox.DemoStory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real wiring in real time: Quartz fires dispatch and inbox sync against the
 * sandbox mail server, with sequence days a fraction of a second long.
 */
class DemoStoryTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void the_demo_story_holds_with_quartz_in_real_time() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = new DemoStory(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofMillis(400))
                .run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertThat(passed).as(out).isTrue();
        assertThat(out).contains("ok    Ada received exactly 1 message")
                .containsPattern("sent\\s+Sent step 1")
                .containsPattern("replied\\s+The contact replied: .*Tuesday at 10")
                .doesNotContain("Sent step 2");
    }
}
