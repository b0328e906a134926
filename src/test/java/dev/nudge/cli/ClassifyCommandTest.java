package dev.nudge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nudge classify` on saved messages: no config, no database. */
class ClassifyCommandTest {

    static final String BOUNCE = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; gone@example.org
            Action: failed
            Status: 5.1.1

            --r--
            """;

    static final String OUT_OF_OFFICE = """
            From: ann@example.org
            Subject: Automatic reply: Proposal
            Date: Fri, 27 Feb 2026 09:15:00 +0100
            Auto-Submitted: auto-replied

            I am out of the office until 6 March.
            """;

    @TempDir
    Path dir;

    private Path bounce;
    private Path outOfOffice;

    @BeforeEach
    void writeMessages() throws Exception {
        bounce = write("bounce.eml", BOUNCE);
        outOfOffice = write("ooo.eml", OUT_OF_OFFICE);
    }

    private Path write(String name, String message) throws Exception {
        return Files.write(dir.resolve(name), message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static CliRun.Result nudge(String... args) {
        return CliRun.run(args);
    }

    @Test
    void json_gives_one_exact_line_per_file() {
        CliRun.Result r = nudge("classify", "--json", bounce.toString(), outOfOffice.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "{\"file\":\"" + bounce + "\",\"kind\":\"bounce\",\"bounce\":\"hard\",\"status\":\"5.1.1\","
                        + "\"recipient\":\"gone@example.org\",\"return_date\":null,"
                        + "\"reason\":\"multipart/report delivery-status, Action: failed, Status: 5.1.1\"}",
                "{\"file\":\"" + outOfOffice + "\",\"kind\":\"auto_reply\",\"bounce\":null,\"status\":null,"
                        + "\"recipient\":null,\"return_date\":\"2026-03-07\","
                        + "\"reason\":\"Auto-Submitted: auto-replied; subject \\\"Automatic reply: Proposal\\\";"
                        + " back on 2026-03-07\"}");
    }

    @Test
    void text_gives_kind_details_and_reason() {
        CliRun.Result r = nudge("classify", bounce.toString(), outOfOffice.toString());

        assertThat(r.out().lines()).containsExactly(
                bounce + ": bounce (bounce hard 5.1.1 to gone@example.org) — multipart/report delivery-status,"
                        + " Action: failed, Status: 5.1.1",
                outOfOffice + ": auto_reply (back on 2026-03-07) — Auto-Submitted: auto-replied;"
                        + " subject \"Automatic reply: Proposal\"; back on 2026-03-07");
    }

    @Test
    void quotes_and_control_characters_in_a_file_name_are_escaped() throws Exception {
        Path odd = write("say \"hi\"\\now.eml", BOUNCE);

        CliRun.Result r = nudge("classify", "--json", odd.toString());

        assertThat(r.out()).startsWith("{\"file\":\"" + dir + "/say \\\"hi\\\"\\\\now.eml\",\"kind\":\"bounce\"");
        assertThat(ClassifyCommand.string("tab\there\u0001é")).isEqualTo("\"tab\\there\\u0001\\u00e9\"");
    }

    @Test
    void a_missing_file_is_reported_and_the_others_still_classified() {
        Path missing = dir.resolve("missing.eml");

        CliRun.Result r = nudge("classify", "--json", missing.toString(), bounce.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nudge classify: " + missing + ": no such file");
        assertThat(r.out().lines()).hasSize(1).first().asString().contains("\"kind\":\"bounce\"");
    }

    @Test
    void an_unreadable_message_is_unrelated_not_an_error() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0, 1, 2, (byte) 0xff, 10, 13});

        CliRun.Result r = nudge("classify", garbage.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(garbage + ": unrelated — not a mail message");
    }
}
