package dev.nudge.bench;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Secret;
import dev.nudge.config.Security;
import dev.nudge.config.ServerConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Dovecot IMAP server of its own: config, users, Maildirs, logs
 * and sockets in one temporary folder, plaintext login on 127.0.0.1 and a
 * port picked at run time, in the foreground ({@code -F}) until closed. Never
 * the system's service. Run as root, mail is owned by {@code nobody} (Dovecot
 * refuses mail access as root) and the login processes run as {@code dovenull}.
 */
final class DovecotServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/dovecot");
    static final Path DOVEADM = Path.of("/usr/bin/doveadm");
    static final String PASSWORD = "bench-password";
    static final String DOMAIN = "bench.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    // Dovecot's own capabilities less IDLE, for a server that can only be polled.
    private static final String NO_IDLE_CAPABILITIES = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT "
            + "THREAD=REFERENCES MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 "
            + "ESEARCH SEARCHRES WITHIN LIST-STATUS BINARY MOVE LITERAL+";

    private final Path dir;
    private final List<String> users;
    private final int port;
    private final MailOwner owner;
    private final Storage storage;
    private Process process;

    /**
     * How Dovecot keeps the mail. Either way the bench fills a Maildir
     * ({@link #maildir}); for mdbox, Dovecot's own format with its indexes,
     * {@link #start} converts it with {@code doveadm backup} and removes it.
     */
    enum Storage {
        MAILDIR("Maildir", "maildir:~/Maildir"),
        MDBOX("mdbox", "mdbox:~/mdbox");

        final String label;
        final String location;

        Storage(String label, String location) {
            this.label = label;
            this.location = location;
        }
    }

    /** The IMAP server itself comes in a package of its own (dovecot-imapd), apart from dovecot-core. */
    static final Path IMAP_BINARY = Path.of("/usr/lib/dovecot/imap");

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(IMAP_BINARY) && Files.isExecutable(DOVEADM);
    }

    /** Why a case that needs Dovecot did not run, for its skipped figures. */
    static String notInstalled() {
        return "skipped: no " + BINARY + " with " + IMAP_BINARY + "; install dovecot-imapd (it is started by the"
                + " bench, never as a service)";
    }

    /**
     * Writes the config and an empty Maildir per user in a new temporary folder,
     * deleted on close; call {@link #start} after filling them.
     *
     * @param users local parts; each logs in as {@code user@bench.test}
     * @param idle  false hides IDLE from the capabilities, so clients can only poll
     */
    DovecotServer(List<String> users, boolean idle) {
        this(users, idle, Storage.MAILDIR);
    }

    /** As {@link #DovecotServer(List, boolean)}, keeping the mail in {@code storage}. */
    DovecotServer(List<String> users, boolean idle, Storage storage) {
        this.storage = storage;
        this.dir = TempDirs.create("nudge-bench-dovecot");
        this.users = List.copyOf(users);
        this.port = freePort();
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            this.owner = MailOwner.of(dir);
            for (String user : users) {
                for (String sub : List.of("cur", "new", "tmp")) {
                    Files.createDirectories(maildir(user).resolve(sub));
                }
            }
            Files.createDirectories(dir.resolve("run"));
            Files.createDirectories(dir.resolve("state"));
            Files.writeString(dir.resolve("passwd"), passwd(), StandardCharsets.UTF_8);
            Files.writeString(config(), config(idle), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NudgeException("Cannot prepare Dovecot in " + dir + ": " + e.getMessage(), e);
        }
    }

    Path maildir(String user) {
        return dir.resolve("home").resolve(user).resolve("Maildir");
    }

    int port() {
        return port;
    }

    static String address(String user) {
        return user + "@" + DOMAIN;
    }

    /** A mailbox watching INBOX on this server, sending to an SMTP port nobody listens on. */
    MailboxConfig mailbox(String name, String user) {
        ServerConfig imap = new ServerConfig("127.0.0.1", port, Security.PLAIN, address(user), TIMEOUT, TIMEOUT);
        ServerConfig smtp = new ServerConfig("127.0.0.1", freePort(), Security.PLAIN, address(user), TIMEOUT,
                TIMEOUT);
        return new MailboxConfig(name, address(user), "Bench " + user, smtp, imap,
                new Secret("NUDGE_BENCH_PASSWORD", PASSWORD), List.of("INBOX"));
    }

    /** A plain Angus Mail client logged in as {@code user}, for filling and reading mailboxes outside Nudge. */
    Store login(String user) {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        p.setProperty("mail.imap.timeout", String.valueOf(TIMEOUT.toMillis()));
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect("127.0.0.1", port, address(user), PASSWORD);
            return store;
        } catch (MessagingException e) {
            throw new NudgeException("Cannot log in to the bench Dovecot as " + user + ": " + e.getMessage()
                    + "\n" + log(), e);
        }
    }

    /** Checks the config with {@code dovecot -n}, starts Dovecot and waits until it takes connections. */
    DovecotServer start() {
        run(List.of(BINARY.toString(), "-n", "-c", config().toString()), "dovecot -n");
        chownMail();
        try {
            process = new ProcessBuilder(BINARY.toString(), "-F", "-c", config().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new NudgeException("Cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        awaitListening();
        if (storage == Storage.MDBOX) {
            for (String user : users) {
                // -R: the user's own mail (the mdbox) becomes a copy of the Maildir.
                run(List.of(DOVEADM.toString(), "-c", config().toString(), "backup", "-R", "-u", address(user),
                        "maildir:~/Maildir"), "doveadm backup (Maildir to mdbox)");
                TempDirs.delete(maildir(user));
            }
        }
        return this;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failed("exited with code " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException notYet) {
                pause(Duration.ofMillis(50));
            }
        }
        throw failed("did not listen on 127.0.0.1:" + port + " within " + START_WAIT.toSeconds() + " s");
    }

    private NudgeException failed(String what) {
        return new NudgeException("Dovecot " + what + " (installed but broken?); its log:\n" + log());
    }

    String log() {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("stdout.log", "dovecot.log")) {
            Path f = dir.resolve(name);
            try {
                if (Files.exists(f)) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> s.append(l).append('\n'));
                }
            } catch (IOException e) {
                s.append("(cannot read ").append(f).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return s.toString();
    }

    private void chownMail() {
        if (owner.user() == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir.resolve("home"))) {
            for (Path p : walk.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(owner.user());
                view.setGroup(owner.group());
            }
        } catch (IOException e) {
            throw new NudgeException("Cannot hand the Maildirs to " + owner.user().getName() + ": " + e.getMessage(), e);
        }
    }

    private Path config() {
        return dir.resolve("dovecot.conf");
    }

    private String passwd() {
        StringBuilder s = new StringBuilder();
        for (String user : users) {
            s.append(address(user)).append(":{PLAIN}").append(PASSWORD).append(':').append(owner.uid()).append(':')
                    .append(owner.gid()).append("::").append(dir.resolve("home").resolve(user).toAbsolutePath())
                    .append('\n');
        }
        return s.toString();
    }

    private String config(boolean idle) {
        Path d = dir.toAbsolutePath();
        return "listen = 127.0.0.1\n"
                + "protocols = imap\n"
                + "base_dir = " + d.resolve("run") + "\n"
                + "state_dir = " + d.resolve("state") + "\n"
                + "log_path = " + d.resolve("dovecot.log") + "\n"
                + "info_log_path = " + d.resolve("dovecot.log") + "\n"
                + "ssl = no\n"
                + "disable_plaintext_auth = no\n"
                + "auth_mechanisms = plain login\n"
                + "mail_location = " + storage.location + "\n"
                // One separator for every format, as doveadm backup wants between Maildir and mdbox.
                + "namespace inbox {\n  inbox = yes\n  separator = .\n  prefix =\n}\n"
                + "default_login_user = " + owner.loginUser() + "\n"
                + "default_internal_user = " + owner.internalUser() + "\n"
                + "default_internal_group = " + owner.internalGroup() + "\n"
                + "first_valid_uid = " + owner.uid() + "\n"
                + "first_valid_gid = " + owner.gid() + "\n"
                + (idle ? "" : "imap_capability = " + NO_IDLE_CAPABILITIES + "\n")
                + "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u " + d.resolve("passwd")
                + "\n}\n"
                + "userdb {\n  driver = passwd-file\n  args = username_format=%u " + d.resolve("passwd") + "\n}\n"
                + "service imap-login {\n  chroot =\n"
                + "  inet_listener imap {\n    address = 127.0.0.1\n    port = " + port + "\n  }\n"
                + "  inet_listener imaps {\n    port = 0\n  }\n}\n"
                + "service anvil {\n  chroot =\n}\n";
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(dir);
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void run(List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new NudgeException(what + " failed with the bench's Dovecot config " + config() + ":\n"
                        + output + log());
            }
        } catch (IOException e) {
            throw new NudgeException("Cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NudgeException(what + " was interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new NudgeException("No free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    static void pause(Duration d) {
        Parallel.pause(d.toMillis());
    }

    /**
     * Who owns the mail and runs Dovecot's processes. As root: mail belongs to
     * nobody, logins run as dovenull, internals as dovecot (Debian's users).
     * Otherwise everything runs as the current user.
     *
     * @param user null when the files keep their owner
     */
    private record MailOwner(UserPrincipal user, GroupPrincipal group, long uid, long gid, String loginUser,
                             String internalUser, String internalGroup) {

        static MailOwner of(Path dir) throws IOException {
            long uid = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
            if (uid != 0) {
                var attrs = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class);
                String name = attrs.owner().getName();
                long gid = ((Number) Files.getAttribute(dir, "unix:gid")).longValue();
                return new MailOwner(null, null, uid, gid, name, name, attrs.group().getName());
            }
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
            GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
            Path probe = Files.createTempFile(dir, "owner", ".probe");
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(probe, PosixFileAttributeView.class);
                view.setOwner(nobody);
                view.setGroup(nogroup);
                return new MailOwner(nobody, nogroup, ((Number) Files.getAttribute(probe, "unix:uid")).longValue(),
                        ((Number) Files.getAttribute(probe, "unix:gid")).longValue(), "dovenull", "dovecot",
                        "dovecot");
            } finally {
                Files.delete(probe);
            }
        }
    }
}
