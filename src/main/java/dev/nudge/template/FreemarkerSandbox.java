package dev.nudge.template;

import dev.nudge.NudgeException;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.NullCacheStorage;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Path;
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
        // Users edit templates while the server runs: always read the file as it is now.
        // Checking modification times can miss an edit made within the same clock tick.
        cfg.setCacheStorage(new NullCacheStorage());
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

        InterruptibleConfiguration() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                    ignoreMissing);
            if (template != null) {
                _CoreAPI.addThreadInterruptedChecks(template);
            }
            return template;
        }
    }

    private static FileTemplateLoader confinedLoader(Path templatesDir) {
        try {
            // false: keep the canonical path check, so symbolic links cannot leave the directory.
            return new FileTemplateLoader(templatesDir.toFile(), false);
        } catch (IOException e) {
            throw new NudgeException.NotFound("Templates directory not found (path: " + templatesDir + ")");
        }
    }
}
