package dev.nudge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs `nudge` in this JVM as a user types it, against a config in a temporary folder. */
final class CliRun {

    record Result(int code, String out, String err) {
    }

    private CliRun() {
    }

    /** A config with the shipped templates and sequences and an H2 file in {@code dir}. */
    static Path writeConfig(Path dir) throws IOException {
        return writeConfig(dir, "");
    }

    /** As {@link #writeConfig(Path)}, with {@code moreYaml} (top-level keys) added at the end. */
    static Path writeConfig(Path dir, String moreYaml) throws IOException {
        Path config = dir.resolve("nudge.yaml");
        Files.writeString(config, """
                templates: %s
                sequences: %s
                database:
                  url: jdbc:h2:file:%s
                """.formatted(Path.of("templates").toAbsolutePath(), Path.of("config/sequences").toAbsolutePath(),
                dir.resolve("db/nudge").toAbsolutePath()) + moreYaml);
        return config;
    }

    /** `nudge --config CONFIG ARGS...`, with what it printed on each stream. */
    static Result nudge(Path config, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--config";
        full[1] = config.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return run(full);
    }

    /** `nudge ARGS...` exactly as given, with what it printed on each stream. */
    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
