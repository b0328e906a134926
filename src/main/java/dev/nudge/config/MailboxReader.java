package dev.nudge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code mailboxes:} list of the config file, including each SMTP and IMAP block. */
final class MailboxReader {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    // Replies land in the junk folder too often to ignore it.
    private static final List<String> DEFAULT_FOLDERS = List.of("INBOX", "\\Junk");
    /** Hosts where an unencrypted connection never leaves the machine. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private static final ValueType<String> NAME =
            ValueType.matching("[a-z0-9-]{1,40}", "1 to 40 lowercase letters, digits or '-', e.g. work");
    // Deliberately simple: it keeps out display names, spaces and line breaks (header injection);
    // the mail server has the last word on the rest.
    private static final ValueType<String> ADDRESS = ValueType.matching(
            "[^\\s@<>()\",;:\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
            "an email address like jane@example.com");
    private static final ValueType<String> DISPLAY_NAME =
            ValueType.matching("[^\\r\\n\\x00]{0,200}", "one line of at most 200 characters");
    private static final ValueType<String> HOST =
            ValueType.matching("[A-Za-z0-9.:_\\[\\]-]{1,253}", "a host name or IP address, e.g. smtp.example.com");
    private static final ValueType<String> FOLDER =
            ValueType.matching("[^\\r\\n\\x00]{1,200}", "a folder name, e.g. INBOX");

    /** Which server a block describes: its default security and the port for each security. */
    private enum Protocol {
        SMTP(Security.STARTTLS, 25, 587, 465),
        IMAP(Security.TLS, 143, 143, 993);

        final Security defaultSecurity;
        final int plainPort;
        final int starttlsPort;
        final int tlsPort;

        Protocol(Security defaultSecurity, int plainPort, int starttlsPort, int tlsPort) {
            this.defaultSecurity = defaultSecurity;
            this.plainPort = plainPort;
            this.starttlsPort = starttlsPort;
            this.tlsPort = tlsPort;
        }

        int port(Security security) {
            return switch (security) {
                case PLAIN -> plainPort;
                case STARTTLS -> starttlsPort;
                case TLS -> tlsPort;
            };
        }
    }

    private final Map<String, String> env;

    MailboxReader(Map<String, String> env) {
        this.env = env;
    }

    /** Every valid mailbox under {@code mailboxes:}; an empty list means sandbox mode. */
    List<MailboxConfig> mailboxes(YamlMap root) {
        List<MailboxConfig> result = new ArrayList<>();
        Map<String, String> pathByName = new HashMap<>();
        for (YamlMap block : root.sections("mailboxes")) {
            Optional<MailboxConfig> mailbox = mailbox(block);
            mailbox.ifPresent(result::add);
            mailbox.map(MailboxConfig::name).ifPresent(name -> {
                String earlier = pathByName.putIfAbsent(name, block.keyPath("name"));
                if (earlier != null) {
                    block.problem("name", "'" + name + "' is already used by " + earlier
                            + "; mailbox names must be unique");
                }
            });
        }
        return result;
    }

    private Optional<MailboxConfig> mailbox(YamlMap m) {
        Optional<String> name = m.required("name", NAME, "a short id used in sequences, e.g. work");
        Optional<String> address = m.required("address", ADDRESS, "the From address, e.g. jane@example.com");
        String displayName = m.get("display-name", DISPLAY_NAME, "");
        ConfigLoader.forbidPassword(m);
        Optional<Secret> password = m.required("password-env", ConfigLoader.ENV_NAME,
                        "the environment variable holding the password, e.g. NUDGE_WORK_PASSWORD")
                .flatMap(envName -> ConfigLoader.secret(m, env, envName, "the mailbox password"));
        String user = address.orElse("");
        Optional<ServerConfig> smtp = server(m, "smtp", Protocol.SMTP, user);
        Optional<ServerConfig> imap = server(m, "imap", Protocol.IMAP, user);
        List<String> folders = m.scalars("folders", FOLDER, DEFAULT_FOLDERS);
        if (folders.isEmpty()) {
            m.problem("folders", "must list at least one folder, e.g. [INBOX]");
        }
        boolean appendToSent = m.get("append-to-sent", ValueType.bool(), false);
        if (name.isEmpty() || address.isEmpty() || password.isEmpty() || smtp.isEmpty() || imap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MailboxConfig(name.get(), address.get(), displayName,
                smtp.get(), imap.get(), password.get(), List.copyOf(folders), appendToSent));
    }

    private Optional<ServerConfig> server(YamlMap mailbox, String key, Protocol protocol, String address) {
        if (!mailbox.has(key)) {
            mailbox.problem(key, "is required: a section with at least host, e.g. " + key
                    + ": {host: " + key + ".example.com}");
            return Optional.empty();
        }
        YamlMap s = mailbox.section(key);
        Optional<String> host = s.required("host", HOST, "the server's host name, e.g. " + key + ".example.com");
        Security security = s.get("security", ValueType.oneOf(Security.class), protocol.defaultSecurity);
        int port = s.get("port", ValueType.wholeNumber(1, 65535), protocol.port(security));
        String user = s.get("user", ValueType.text(), address);
        Duration connect = s.get("connect-timeout", ValueType.duration(), DEFAULT_CONNECT_TIMEOUT);
        Duration read = s.get("read-timeout", ValueType.duration(), DEFAULT_READ_TIMEOUT);
        boolean allowPlain = s.get("allow-plain", ValueType.bool(), false);
        ConfigLoader.forbidPassword(s);
        if (security == Security.PLAIN && host.isPresent() && !allowPlain && !isLoopback(host.get())) {
            s.problem("security", "plain sends the password unencrypted, so it is allowed only when host is "
                    + "localhost, 127.0.0.1 or ::1 (got " + host.get() + "); use starttls or tls, "
                    + "or set allow-plain: true in this block to accept the risk");
        }
        return host.map(h -> new ServerConfig(h, port, security, user, connect, read));
    }

    private static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.toLowerCase(java.util.Locale.ROOT));
    }
}
