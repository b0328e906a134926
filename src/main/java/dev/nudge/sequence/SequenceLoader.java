package dev.nudge.sequence;

import dev.nudge.config.ConfigException;
import dev.nudge.config.ConfigProblem;
import dev.nudge.config.ValueType;
import dev.nudge.config.YamlMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the sequence definitions, one per {@code *.yaml} or {@code *.yml} file in a directory.
 * Problems from all files are reported together.
 */
public final class SequenceLoader {

    private static final ValueType<String> NAME =
            ValueType.matching("[a-z0-9-]{1,60}", "1 to 60 lowercase letters, digits or '-', e.g. follow-up");
    // Dots are left out on purpose: no extensions and no way out of the templates directory.
    private static final ValueType<String> TEMPLATE = ValueType.matching("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*",
            "a template name without extension, e.g. follow-up/1-thanks (letters, digits, '-', '_' and '/')");
    private static final ValueType<StepOffset> OFFSET = raw -> StepOffset.parse(ValueType.text().parse(raw));

    private SequenceLoader() {
    }

    /**
     * Loads every *.yaml / *.yml in dir (not its subdirectories), in file name order.
     *
     * @param mailboxNames the configured mailboxes; a sequence may name one, and must when there
     *                     are several
     * @throws ConfigException listing every problem, each with its file as the source
     */
    public static List<Sequence> load(Path dir, List<String> mailboxNames) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Map<String, Path> fileByName = new HashMap<>();
        for (Path file : files(dir, problems)) {
            Optional<YamlMap> root = YamlMap.read(file, null, problems);
            if (root.isEmpty()) {
                continue;
            }
            Optional<Sequence> sequence = sequence(root.get(), mailboxNames);
            root.get().rejectUnknownKeys();
            sequence.ifPresent(s -> {
                Path earlier = fileByName.putIfAbsent(s.name(), file);
                if (earlier != null) {
                    root.get().problem("name", "'" + s.name() + "' is already used by " + earlier
                            + "; sequence names must be unique");
                } else {
                    sequences.add(s);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(sequences);
    }

    private static List<Path> files(Path dir, List<ConfigProblem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new ConfigProblem(dir.toString(), "",
                    "sequences directory not found; create it or point 'sequences' in config/nudge.yaml "
                            + "(or NUDGE_SEQUENCES) at the right one"));
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(SequenceLoader::isYaml).sorted().toList();
        } catch (IOException e) {
            problems.add(new ConfigProblem(dir.toString(), "", "cannot be listed: " + e));
            return List.of();
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Optional<Sequence> sequence(YamlMap root, List<String> mailboxNames) {
        Optional<String> name = root.required("name", NAME, "a unique id, e.g. follow-up");
        String description = root.get("description", ValueType.text(), "").strip();
        Optional<String> mailbox = mailbox(root, mailboxNames);
        Optional<List<Step>> steps = steps(root);
        boolean companyReply = root.get("stop-on-company-reply", ValueType.bool(), false);
        if (name.isEmpty() || mailbox.isEmpty() || steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sequence(name.get(), mailbox.get(), description, steps.get(), companyReply));
    }

    private static Optional<String> mailbox(YamlMap root, List<String> mailboxNames) {
        String configured = String.join(", ", mailboxNames);
        if (!root.has("mailbox")) {
            if (mailboxNames.size() == 1) {
                return Optional.of(mailboxNames.get(0));
            }
            root.problem("mailbox", mailboxNames.isEmpty()
                    ? "no mailbox is configured to send this sequence from; add one to config/nudge.yaml"
                    : "is required because several mailboxes are configured (" + configured
                            + "); add mailbox: <name>");
            return Optional.empty();
        }
        Optional<String> mailbox = root.optional("mailbox", ValueType.text());
        if (mailbox.isPresent() && !mailboxNames.contains(mailbox.get())) {
            root.problem("mailbox", "unknown mailbox '" + mailbox.get() + "'; configured: "
                    + (mailboxNames.isEmpty() ? "none" : configured));
            return Optional.empty();
        }
        return mailbox;
    }

    private static Optional<List<Step>> steps(YamlMap root) {
        if (!root.has("steps")) {
            root.problem("steps", "is required: a list of steps, each with at and template");
            return Optional.empty();
        }
        List<YamlMap> blocks = root.sections("steps");
        List<Step> steps = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < blocks.size(); i++) {
            Optional<Step> step = step(blocks.get(i), i + 1);
            step.ifPresent(steps::add);
            complete &= step.isPresent();
        }
        if (blocks.isEmpty()) {
            root.problem("steps", "must list at least one step");
        }
        checkOrder(steps, blocks);
        return complete && !steps.isEmpty() ? Optional.of(steps) : Optional.empty();
    }

    private static Optional<Step> step(YamlMap block, int number) {
        Optional<StepOffset> at = block.required("at", OFFSET, "when the step is due, e.g. day 2");
        Optional<String> template = block.required("template", TEMPLATE,
                "the template to send, e.g. follow-up/1-thanks");
        boolean thread = block.get("thread", ValueType.bool(), number > 1);
        if (number == 1 && block.has("thread")) {
            block.problem("thread", "the first step starts the thread; remove thread from it");
        }
        if (at.isEmpty() || template.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step(number, at.get(), template.get(), number > 1 && thread));
    }

    /** Steps run in the order listed, so the offsets must grow; a step listed early would be skipped. */
    private static void checkOrder(List<Step> steps, List<YamlMap> blocks) {
        for (int i = 1; i < steps.size(); i++) {
            Step previous = steps.get(i - 1);
            Step step = steps.get(i);
            if (step.at().approximate().compareTo(previous.at().approximate()) <= 0) {
                blocks.get(step.number() - 1).problem("at", "step " + step.number() + " (" + step.at()
                        + ") must come after step " + previous.number() + " (" + previous.at()
                        + "); list steps in the order they are sent, each later than the one before");
            }
        }
    }
}
