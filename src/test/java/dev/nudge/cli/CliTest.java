package dev.nudge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.nudge.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `nudge` command as a user types it, on an H2 file in a temporary folder. */
class CliTest {

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = CliRun.writeConfig(dir);
    }

    private Result nudge(String... args) {
        return CliRun.nudge(config, args);
    }

    @Test
    void help_lists_every_subcommand_with_one_line_each() {
        Result r = nudge("--help");
        assertThat(r.code()).isZero();
        for (String sub : new String[] {"serve", "enroll", "list", "show", "stop", "resume", "templates", "preview",
            "demo", "classify", "uncertain"}) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + sub + "\\s+\\S");
        }
    }

    @Test
    void version_is_printed() {
        Result r = nudge("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("nudge ");
    }

    @Test
    void enroll_list_show_and_stop_a_contact() {
        Result enrolled = nudge("enroll", "grace@navy.test", "--sequence", "follow-up", "--first-name", "Grace",
                "--company", "US Navy", "--field", "role=Rear Admiral");
        assertThat(enrolled.code()).as(enrolled.err()).isZero();
        assertThat(enrolled.out()).contains("Enrolled grace@navy.test in follow-up").contains("step 1 due");

        Result again = nudge("enroll", "grace@navy.test", "--sequence", "follow-up");
        assertThat(again.code()).isEqualTo(Main.CONFLICT);
        assertThat(again.err()).contains("already active").contains("nothing changed");

        Result list = nudge("list");
        assertThat(list.out()).contains("grace@navy.test").contains("active, step 1 due")
                .as("no inbox sync has run, so the reply-safety gate holds the mailbox and says why")
                .contains("Note: sends from mailbox sandbox are held: the inbox of mailbox sandbox has not been read yet");

        Result show = nudge("show", "grace@navy.test");
        assertThat(show.out()).contains("Grace <grace@navy.test>, US Navy").contains("role: Rear Admiral")
                .contains("enrolled");

        Result stop = nudge("stop", "grace@navy.test");
        assertThat(stop.code()).isZero();
        assertThat(nudge("list").out()).contains("No active enrollments");
        assertThat(nudge("list", "--all").out()).contains("stopped");
    }

    @Test
    void uncertain_lists_nothing_and_a_decision_without_an_uncertain_send_exits_with_not_found() {
        assertThat(nudge("uncertain").out()).contains("No uncertain sends.");

        Result r = nudge("uncertain", "skip", "42");

        assertThat(r.code()).isEqualTo(Main.NOT_FOUND);
        assertThat(r.err()).contains("No uncertain send (enrollment id: 42)");
    }

    @Test
    void unknown_contact_exits_with_not_found() {
        Result r = nudge("show", "nobody@nowhere.test");
        assertThat(r.code()).isEqualTo(Main.NOT_FOUND);
        assertThat(r.err()).contains("Contact not found (email: nobody@nowhere.test)");
    }

    @Test
    void preview_renders_a_template_for_an_enrolled_contact() {
        nudge("enroll", "grace@navy.test", "--sequence", "follow-up", "--first-name", "Grace");
        Result r = nudge("preview", "--template", "follow-up/1-thanks", "--contact", "grace@navy.test");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Subject: ").contains("Hi Grace,");
    }

    @Test
    void templates_check_passes_on_the_shipped_templates() {
        Result r = nudge("templates", "check");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("OK: ");
    }

    @Test
    void templates_check_reports_file_line_and_column_and_fails() throws Exception {
        Path templates = dir.resolve("templates/follow-up");
        Files.createDirectories(templates);
        for (String name : new String[] {"1-thanks", "2-value", "3-check-in"}) {
            Files.writeString(templates.resolve(name + ".ftl"), "Subject: Hello\n\nHi ${contact.email}\n");
        }
        Files.writeString(templates.resolve("2-value.ftl"), "Subject: Hello\n\nHi ${contact.firstName\n");
        Files.writeString(config, Files.readString(config).replace(Path.of("templates").toAbsolutePath().toString(),
                dir.resolve("templates").toString()));
        Result r = nudge("templates", "check");
        assertThat(r.code()).isEqualTo(Main.FAILED);
        assertThat(r.out()).containsPattern("follow-up/2-value\\.ftl:3:\\d+: ");
    }

    @Test
    void a_wrong_config_names_the_key_and_exits_non_zero() throws Exception {
        Files.writeString(config, Files.readString(config) + "web:\n  prot: 8080\n");
        Result r = nudge("list");
        assertThat(r.code()).isEqualTo(Main.CONFIG);
        assertThat(r.err()).contains("web.prot").contains("port");
    }
}
