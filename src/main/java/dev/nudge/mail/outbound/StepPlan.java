package dev.nudge.mail.outbound;

import dev.nudge.enrollment.StepTimes;
import dev.nudge.sequence.SequenceCatalog;
import dev.nudge.template.TemplateEngine;

/** What the dispatcher sends and when: the sequences, their timing and their templates. */
public record StepPlan(SequenceCatalog sequences, StepTimes times, TemplateEngine templates) {
}
