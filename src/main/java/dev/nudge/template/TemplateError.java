package dev.nudge.template;

import dev.nudge.NudgeException;

/**
 * A template could not be parsed or rendered into a valid email. The message is
 * the problem as {@code file:line:column: message}.
 */
public class TemplateError extends NudgeException {

    private final TemplateProblem problem;

    public TemplateError(TemplateProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    TemplateError(TemplateProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    /** Where and what went wrong. */
    public TemplateProblem problem() {
        return problem;
    }
}
