package dev.nudge.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.config.DatabaseConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 with its default write delay loses committed rows when the process is
 * killed. Nudge opens it so that a commit is on disk when it returns: a child
 * JVM is killed with SIGKILL mid-write, and every commit it confirmed must be
 * there afterwards.
 */
class KillDurabilityTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} rows per commit")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 10})
    void every_confirmed_commit_survives_kill_minus_9(int perCommit) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("durable").toAbsolutePath();
        Set<String> confirmed = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            confirmed.addAll(runAndKill(url, round, 200 + round * 150, perCommit));
        }
        Set<String> stored = new HashSet<>();
        try (Database db = Database.open(new DatabaseConfig(url, "nudge", null))) {
            stored.addAll(db.inTransaction(tx -> tx.query("SELECT email FROM contact",
                    rs -> rs.getString("email"))));
        }
        System.out.printf("kill -9 durability, %d rows per commit: %d rounds, %d rows confirmed, %d lost%n",
                perCommit, ROUNDS, confirmed.size(), confirmed.stream().filter(c -> !stored.contains(c)).count());
        assertThat(confirmed).hasSizeGreaterThan(ROUNDS * 100);
        assertThat(stored).containsAll(confirmed);
    }

    /** Starts the child, lets it confirm {@code commits} commits, kills it hard, returns what it confirmed. */
    private List<String> runAndKill(String url, int round, int commits, int perCommit) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), url, String.valueOf(round), String.valueOf(perCommit)).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("COMMITTED ")) {
                    seen.add(line.split(" ")[1]);
                    if (seen.size() >= commits) {
                        break;
                    }
                }
            }
            // SIGKILL: no shutdown hooks, no H2 close, mid-transaction.
            new ProcessBuilder("kill", "-9", String.valueOf(child.pid())).start().waitFor();
            child.waitFor();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    seen.add(line.split(" ")[1]);
                }
            }
        }
        assertThat(seen).as("commits confirmed by the child; its output:%n%s", log).isNotEmpty();
        return seen;
    }
}
