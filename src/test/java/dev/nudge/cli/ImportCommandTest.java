package dev.nudge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.nudge.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nudge import` as a user types it: its report and its exit codes. */
class ImportCommandTest {

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

    private Path csv(String text) throws Exception {
        Path file = dir.resolve("leads.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void a_file_with_rejected_rows_exits_0_with_a_summary_and_the_rejected_file() throws Exception {
        Path file = csv("email,first_name,Job Title\nada@engines.test,Ada,CTO\nnope,Bob,\n");

        Result r = nudge("import", file.toString(), "--sequence", "follow-up");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Columns: email -> email, first_name -> first name,"
                        + " Job Title -> contact.fields.job_title")
                .contains("2 rows, 1 enrolled, 1 skipped").containsPattern("invalid address\\s+1")
                .contains(dir.resolve("leads.rejected.csv").toString());
        assertThat(r.err()).contains("import: 2 rows  100%");
        assertThat(nudge("list").out()).contains("ada@engines.test");
        assertThat(nudge("import", file.toString(), "--sequence", "follow-up").out())
                .containsPattern("already enrolled\\s+1");
    }

    @Test
    void a_dry_run_enrolls_nobody() throws Exception {
        Result r = nudge("import", csv("email\nada@engines.test\n").toString(), "--sequence", "follow-up",
                "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 would be enrolled").contains("Nothing was changed");
        assertThat(nudge("list").out()).doesNotContain("ada@engines.test");
    }

    @Test
    void an_unreadable_file_or_one_without_an_email_column_exits_2() throws Exception {
        Result missing = nudge("import", dir.resolve("missing.csv").toString(), "--sequence", "follow-up");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read").contains("missing.csv");

        Result noEmail = nudge("import", csv("name,company\nAda,Engines\n").toString(), "--sequence", "follow-up");
        assertThat(noEmail.code()).isEqualTo(2);
        assertThat(noEmail.err()).contains("email address");
    }

    @Test
    void an_unknown_sequence_exits_4_and_a_bad_config_exits_3() throws Exception {
        Path file = csv("email\nada@engines.test\n");

        Result unknown = nudge("import", file.toString(), "--sequence", "no-such");
        assertThat(unknown.code()).isEqualTo(4);
        assertThat(unknown.err()).contains("Sequence not found (sequence: no-such)");

        Files.writeString(config, Files.readString(config) + "no-such-key: 1\n");
        assertThat(nudge("import", file.toString(), "--sequence", "follow-up").code()).isEqualTo(3);
    }
}
