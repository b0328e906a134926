package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.fail;

import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Mailbox configs for a local test server, and the one bounded wait the IMAP tests use. */
final class ImapTesting {

    static final String PASSWORD = "s3cret";

    private ImapTesting() {
    }

    static MailboxConfig mailbox(String name, int imapPort, List<String> folders) {
        ServerConfig imap = new ServerConfig("127.0.0.1", imapPort, Security.PLAIN, "me", Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        return new MailboxConfig(name, "me@example.com", "Me", null, imap, new Secret("NUDGE_TEST_PASSWORD", PASSWORD),
                folders);
    }

    /** Polls {@code condition} every 20 ms; fails naming {@code what} when it is still false after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not true after " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** True while any live thread's name starts with {@code prefix}. */
    static boolean threadAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }
}
