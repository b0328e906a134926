package dev.nudge.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Turns YAML text into plain maps, lists and scalars with SnakeYAML's safe constructor. */
final class YamlDocument {

    /** Stands for a document with no content, such as a file of only comments. */
    static final Object EMPTY = new Object();

    private YamlDocument() {
    }

    /** The document's content, or empty after recording a syntax problem with line and column. */
    static Optional<Object> load(String source, String text, List<ConfigProblem> problems) {
        try {
            Object content = newYaml().load(text);
            return Optional.of(content == null ? EMPTY : content);
        } catch (MarkedYAMLException e) {
            problems.add(new ConfigProblem(source, "", syntaxMessage(e)));
        } catch (YAMLException e) {
            problems.add(new ConfigProblem(source, "", "is not valid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (mark == null) {
            return "is not valid YAML: " + problem;
        }
        return "is not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                + ": " + problem + " (values containing ': ' or starting with a special character need quotes)";
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new TextScalarResolver());
    }

    /**
     * Leaves every scalar as the text the user wrote, except null and true/false. Plain YAML 1.1
     * would turn {@code no} into false, {@code 010} into 8 and a date into a Date; here each key
     * parses its own text by its declared type.
     */
    private static final class TextScalarResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF", 5);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 4);
            addImplicitResolver(Tag.NULL, EMPTY, null, 0);
        }
    }
}
