package dev.nudge.sequence;

import dev.nudge.template.TemplateEngine;
import dev.nudge.template.TemplateModel;
import dev.nudge.template.TemplateProblem;
import java.util.ArrayList;
import java.util.List;

/** Finds template problems before a send would: broken templates, and steps naming missing ones. */
public final class SequenceCheck {

    private SequenceCheck() {
    }

    /** Every problem, as {@code file:line:col: message} lines; empty when all is well. */
    public static List<String> problems(SequenceCatalog sequences, TemplateEngine templates) {
        List<String> out = new ArrayList<>();
        for (TemplateProblem p : templates.check(TemplateModel.sample("sample", 1, 1))) {
            out.add(p.toString());
        }
        for (Sequence s : sequences.all()) {
            for (Step step : s.steps()) {
                if (!templates.exists(step.template())) {
                    out.add("sequence " + s.name() + ", step " + step.number() + ": template '" + step.template()
                            + "' not found (expected " + step.template() + ".ftl in the templates folder)");
                }
            }
        }
        return out;
    }
}
