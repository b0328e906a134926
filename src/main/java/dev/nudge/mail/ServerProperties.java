package dev.nudge.mail;

import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail session properties for one server. Every socket timeout in
 * Jakarta Mail defaults to infinite, so all three are always written.
 */
public final class ServerProperties {

    // Used only when a config record arrives without a timeout: never infinite.
    static final Duration FALLBACK_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration FALLBACK_READ_TIMEOUT = Duration.ofSeconds(60);

    private ServerProperties() {
    }

    /**
     * @param protocol the Jakarta Mail protocol name the properties are keyed by:
     *                 {@code smtp}, {@code imap} or {@code imaps}
     */
    public static Properties of(String protocol, ServerConfig server) {
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(prefix + "host", server.host());
        props.setProperty(prefix + "port", Integer.toString(server.port()));
        props.setProperty(prefix + "connectiontimeout", millis(server.connectTimeout(), FALLBACK_CONNECT_TIMEOUT));
        props.setProperty(prefix + "timeout", millis(server.readTimeout(), FALLBACK_READ_TIMEOUT));
        // A stalled write is as bad as a stalled read; one setting covers both.
        props.setProperty(prefix + "writetimeout", millis(server.readTimeout(), FALLBACK_READ_TIMEOUT));
        Security security = server.security() == null ? Security.TLS : server.security();
        switch (security) {
            case STARTTLS -> {
                props.setProperty(prefix + "starttls.enable", "true");
                // Without "required" a server that hides STARTTLS gets our password in clear.
                props.setProperty(prefix + "starttls.required", "true");
                props.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> {
                props.setProperty(prefix + "ssl.enable", "true");
                props.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case PLAIN -> {
                // Explicitly chosen in config; nothing to add.
            }
        }
        return props;
    }

    private static String millis(Duration value, Duration fallback) {
        Duration d = value == null || value.isZero() || value.isNegative() ? fallback : value;
        return Long.toString(d.toMillis());
    }
}
