package dev.nudge.template;

import dev.nudge.NudgeException;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MruCacheStorage;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.Locale;

// The FreeMarker configuration for templates written by users. FreeMarker's
// defaults trust the template author (a template can run
// "freemarker.template.utility.Execute"?new()); ours do not.
final class FreemarkerSandbox {

    private FreemarkerSandbox() {
    }

    static Configuration configuration(Path templatesDir) {
        Configuration cfg = new InterruptibleConfiguration();
        cfg.setTemplateLoader(confinedLoader(templatesDir));
        // Tricks that reach Java: instantiating classes, the underlying objects' API,
        // and the methods of wrapped beans. The model is maps, strings and numbers only.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        // Errors become TemplateProblems; FreeMarker must neither print nor log them.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setShowErrorTips(false);
        // .ftlh gets the HTML output format, hence auto-escaping.
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        // Users edit templates while the server runs, so every render asks whether the
        // file changed; parsing it again each time cost more than sending the mail.
        // The loader's "last modified" is precise enough to see any edit (see below).
        cfg.setCacheStorage(new MruCacheStorage(50, 500));
        cfg.setTemplateUpdateDelayMilliseconds(0);
        // No hidden lookups of 1-thanks_en_US.ftl and stricter names in #include.
        cfg.setLocalizedLookup(false);
        cfg.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        // Output must not depend on the server's locale: step 1000 stays "1000".
        cfg.setLocale(Locale.ENGLISH);
        cfg.setNumberFormat("computer");
        return cfg;
    }

    // Every template it loads, #included ones too, checks for thread interruption
    // at each loop turn, so RenderDeadline can stop a loop that writes nothing.
    private static final class InterruptibleConfiguration extends Configuration {

        // Cached templates come back again and again; the checks go in once.
        private final Set<Template> checked = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        InterruptibleConfiguration() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                    ignoreMissing);
            if (template != null && checked.add(template)) {
                _CoreAPI.addThreadInterruptedChecks(template);
            }
            return template;
        }
    }

    /**
     * FreeMarker decides a cached template is stale when "last modified" differs.
     * java.io.File gives milliseconds, so two saves within one millisecond would look
     * the same; nanoseconds and the size together do not.
     */
    private static final class ChangeAwareLoader extends FileTemplateLoader {

        private final java.util.concurrent.atomic.AtomicLong unknown = new java.util.concurrent.atomic.AtomicLong();

        ChangeAwareLoader(java.io.File dir) throws IOException {
            super(dir, false);
        }

        @Override
        public long getLastModified(Object source) {
            try {
                Path file = ((java.io.File) source).toPath();
                long nanos = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
                return nanos * 31 + Files.size(file);
            } catch (IOException | RuntimeException e) {
                // Unknown: a value never seen before, so FreeMarker reloads rather than trusts the cache.
                return Long.MIN_VALUE + unknown.incrementAndGet();
            }
        }
    }

    private static FileTemplateLoader confinedLoader(Path templatesDir) {
        try {
            // false: keep the canonical path check, so symbolic links cannot leave the directory.
            return new ChangeAwareLoader(templatesDir.toFile());
        } catch (IOException e) {
            throw new NudgeException.NotFound("Templates directory not found (path: " + templatesDir + ")");
        }
    }
}
