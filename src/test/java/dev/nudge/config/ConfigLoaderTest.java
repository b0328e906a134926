package dev.nudge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static final String WORK_MAILBOX = """
            mailboxes:
              - name: work
                address: jane@example.com
                password-env: NUDGE_WORK_PASSWORD
                smtp: {host: smtp.example.com}
                imap: {host: imap.example.com}
            """;

    @Test
    void missing_file_gives_all_defaults_in_sandbox_mode() {
        NudgeConfig config = ConfigLoader.load(dir.resolve("nudge.yaml"), Map.of());

        assertThat(config.sandboxMode()).isTrue();
        assertThat(config.templatesDir()).isEqualTo(Path.of("templates"));
        assertThat(config.sequencesDir()).isEqualTo(Path.of("config/sequences"));
        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:h2:file:./data/nudge", "nudge", null));
        assertThat(config.web()).isEqualTo(new WebConfig("127.0.0.1", 8080));
        assertThat(config.scheduling()).isEqualTo(new SchedulingConfig(ZoneId.systemDefault(),
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofSeconds(30), 200));
        assertThat(config.sandbox()).isEqualTo(new SandboxConfig(Duration.ofSeconds(5)));
        assertThat(config.replies()).isEqualTo(new ReplyConfig(true, Duration.ofDays(3), 3));
    }

    @Test
    void shipped_config_loads_cleanly_and_equals_the_defaults() {
        NudgeConfig shipped = ConfigLoader.load(Path.of("config/nudge.yaml"), Map.of());

        assertThat(shipped).isEqualTo(ConfigLoader.load(dir.resolve("missing.yaml"), Map.of()));
        assertThat(shipped.sandboxMode()).isTrue();
    }

    @Test
    void commented_mailbox_block_of_the_shipped_config_is_valid_once_uncommented() throws IOException {
        String shipped = Files.readString(Path.of("config/nudge.yaml"));
        String block = shipped.substring(shipped.indexOf("# mailboxes:")).replaceAll("(?m)^# ?", "");
        String withMailbox = shipped.replace("mailboxes: []", "").replace(
                shipped.substring(shipped.indexOf("# mailboxes:")), block);

        NudgeConfig config = load(withMailbox, Map.of("NUDGE_WORK_PASSWORD", "app-password"));

        MailboxConfig work = config.mailboxes().get(0);
        assertThat(work.smtp()).isEqualTo(new ServerConfig("smtp.gmail.com", 587, Security.STARTTLS,
                "jane@gmail.com", Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(work.imap()).isEqualTo(new ServerConfig("imap.gmail.com", 993, Security.TLS,
                "jane@gmail.com", Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }

    @Test
    void a_minimal_mailbox_gets_protocol_defaults() throws IOException {
        NudgeConfig config = load(WORK_MAILBOX, Map.of("NUDGE_WORK_PASSWORD", "s3cret"));

        assertThat(config.sandboxMode()).isFalse();
        MailboxConfig work = config.mailboxes().get(0);
        assertThat(work.name()).isEqualTo("work");
        assertThat(work.displayName()).isEmpty();
        assertThat(work.password()).isEqualTo(new Secret("NUDGE_WORK_PASSWORD", "s3cret"));
        assertThat(work.folders()).as("the junk folder is watched by default: replies land there too")
                .containsExactly("INBOX", "\\Junk");
        assertThat(work.smtp()).isEqualTo(new ServerConfig("smtp.example.com", 587, Security.STARTTLS,
                "jane@example.com", Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(work.imap().port()).isEqualTo(993);
        assertThat(work.imap().security()).isEqualTo(Security.TLS);
        assertThat(work.appendToSent()).as("providers usually keep what was sent over SMTP").isFalse();
    }

    @Test
    void append_to_sent_is_read_per_mailbox() throws IOException {
        NudgeConfig config = load(WORK_MAILBOX.replace("    smtp:", "    append-to-sent: true\n    smtp:"),
                Map.of("NUDGE_WORK_PASSWORD", "s3cret"));

        assertThat(config.mailboxes().get(0).appendToSent()).isTrue();
    }

    @Test
    void the_junk_folder_name_keeps_its_backslash_in_single_quotes() throws IOException {
        NudgeConfig config = load(WORK_MAILBOX.replace("    smtp:", "    folders: [INBOX, '\\Junk']\n    smtp:"),
                Map.of("NUDGE_WORK_PASSWORD", "s3cret"));

        assertThat(config.mailboxes().get(0).folders()).containsExactly("INBOX", "\\Junk");
    }

    @Test
    void default_port_follows_the_chosen_security_and_security_is_case_insensitive() throws IOException {
        String yaml = WORK_MAILBOX
                .replace("{host: smtp.example.com}", "{host: smtp.example.com, security: TLS}")
                .replace("{host: imap.example.com}", "{host: imap.example.com, security: StartTLS}");

        MailboxConfig work = load(yaml, Map.of("NUDGE_WORK_PASSWORD", "x")).mailboxes().get(0);

        assertThat(work.smtp().port()).isEqualTo(465);
        assertThat(work.imap().port()).isEqualTo(143);
        assertThat(work.imap().security()).isEqualTo(Security.STARTTLS);
    }

    @Test
    void several_mistakes_are_all_reported_with_their_keys() throws IOException {
        String yaml = """
                web:
                  port: abc
                scheduling:
                  inbox-poll-interval: soon
                database:
                  password: hunter2
                mailboxes:
                  - name: work
                    address: jane@example.com
                    password-env: NUDGE_WORK_PASSWORD
                    smpt: {host: smtp.example.com}
                    imap: {host: imap.example.com, security: plain}
                """;

        ConfigException e = failure(yaml, Map.of());

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "web.port", "scheduling.inbox-poll-interval", "database.password",
                "mailboxes[0].password-env", "mailboxes[0].smtp", "mailboxes[0].imap.security",
                "mailboxes[0].smpt");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo(file().toString()));
        assertThat(e.getMessage().lines()).hasSize(7);
        assertThat(e.getMessage())
                .contains("web.port: must be a whole number from 0 to 65535, got \"abc\"")
                .contains("scheduling.inbox-poll-interval: must be a duration above zero")
                .contains("database.password: passwords are never read from the file")
                .contains("environment variable NUDGE_WORK_PASSWORD is not set; export it with the mailbox password")
                .contains("mailboxes[0].smtp: is required")
                .contains("plain sends the password unencrypted")
                .contains("unknown key 'smpt' (did you mean 'smtp'?); allowed: name, address, display-name, "
                        + "password-env, smtp, imap, folders, append-to-sent")
                .doesNotContain("hunter2");
    }

    @Test
    void problem_reads_as_source_key_and_message() {
        ConfigProblem problem = new ConfigProblem("config/nudge.yaml", "mailboxes[0].smtp.port",
                "must be a whole number from 1 to 65535, got \"abc\"");

        assertThat(problem).hasToString(
                "config/nudge.yaml: mailboxes[0].smtp.port: must be a whole number from 1 to 65535, got \"abc\"");
    }

    @Test
    void unknown_key_far_from_any_allowed_one_gets_no_suggestion() throws IOException {
        ConfigException e = failure("web:\n  colour: blue\n", Map.of());

        assertThat(e.problems()).singleElement().hasToString(
                file() + ": web.colour: unknown key 'colour'; allowed: bind, port");
    }

    @Test
    void wrong_types_name_the_expected_type() throws IOException {
        String yaml = WORK_MAILBOX.replace("mailboxes:", "web: 8080\nscheduling:\n  dispatch-batch: [1]\nmailboxes:")
                .replace("    smtp:", "    folders: INBOX\n    smtp:");

        ConfigException e = failure(yaml, Map.of("NUDGE_WORK_PASSWORD", "x"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                file() + ": web: must be a section of keys, got \"8080\"",
                file() + ": scheduling.dispatch-batch: must be a whole number from 1 to 10000, got a list",
                file() + ": mailboxes[0].folders: must be a list, got \"INBOX\"");
    }

    @Test
    void yaml_syntax_error_is_one_problem_with_line_and_column() throws IOException {
        ConfigException e = failure("web:\n  bind: 127.0.0.1\n  port: 8080: 9090\n", Map.of());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEmpty();
            assertThat(p.message()).startsWith("is not valid YAML at line 3, column 13:");
        });
    }

    @Test
    void duplicate_keys_are_a_syntax_problem() throws IOException {
        ConfigException e = failure("web:\n  port: 1\n  port: 2\n", Map.of());

        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("line 3").contains("duplicate key port"));
    }

    @Test
    void env_override_wins_over_the_file_even_where_the_section_is_missing() throws IOException {
        Map<String, String> env = Map.of(
                "NUDGE_WEB_PORT", "9090",
                "NUDGE_DATABASE_URL", "jdbc:postgresql://db/nudge",
                "NUDGE_SCHEDULING_MAX_INBOX_AGE", "15m",
                "NUDGE_SANDBOX_DAY_LENGTH", "PT10S",
                "NUDGE_TEMPLATES", "/srv/nudge/templates");

        NudgeConfig config = load("web:\n  port: 8081\n", env);

        assertThat(config.web().port()).isEqualTo(9090);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db/nudge");
        assertThat(config.scheduling().maxInboxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.sandbox().dayLength()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.templatesDir()).isEqualTo(Path.of("/srv/nudge/templates"));
    }

    @Test
    void bad_env_override_names_the_variable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () ->
                ConfigLoader.load(dir.resolve("missing.yaml"), Map.of("NUDGE_WEB_PORT", "eighty")));

        assertThat(e.problems()).singleElement().hasToString(
                "NUDGE_WEB_PORT: web.port: must be a whole number from 0 to 65535, got \"eighty\"");
    }

    @Test
    void env_overrides_do_not_reach_into_mailboxes() throws IOException {
        Map<String, String> env = Map.of("NUDGE_WORK_PASSWORD", "x", "NUDGE_MAILBOXES_0_NAME", "other");

        assertThat(load(WORK_MAILBOX, env).mailboxes().get(0).name()).isEqualTo("work");
    }

    @Test
    void database_password_env_must_be_set_when_named() throws IOException {
        String yaml = "database:\n  password-env: NUDGE_DB_PASSWORD\n";

        assertThat(failure(yaml, Map.of()).problems()).singleElement().hasToString(file()
                + ": database.password-env: environment variable NUDGE_DB_PASSWORD is not set; "
                + "export it with the database password");
        assertThat(load(yaml, Map.of("NUDGE_DB_PASSWORD", "pw")).database().password())
                .isEqualTo(new Secret("NUDGE_DB_PASSWORD", "pw"));
    }

    @Test
    void empty_password_variable_is_a_problem() throws IOException {
        assertThat(failure(WORK_MAILBOX, Map.of("NUDGE_WORK_PASSWORD", "")).getMessage())
                .contains("environment variable NUDGE_WORK_PASSWORD is empty");
    }

    @Test
    void password_env_that_looks_like_a_password_is_not_echoed() throws IOException {
        String yaml = WORK_MAILBOX.replace("NUDGE_WORK_PASSWORD", "pa$$w0rd!");

        assertThat(failure(yaml, Map.of()).getMessage())
                .contains("mailboxes[0].password-env: must be the name of an environment variable")
                .doesNotContain("pa$$w0rd!");
    }

    @Test
    void plain_is_allowed_on_loopback_or_with_allow_plain() throws IOException {
        String yaml = WORK_MAILBOX
                .replace("{host: smtp.example.com}", "{host: localhost, security: plain}")
                .replace("{host: imap.example.com}", "{host: mail.lan, security: plain, allow-plain: true}");

        MailboxConfig work = load(yaml, Map.of("NUDGE_WORK_PASSWORD", "x")).mailboxes().get(0);

        assertThat(work.smtp().port()).isEqualTo(25);
        assertThat(work.imap().port()).isEqualTo(143);
        assertThat(work.imap().security()).isEqualTo(Security.PLAIN);
    }

    @Test
    void plain_on_a_remote_host_says_how_to_opt_in() throws IOException {
        String yaml = WORK_MAILBOX.replace("{host: smtp.example.com}", "{host: smtp.example.com, security: plain}");

        assertThat(failure(yaml, Map.of("NUDGE_WORK_PASSWORD", "x")).problems()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("mailboxes[0].smtp.security"))
                .satisfies(p -> assertThat(p.message()).contains("localhost, 127.0.0.1 or ::1")
                        .contains("allow-plain: true"));
    }

    @Test
    void mailbox_names_must_be_unique() throws IOException {
        String yaml = WORK_MAILBOX + WORK_MAILBOX.replace("mailboxes:\n", "");

        assertThat(failure(yaml, Map.of("NUDGE_WORK_PASSWORD", "x")).problems()).singleElement().hasToString(
                file() + ": mailboxes[1].name: 'work' is already used by mailboxes[0].name; "
                        + "mailbox names must be unique");
    }

    @Test
    void max_inbox_age_must_be_longer_than_the_poll_interval() throws IOException {
        String yaml = "scheduling:\n  inbox-poll-interval: 5m\n  max-inbox-age: 5m\n";

        assertThat(failure(yaml, Map.of()).problems()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("scheduling.max-inbox-age"));
    }

    @Test
    void short_and_iso_durations_are_both_accepted() throws IOException {
        String yaml = "scheduling:\n  inbox-poll-interval: 60s\n  max-inbox-age: 1h\n"
                + "  dispatch-recheck: pt45s\nsandbox:\n  day-length: 2d\n";

        NudgeConfig config = load(yaml, Map.of());

        assertThat(config.scheduling().inboxPollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.scheduling().maxInboxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(config.scheduling().dispatchRecheck()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.sandbox().dayLength()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void zero_durations_bad_zones_and_yes_for_true_are_refused() throws IOException {
        String yaml = WORK_MAILBOX.replace("{host: imap.example.com}", "{host: imap.example.com, allow-plain: yes}")
                + "scheduling:\n  zone: Mars/Olympus\n  dispatch-recheck: 0s\n";

        assertThat(failure(yaml, Map.of("NUDGE_WORK_PASSWORD", "x")).problems())
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("scheduling.zone", "scheduling.dispatch-recheck",
                        "mailboxes[0].imap.allow-plain");
    }

    @Test
    void a_list_at_the_top_is_refused() throws IOException {
        assertThat(failure("- web\n", Map.of()).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("must be a section of keys"));
    }

    @Test
    void secrets_never_show_in_the_config_text() throws IOException {
        NudgeConfig config = load(WORK_MAILBOX, Map.of("NUDGE_WORK_PASSWORD", "s3cret"));

        assertThat(config.toString()).doesNotContain("s3cret");
    }

    private Path file() {
        return dir.resolve("nudge.yaml");
    }

    private NudgeConfig load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(file(), yaml);
        return ConfigLoader.load(file(), env);
    }

    private ConfigException failure(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(file(), yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file(), env));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e;
    }

}
