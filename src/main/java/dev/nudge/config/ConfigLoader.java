package dev.nudge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code config/nudge.yaml} and the {@code NUDGE_...} environment into one
 * {@link NudgeConfig}. Every problem is collected and reported together in one
 * {@link ConfigException}; see {@link YamlMap} for how overrides are named.
 */
public final class ConfigLoader {

    /** The default templates directory, relative to the working directory. */
    public static final Path DEFAULT_TEMPLATES = Path.of("templates");
    /** The default sequences directory, relative to the working directory. */
    public static final Path DEFAULT_SEQUENCES = Path.of("config", "sequences");
    /** An H2 file database under {@code ./data}. */
    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/nudge";
    /** H2's usual user; H2 then needs no password. */
    public static final String DEFAULT_DATABASE_USER = "nudge";
    /** Loopback only: the web UI has no login of its own. */
    public static final String DEFAULT_WEB_BIND = "127.0.0.1";
    /** The web UI's default port. */
    public static final int DEFAULT_WEB_PORT = 8080;
    /** How often an inbox is synced unless configured otherwise. */
    public static final Duration DEFAULT_INBOX_POLL_INTERVAL = Duration.ofMinutes(1);
    /** Ten missed polls before sends hold: rides out a short outage, not a long one. */
    public static final Duration DEFAULT_MAX_INBOX_AGE = Duration.ofMinutes(10);
    /** The dispatcher's longest sleep, so work written by another node is picked up. */
    public static final Duration DEFAULT_DISPATCH_RECHECK = Duration.ofSeconds(30);
    /** The most steps one dispatch run sends. */
    public static final int DEFAULT_DISPATCH_BATCH = 200;
    /** A sandbox day lasts five seconds, so a month-long sequence plays out in under three minutes. */
    public static final Duration DEFAULT_SANDBOX_DAY_LENGTH = Duration.ofSeconds(5);

    /** An out-of-office that names no return date puts the next step off by three days. */
    public static final Duration DEFAULT_AUTO_REPLY_PAUSE = Duration.ofDays(3);
    /** Three soft bounces in one enrollment and it fails: the address is not getting mail. */
    public static final int DEFAULT_SOFT_BOUNCE_LIMIT = 3;

    /** Environment variable names as POSIX shells accept them. */
    static final ValueType<String> ENV_NAME = raw -> {
        String text = raw instanceof String s ? s.trim() : "";
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // The value is not echoed: a password pasted here by mistake must not reach a log.
            throw new IllegalArgumentException("must be the name of an environment variable "
                    + "(letters, digits and _), e.g. NUDGE_WORK_PASSWORD");
        }
        return text;
    };

    private ConfigLoader() {
    }

    /**
     * Loads config from a YAML file. A missing file is NOT an error: all defaults (sandbox mode),
     * still subject to environment overrides.
     *
     * @param env the process environment (or a test's), for overrides and passwords
     * @throws ConfigException listing every problem found
     */
    public static NudgeConfig load(Path file, Map<String, String> env) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<YamlMap> root = Files.exists(file)
                ? YamlMap.read(file, env, problems)
                : YamlMap.parse(file.toString(), "", env, problems);
        if (root.isEmpty()) {
            throw new ConfigException(problems);
        }
        NudgeConfig config = read(root.get(), env);
        root.get().rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static NudgeConfig read(YamlMap root, Map<String, String> env) {
        return new NudgeConfig(
                root.get("templates", ValueType.path(), DEFAULT_TEMPLATES),
                root.get("sequences", ValueType.path(), DEFAULT_SEQUENCES),
                database(root.section("database"), env),
                web(root.section("web")),
                scheduling(root.section("scheduling")),
                new SandboxConfig(root.section("sandbox")
                        .get("day-length", ValueType.duration(), DEFAULT_SANDBOX_DAY_LENGTH)),
                replies(root.section("replies")),
                new MailboxReader(env).mailboxes(root));
    }

    private static DatabaseConfig database(YamlMap db, Map<String, String> env) {
        String url = db.get("url", ValueType.matching("jdbc:\\S+", "a JDBC URL starting with jdbc:"),
                DEFAULT_DATABASE_URL);
        String user = db.get("user", ValueType.text(), DEFAULT_DATABASE_USER);
        forbidPassword(db);
        Secret password = db.optional("password-env", ENV_NAME)
                .flatMap(name -> secret(db, env, name, "the database password"))
                .orElse(null);
        return new DatabaseConfig(url, user, password);
    }

    private static WebConfig web(YamlMap web) {
        String bind = web.get("bind", ValueType.matching("[^\\s/]+",
                "an IP address or host name to listen on, e.g. 127.0.0.1"), DEFAULT_WEB_BIND);
        int port = web.get("port", ValueType.wholeNumber(0, 65535), DEFAULT_WEB_PORT);
        return new WebConfig(bind, port);
    }

    private static SchedulingConfig scheduling(YamlMap s) {
        ZoneId zone = s.get("zone", ValueType.zone(), ZoneId.systemDefault());
        Duration poll = s.get("inbox-poll-interval", ValueType.duration(), DEFAULT_INBOX_POLL_INTERVAL);
        Duration maxAge = s.get("max-inbox-age", ValueType.duration(), DEFAULT_MAX_INBOX_AGE);
        Duration recheck = s.get("dispatch-recheck", ValueType.duration(), DEFAULT_DISPATCH_RECHECK);
        int batch = s.get("dispatch-batch", ValueType.wholeNumber(1, 10_000), DEFAULT_DISPATCH_BATCH);
        if (maxAge.compareTo(poll) <= 0) {
            // Otherwise the inbox is "too old" just before every sync and sends keep stalling.
            s.problem("max-inbox-age", "must be longer than inbox-poll-interval (" + poll
                    + "), got " + maxAge + "; sends hold while the inbox is older than this");
        }
        return new SchedulingConfig(zone, poll, maxAge, recheck, batch);
    }

    private static ReplyConfig replies(YamlMap r) {
        return new ReplyConfig(
                r.get("stop-other-sequences", ValueType.bool(), true),
                r.get("auto-reply-pause", ValueType.duration(), DEFAULT_AUTO_REPLY_PAUSE),
                r.get("soft-bounce-limit", ValueType.wholeNumber(1, 100), DEFAULT_SOFT_BOUNCE_LIMIT));
    }

    /** Passwords live in the environment only, so the file can be shared and committed. */
    static void forbidPassword(YamlMap map) {
        map.forbid("password", "passwords are never read from the file; remove it, export the "
                + "password in an environment variable and name that variable in password-env");
    }

    /**
     * The secret in environment variable {@code envName}, or a problem on {@code password-env}
     * of {@code map} when it is unset or empty.
     */
    static Optional<Secret> secret(YamlMap map, Map<String, String> env, String envName, String what) {
        String value = env.get(envName);
        if (value == null) {
            map.problem("password-env", "environment variable " + envName
                    + " is not set; export it with " + what);
            return Optional.empty();
        }
        if (value.isEmpty()) {
            map.problem("password-env", "environment variable " + envName
                    + " is empty; export it with " + what);
            return Optional.empty();
        }
        return Optional.of(new Secret(envName, value));
    }
}
