package dev.nudge.template;

import dev.nudge.NudgeException;
import dev.nudge.template.EmailTextFormat.TextEmail;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders the user's email templates from a directory. A template named
 * {@code follow-up/1-thanks} is the file {@code follow-up/1-thanks.ftl}, whose
 * output is a {@code Subject:} line, an empty line and the plain-text body, plus
 * an optional HTML body in {@code follow-up/1-thanks.ftlh}. Files whose name
 * starts with {@code _} are partials for {@code #include}: parsed by
 * {@link #check}, never rendered as emails. Templates are read from disk on
 * every call, so edits take effect at once. Thread-safe.
 */
public final class TemplateEngine {

    // Far more than any email; small enough that a runaway #list cannot exhaust the heap.
    private static final int MAX_OUTPUT_CHARS = 1_000_000;
    // Far more than any email takes; a loop that writes nothing is stopped here instead.
    private static final Duration MAX_RENDER_TIME = Duration.ofSeconds(5);

    private final Path root;
    private final Configuration freemarker;
    private final Duration maxRenderTime;

    public TemplateEngine(Path templatesDir) {
        this(templatesDir, MAX_RENDER_TIME);
    }

    TemplateEngine(Path templatesDir, Duration maxRenderTime) {
        this.root = realDirectory(templatesDir);
        this.freemarker = FreemarkerSandbox.configuration(root);
        this.maxRenderTime = maxRenderTime;
    }

    /**
     * Renders subject + text (+ html if the .ftlh exists). Throws {@link TemplateError}
     * on any parse/render problem, including a missing template; never returns
     * half-rendered output. A name that is malformed or leaves the templates
     * directory is refused with {@link NudgeException.InvalidInput}.
     */
    public RenderedEmail render(String templateName, Map<String, Object> model) {
        TemplateName name = new TemplateName(templateName);
        if (!isFile(name, name.textFile())) {
            throw new TemplateError(new TemplateProblem(name.textFile(), 1, 1, "template file not found"));
        }
        TextEmail text = EmailTextFormat.parse(renderFile(name.textFile(), model), name.textFile());
        String html = isFile(name, name.htmlFile())
                ? EmailTextFormat.htmlBody(renderFile(name.htmlFile(), model), name.htmlFile())
                : null;
        return new RenderedEmail(text.subject(), text.body(), html);
    }

    /** Whether the template's {@code .ftl} file exists; refuses invalid names like {@link #render}. */
    public boolean exists(String templateName) {
        TemplateName name = new TemplateName(templateName);
        return isFile(name, name.textFile());
    }

    /** Parses every .ftl/.ftlh under the dir and renders each against the model; returns every problem found (empty = all good). */
    public List<TemplateProblem> check(Map<String, Object> model) {
        List<String> files = templateFiles();
        Set<String> present = Set.copyOf(files);
        List<TemplateProblem> problems = new ArrayList<>();
        for (String file : files) {
            try {
                checkFile(file, present, model);
            } catch (TemplateError e) {
                problems.add(e.problem());
            } catch (NudgeException e) {
                problems.add(new TemplateProblem(file, 1, 1, e.getMessage()));
            }
        }
        return problems;
    }

    /** Names of all templates (without extension), sorted; partials are not listed. */
    public List<String> names() {
        return templateFiles().stream()
                .filter(file -> file.endsWith(TemplateName.TEXT_EXTENSION))
                .map(TemplateEngine::withoutExtension)
                .filter(name -> TemplateName.problemWith(name) == null && !isPartial(name))
                .sorted()
                .toList();
    }

    private void checkFile(String file, Set<String> present, Map<String, Object> model) {
        String nameProblem = TemplateName.problemWith(withoutExtension(file));
        if (nameProblem != null) {
            throw problemAtStart(file, "the file name is not a valid template name: " + nameProblem);
        }
        TemplateName name = new TemplateName(withoutExtension(file));
        name.resolveIn(root, file);
        if (isPartial(name.value())) {
            parse(file);
        } else if (file.endsWith(TemplateName.HTML_EXTENSION)) {
            if (!present.contains(name.textFile())) {
                throw problemAtStart(file, "an HTML variant needs a " + name.textFile() + " next to it");
            }
            EmailTextFormat.htmlBody(renderFile(file, model), file);
        } else {
            EmailTextFormat.parse(renderFile(file, model), file);
        }
    }

    private String renderFile(String file, Map<String, Object> model) {
        LimitedWriter out = new LimitedWriter(MAX_OUTPUT_CHARS);
        try (RenderDeadline deadline = RenderDeadline.start(maxRenderTime)) {
            try {
                freemarker.getTemplate(file).process(model, out);
            } catch (TemplateException | RuntimeException e) {
                if (deadline.fired()) {
                    throw problemAtStart(file, "rendering took longer than " + maxRenderTime.toMillis()
                            + " ms; is there an endless or huge #list?");
                }
                throw e;
            }
        } catch (TemplateException e) {
            throw new TemplateError(FreemarkerErrors.problem(e, file), e);
        } catch (IOException e) {
            throw ioProblem(file, e);
        } catch (StackOverflowError e) {
            // A macro or function that calls itself without end; the stack is unwound by now.
            throw problemAtStart(file, "macros or functions call each other too deep; is one calling itself"
                    + " without end?");
        }
        return out.toString();
    }

    private void parse(String file) {
        try {
            freemarker.getTemplate(file);
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    private static TemplateError ioProblem(String file, IOException e) {
        TemplateProblem problem = e instanceof ParseException parseError
                ? FreemarkerErrors.problem(parseError, file)
                : new TemplateProblem(file, 1, 1, FreemarkerErrors.summary(e.getMessage()));
        return new TemplateError(problem, e);
    }

    private boolean isFile(TemplateName name, String file) {
        return Files.isRegularFile(name.resolveIn(root, file));
    }

    private List<String> templateFiles() {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace(File.separatorChar, '/'))
                    .filter(file -> file.endsWith(TemplateName.TEXT_EXTENSION)
                            || file.endsWith(TemplateName.HTML_EXTENSION))
                    .filter(file -> !isHidden(file))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new NudgeException("Templates directory cannot be read (path: " + root + ")", e);
        }
    }

    // Editors and version control keep their own files under dot-names; they are not templates.
    private static boolean isHidden(String file) {
        return file.startsWith(".") || file.contains("/.");
    }

    private static boolean isPartial(String name) {
        return name.substring(name.lastIndexOf('/') + 1).startsWith("_");
    }

    private static String withoutExtension(String file) {
        return file.substring(0, file.lastIndexOf('.'));
    }

    private static TemplateError problemAtStart(String file, String message) {
        return new TemplateError(new TemplateProblem(file, 1, 1, message));
    }

    private static Path realDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return dir.toRealPath();
            }
        } catch (IOException e) {
            // Reported below like a missing directory: either way there are no templates to read.
        }
        throw new NudgeException.NotFound("Templates directory not found (path: " + dir + ")");
    }
}
