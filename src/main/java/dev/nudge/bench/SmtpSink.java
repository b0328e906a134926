package dev.nudge.bench;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's {@code smtp-sink} on a free loopback port: a C server that accepts
 * every message and throws it away as fast as the socket allows, so the
 * server's own speed does not hide the client's.
 */
final class SmtpSink implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/smtp-sink"), Path.of("/usr/bin/smtp-sink"));
    private static final long START_MILLIS = 10_000;

    private final Process process;
    private final int port;

    private SmtpSink(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The installed binary, if any (Debian package {@code postfix}). */
    static Optional<Path> binary() {
        return PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts the sink; fails loudly when it is installed but does not come up. */
    static SmtpSink start(Path binary) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // As root it must be told whose rights to drop to after binding.
            command.addAll(List.of("-u", Files.isDirectory(Path.of("/var/spool/postfix")) ? "postfix" : "nobody"));
        }
        // -a: no AUTH offered (its AUTH answers 250, which a client rightly takes as a refusal).
        command.addAll(List.of("-a", "127.0.0.1:" + port, "256"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            SmtpSink sink = new SmtpSink(p, port);
            sink.awaitListening();
            return sink;
        } catch (IOException e) {
            throw new NudgeException("Cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new NudgeException("smtp-sink exited with " + process.exitValue() + " before listening on "
                        + port);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Parallel.pause(20);
            }
        }
        close();
        throw new NudgeException("smtp-sink did not listen on 127.0.0.1:" + port + " within " + START_MILLIS + " ms");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new NudgeException("No free loopback port: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
