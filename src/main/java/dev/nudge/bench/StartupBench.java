package dev.nudge.bench;

import dev.nudge.NudgeException;
import dev.nudge.sandbox.SampleFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Start-up: from launching {@code java -jar nudge.jar serve} (sandbox mode,
 * a fresh H2 file) to its {@code ready:} log line.
 */
final class StartupBench {

    private static final long MAX_WAIT_SECONDS = 120;

    private final Path jar;
    private final Path classArchive;

    /** @param classArchive a class data archive the JVM maps ({@code -XX:SharedArchiveFile}), or null */
    StartupBench(Path jar, Path classArchive) {
        this.jar = jar;
        this.classArchive = classArchive;
    }

    /** Milliseconds to {@code ready:} for one fresh start. */
    double run() {
        Path dir = TempDirs.create("nudge-bench-startup");
        Process child = null;
        try {
            Path config = prepare(dir);
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaCommand()));
            if (classArchive != null) {
                command.add("-XX:SharedArchiveFile=" + classArchive.toAbsolutePath());
            }
            command.addAll(java.util.List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("NUDGE_CONFIG", config.toString());
            long started = System.nanoTime();
            child = pb.start();
            Process running = child;
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitReady(running));
            if (!ready.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new NudgeException("nudge serve ended without logging ready: (exit code "
                        + child.waitFor() + ")");
            }
            return (System.nanoTime() - started) / 1e6;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new NudgeException("The start-up bench failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NudgeException("The start-up bench was interrupted", e);
        } finally {
            stop(child);
            TempDirs.delete(dir);
        }
    }

    /** The sample sequence and templates, and a config whose database is a file in {@code dir}. */
    private static Path prepare(Path dir) throws IOException {
        SampleFiles.extract(dir);
        Path config = dir.resolve("nudge.yaml");
        Files.writeString(config, "templates: " + dir.resolve("templates").toAbsolutePath() + "\n"
                + "sequences: " + dir.resolve("sequences").toAbsolutePath() + "\n"
                + "database:\n"
                + "  url: jdbc:h2:file:" + dir.resolve("data/nudge").toAbsolutePath() + "\n");
        return config;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean awaitReady(Process child) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.contains("ready:")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks the child to shut down as a user would (SIGTERM), then insists. */
    private static void stop(Process child) {
        if (child == null) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
