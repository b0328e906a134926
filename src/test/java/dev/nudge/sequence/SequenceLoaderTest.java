package dev.nudge.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.nudge.config.ConfigException;
import dev.nudge.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceLoaderTest {

    @TempDir
    Path dir;

    private static final String VALID = """
            name: intro
            steps:
              - at: day 1
                template: intro/1-hello
              - at: day 3
                template: intro/2-nudge
            """;

    @Test
    void shipped_follow_up_sequence_loads_cleanly() {
        List<Sequence> sequences = SequenceLoader.load(Path.of("config/sequences"), List.of("work"));

        assertThat(sequences).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("follow-up");
            assertThat(s.mailbox()).isEqualTo("work");
            assertThat(s.description()).isEqualTo("After a meeting or call: thank them, add value, check in.");
            assertThat(s.steps()).extracting(Step::number, step -> step.at().text(), Step::template, Step::thread)
                    .containsExactly(
                            tuple(1, "day 2", "follow-up/1-thanks", false),
                            tuple(2, "week 1", "follow-up/2-value", true),
                            tuple(3, "month 1", "follow-up/3-check-in", true));
        });
    }

    @Test
    void the_only_mailbox_is_used_when_none_is_named_and_later_steps_thread_by_default() throws IOException {
        write("intro.yml", VALID);

        Sequence intro = SequenceLoader.load(dir, List.of("sales")).get(0);

        assertThat(intro.mailbox()).isEqualTo("sales");
        assertThat(intro.description()).isEmpty();
        assertThat(intro.step(1).thread()).isFalse();
        assertThat(intro.step(2).thread()).isTrue();
    }

    @Test
    void a_later_step_can_start_afresh_instead_of_threading() throws IOException {
        write("intro.yaml", VALID + "    thread: false\n");

        assertThat(SequenceLoader.load(dir, List.of("work")).get(0).step(2).thread()).isFalse();
    }

    @Test
    void only_yaml_files_directly_in_the_directory_are_read_in_name_order() throws IOException {
        write("b.yaml", VALID.replace("intro", "bravo"));
        write("a.yml", VALID.replace("intro", "alpha"));
        write("notes.txt", "not yaml");
        Files.createDirectories(dir.resolve("old"));
        write("old/c.yaml", "broken: [");

        assertThat(SequenceLoader.load(dir, List.of("work"))).extracting(Sequence::name)
                .containsExactly("alpha", "bravo");
    }

    @Test
    void steps_out_of_order_name_both_steps() throws IOException {
        write("intro.yaml", VALID.replace("day 3", "PT12H"));

        assertThat(problems(List.of("work"))).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("steps[1].at");
            assertThat(p.message()).startsWith("step 2 (PT12H) must come after step 1 (day 1)");
        });
    }

    @Test
    void steps_at_the_same_time_are_out_of_order_too() throws IOException {
        write("intro.yaml", VALID.replace("day 3", "24 hours"));

        assertThat(problems(List.of("work"))).extracting(ConfigProblem::key).containsExactly("steps[1].at");
    }

    @Test
    void missing_template_and_bad_offset_are_reported_per_step() throws IOException {
        write("intro.yaml", """
                name: intro
                steps:
                  - at: fortnight 1
                    template: intro/1-hello
                  - at: day 3
                  - at: day 5
                    template: intro/3.ftl
                """);

        assertThat(problems(List.of("work"))).extracting(ConfigProblem::key, ConfigProblem::message)
                .containsExactly(
                        tuple("steps[0].at", "must be a step offset like \"day 2\", "
                                + "\"2 days\", \"week 1\", \"1 week\", \"month 1\", \"hour 4\", \"minute 30\" or "
                                + "ISO-8601 like \"P2D\", \"PT4H\", \"P1M\", \"P1W\", \"P1DT12H\", got \"fortnight 1\""),
                        tuple("steps[1].template",
                                "is required: the template to send, e.g. follow-up/1-thanks"),
                        tuple("steps[2].template",
                                "must be a template name without extension, e.g. follow-up/1-thanks "
                                        + "(letters, digits, '-', '_' and '/'), got \"intro/3.ftl\""));
    }

    @Test
    void unknown_mailbox_lists_the_configured_ones() throws IOException {
        write("intro.yaml", "mailbox: home\n" + VALID);

        assertThat(problems(List.of("work", "sales"))).singleElement().hasToString(
                dir.resolve("intro.yaml") + ": mailbox: unknown mailbox 'home'; configured: work, sales");
    }

    @Test
    void mailbox_must_be_named_when_several_are_configured() throws IOException {
        write("intro.yaml", VALID);

        assertThat(problems(List.of("work", "sales"))).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("mailbox");
            assertThat(p.message()).contains("several mailboxes are configured (work, sales)");
        });
    }

    @Test
    void duplicate_names_across_files_name_the_earlier_file() throws IOException {
        write("a.yaml", VALID);
        write("b.yaml", VALID);

        assertThat(problems(List.of("work"))).singleElement().hasToString(dir.resolve("b.yaml")
                + ": name: 'intro' is already used by " + dir.resolve("a.yaml") + "; sequence names must be unique");
    }

    @Test
    void thread_on_the_first_step_is_a_problem() throws IOException {
        write("intro.yaml", VALID.replace("template: intro/1-hello", "template: intro/1-hello\n    thread: true"));

        assertThat(problems(List.of("work"))).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("steps[0].thread");
            assertThat(p.message()).startsWith("the first step starts the thread");
        });
    }

    @Test
    void a_sequence_needs_a_name_and_at_least_one_step() throws IOException {
        write("empty.yaml", "description: nothing yet\nsteps: []\n");

        assertThat(problems(List.of("work"))).extracting(ConfigProblem::key, ConfigProblem::message)
                .containsExactly(
                        tuple("name", "is required: a unique id, e.g. follow-up"),
                        tuple("steps", "must list at least one step"));
    }

    @Test
    void unknown_keys_are_rejected_with_a_suggestion() throws IOException {
        write("intro.yaml", VALID.replace("template: intro/2-nudge", "template: intro/2-nudge\n    therad: true"));

        assertThat(problems(List.of("work"))).singleElement().hasToString(dir.resolve("intro.yaml")
                + ": steps[1].therad: unknown key 'therad' (did you mean 'thread'?); allowed: at, template, thread");
    }

    @Test
    void problems_from_all_files_are_reported_together() throws IOException {
        write("a.yaml", "name: a\nsteps:\n  - at: day 1\n    template: a/1\n  nope: [");
        write("b.yaml", VALID.replace("name: intro", "name: Intro!"));
        write("c.yaml", VALID.replace("intro", "charlie") + "colour: blue\n");

        assertThat(problems(List.of("work"))).extracting(ConfigProblem::source, ConfigProblem::key)
                .containsExactly(
                        tuple(dir.resolve("a.yaml").toString(), ""),
                        tuple(dir.resolve("b.yaml").toString(), "name"),
                        tuple(dir.resolve("c.yaml").toString(), "colour"));
    }

    @Test
    void a_missing_directory_says_where_to_point_it() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> SequenceLoader.load(dir.resolve("nowhere"), List.of("work")));

        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("sequences directory not found"));
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    private List<ConfigProblem> problems(List<String> mailboxNames) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SequenceLoader.load(dir, mailboxNames));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.problems();
    }
}
