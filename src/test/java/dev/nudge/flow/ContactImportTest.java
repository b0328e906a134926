package dev.nudge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.NudgeException;
import dev.nudge.Progress;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.enrollment.Contact;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.ImportReport;
import dev.nudge.enrollment.ImportReport.Reason;
import dev.nudge.enrollment.Suppression;
import dev.nudge.enrollment.SuppressionRepository;
import dev.nudge.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nudge import` against the real migrations on H2, and what it enrolls sent over real SMTP. */
class ContactImportTest {

    @TempDir
    Path dir;

    private MailWorld world;

    @BeforeEach
    void start() {
        world = new MailWorld(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ImportReport importFile(Path file) {
        return world.app.contactImport().importFile(file, "follow-up", false, Progress.Listener.NONE);
    }

    private List<Enrollment> enrollments() {
        return world.app.enrollments().list();
    }

    @Test
    void good_rows_go_in_and_each_bad_row_is_reported_with_its_line_and_reason() throws Exception {
        Path file = csv("leads.csv", "Email Address,First Name,Last Name,Company,Met At\n"
                + "ada@engines.test,Ada,Lovelace,\"Analytical Engines, Ltd\",the meetup\n"
                + "not-an-address,Bob,Builder,Bob Co,\n"
                + "eve@evil.test,\"Eve\r\nBcc: all@victims.test\",Evil,,\n"
                + "short@row.test,Short\n"
                + "long@company.test,Lon,Gname," + "C".repeat(201) + ",\n"
                + "ADA@engines.test,Ada,Again,,\n"
                + "grace@navy.test,Grace,Hopper,US Navy,\n");

        ImportReport report = importFile(file);

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.enrolled()).isEqualTo(2);
        assertThat(report.skipped()).containsEntry(Reason.INVALID_ADDRESS, 1L)
                .containsEntry(Reason.CONTROL_CHARACTER, 1L).containsEntry(Reason.FIELD_COUNT, 1L)
                .containsEntry(Reason.TOO_LONG, 1L).containsEntry(Reason.DUPLICATE, 1L).hasSize(5);
        assertThat(enrollments()).extracting(Enrollment::contactEmail)
                .containsExactlyInAnyOrder("ada@engines.test", "grace@navy.test");
        Contact ada = world.app.enrollments().contact("ada@engines.test");
        assertThat(ada.company()).isEqualTo("Analytical Engines, Ltd");
        assertThat(ada.fields()).containsEntry("met_at", "the meetup");

        assertThat(report.rejectedFile()).isEqualTo(dir.resolve("leads.rejected.csv"));
        List<String> lines = Files.readAllLines(report.rejectedFile());
        assertThat(lines.get(0)).isEqualTo("Email Address,First Name,Last Name,Company,Met At,reason");
        String rejected = String.join("\n", lines);
        assertThat(rejected).contains("not-an-address,Bob,Builder,Bob Co,,line 3: invalid address: ")
                .contains("line 4: line break or control character")
                .contains("short@row.test,Short,line 6: wrong number of fields: 2 fields where the header has 5")
                .contains("line 7: field too long for its column")
                .contains("line 8: duplicate of an earlier row: ada@engines.test is already on line 2");
        assertThat(report.summary()).anyMatch(l -> l.contains("7 rows, 2 enrolled, 5 skipped"));
    }

    @Test
    void a_semicolon_file_with_a_bom_crlf_quotes_and_a_line_break_in_a_field_keeps_its_line_numbers()
            throws Exception {
        Path file = csv("excel.csv", "\uFEFFE-Mail;Vorname;Firma;Notiz\r\n"
                + "ada@engines.test;Ada;\"Engines; Ltd\";\"sagte \"\"ja\"\"\"\r\n"
                + "bob@two.test;Bob;;\"zwei\r\nZeilen\"\r\n"
                + "x@;X;;\r\n"
                + "cy@three.test;Cy;;\r\n");

        ImportReport report = importFile(file);

        assertThat(report.enrolled()).isEqualTo(2);
        assertThat(report.columns()).containsExactly("E-Mail -> email", "Vorname -> first name",
                "Firma -> company", "Notiz -> contact.fields.notiz");
        Contact ada = world.app.enrollments().contact("ada@engines.test");
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.company()).isEqualTo("Engines; Ltd");
        assertThat(ada.fields()).containsEntry("notiz", "sagte \"ja\"");
        String rejected = Files.readString(report.rejectedFile());
        assertThat(rejected).startsWith("E-Mail;Vorname;Firma;Notiz;reason\r\n")
                .contains("bob@two.test;Bob;;\"zwei\r\nZeilen\";line 3: line break or control character")
                .contains("line 5: invalid address");
    }

    @Test
    void importing_the_same_file_again_enrolls_nothing_new_and_says_already_enrolled() throws Exception {
        Path file = csv("leads.csv", "email,first_name\nada@engines.test,Ada\ngrace@navy.test,Grace\n");
        assertThat(importFile(file).enrolled()).isEqualTo(2);

        ImportReport again = importFile(file);

        assertThat(again.enrolled()).isZero();
        assertThat(again.skipped()).containsOnly(java.util.Map.entry(Reason.ALREADY_ENROLLED, 2L));
        assertThat(enrollments()).hasSize(2);
        assertThat(Files.readString(again.rejectedFile()))
                .contains("line 2: already enrolled: ada@engines.test is already active in sequence follow-up");
    }

    @Test
    void a_suppressed_address_is_refused_and_the_others_go_in() throws Exception {
        try (Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("nudge").toAbsolutePath(),
                "nudge", null))) {
            db.run(tx -> new SuppressionRepository().add(tx, "Gone@Bounced.test", Suppression.Reason.HARD_BOUNCE,
                    "550 user unknown", MailWorld.START));
        }
        Path file = csv("leads.csv", "email\nada@engines.test\ngone@bounced.test\n");

        ImportReport report = importFile(file);

        assertThat(report.enrolled()).isEqualTo(1);
        assertThat(report.skipped()).containsOnly(java.util.Map.entry(Reason.SUPPRESSED, 1L));
        assertThat(Files.readString(report.rejectedFile()))
                .contains("line 3: suppressed address: gone@bounced.test is on the suppression list (hard bounce");
        assertThat(enrollments()).extracting(Enrollment::contactEmail).containsExactly("ada@engines.test");
    }

    @Test
    void a_dry_run_checks_every_row_and_enrolls_nobody() throws Exception {
        Path file = csv("leads.csv", "email\nada@engines.test\nbad\n");

        ImportReport report = world.app.contactImport().importFile(file, "follow-up", true, Progress.Listener.NONE);

        assertThat(report.enrolled()).isEqualTo(1);
        assertThat(report.skippedTotal()).isEqualTo(1);
        assertThat(report.summary()).anyMatch(l -> l.contains("would be enrolled"));
        assertThat(enrollments()).isEmpty();
    }

    @Test
    void a_clean_import_removes_the_rejected_file_an_earlier_import_left() throws Exception {
        Path file = csv("leads.csv", "email\nbad\n");
        assertThat(importFile(file).rejectedFile()).exists();
        Files.writeString(file, "email\nada@engines.test\n");

        assertThat(importFile(file).rejectedFile()).isNull();
        assertThat(dir.resolve("leads.rejected.csv")).doesNotExist();
    }

    @Test
    void the_rejected_file_fixed_and_imported_again_goes_in_without_its_reason_column() throws Exception {
        importFile(csv("leads.csv", "email,first_name\nada@engines.test,\"Ada\nLovelace\"\n"));
        Path rejected = dir.resolve("leads.rejected.csv");
        Files.writeString(rejected, Files.readString(rejected).replace("\"Ada\nLovelace\"", "Ada"));

        ImportReport report = importFile(rejected);

        assertThat(report.enrolled()).isEqualTo(1);
        assertThat(report.rejectedFile()).isNull();
        assertThat(world.app.enrollments().contact("ada@engines.test").fields()).isEmpty();
    }

    @Test
    void a_file_without_an_email_column_or_not_in_utf8_is_refused_before_anything_is_enrolled() throws Exception {
        assertThatThrownBy(() -> importFile(csv("names.csv", "name,company\nAda,Engines\n")))
                .isInstanceOf(NudgeException.InvalidInput.class).hasMessageContaining("email");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "email,first_name\nada@engines.test,Ada\nb@x.test,J\u00fcrgen\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importFile(latin1)).isInstanceOf(NudgeException.InvalidInput.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("line 3");
        assertThatThrownBy(() -> importFile(dir.resolve("missing.csv")))
                .isInstanceOf(NudgeException.InvalidInput.class);
        assertThatThrownBy(() -> world.app.contactImport().importFile(csv("ok.csv", "email\na@b.test\n"),
                "no-such-sequence", false, Progress.Listener.NONE)).isInstanceOf(NudgeException.NotFound.class);
        assertThat(enrollments()).isEmpty();
    }

    @Test
    void imported_contacts_are_due_when_enroll_would_make_them_due_and_the_dispatcher_sends_them()
            throws Exception {
        List<String> wakeUps = new ArrayList<>();
        world.app.enrollments().onDueWork((mailbox, at) -> wakeUps.add(mailbox + "@" + at));
        StringBuilder text = new StringBuilder("email,first_name,company,met_at\n");
        for (int i = 0; i < 1_005; i++) {
            text.append("p").append(i).append("@prospect.test,Ada,Engines,the meetup\n");
        }

        ImportReport report = importFile(csv("many.csv", text.toString()));

        Instant due = MailWorld.START.plus(Duration.ofDays(2));
        assertThat(report.enrolled()).isEqualTo(1_005);
        assertThat(report.firstDue()).isEqualTo(due);
        assertThat(enrollments()).extracting(Enrollment::nextDueAt).containsOnly(due);
        assertThat(wakeUps).containsExactly("work@" + due);

        world.clock.advance(Duration.ofDays(2).minusSeconds(1));
        assertThat(world.syncAndDispatch()).as("not due a second early").isZero();
        world.clock.advance(Duration.ofSeconds(1));
        int sent = 0;
        for (int run = 0; run < 10 && sent < 1_005; run++) {
            sent += world.syncAndDispatch();
        }
        assertThat(sent).isEqualTo(1_005);
        List<MimeMessage> received = world.inboxOf("p1004@prospect.test");
        assertThat(received).hasSize(1);
        assertThat(MailText.plainText(received.get(0))).contains("Hi Ada,").contains("at the meetup")
                .contains("at Engines");
    }
}
