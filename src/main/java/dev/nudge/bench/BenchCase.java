package dev.nudge.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * One case of {@code nudge bench}: it measures, says what its figures mean
 * next to each other, and describes what it did.
 */
interface BenchCase {

    /** The name {@code --case} selects it by, such as {@code sending} or {@code import}. */
    String key();

    /** Runs every round of the case, printing a line per run, and returns its figures. */
    List<Figure> run(BenchOptions options, PrintStream out);

    /** Lines such as "dispatch / ceiling: 0.8 (goal >= 0.7: met)", from this case's own figures. */
    default List<String> findings(List<Figure> figures) {
        return List.of();
    }

    /** A Markdown list item (or several) for "What each case does". */
    String method();

    /** The figure of that name among {@code figures}, if it was measured. */
    static java.util.Optional<Figure> find(List<Figure> figures, String name) {
        return figures.stream().filter(f -> f.name().equals(name) && f.measured()).findFirst();
    }
}
