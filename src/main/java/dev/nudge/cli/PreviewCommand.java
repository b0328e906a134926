package dev.nudge.cli;

import dev.nudge.App;
import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.Contact;
import dev.nudge.sequence.Sequence;
import dev.nudge.sequence.Step;
import dev.nudge.template.RenderedEmail;
import dev.nudge.template.TemplateModel;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "preview", description = "Render a template for a contact (or a sample contact) without sending it.")
final class PreviewCommand implements Callable<Integer> {

    @ParentCommand
    NudgeCommand parent;

    @Option(names = {"-t", "--template"}, required = true, description = "Template name, e.g. follow-up/1-thanks.")
    String template;

    @Option(names = "--contact", paramLabel = "EMAIL", description = "An enrolled contact (default: a sample contact).")
    String contactEmail;

    @Option(names = "--html", description = "Also print the HTML body.")
    boolean html;

    @Override
    public Integer call() {
        try (App app = parent.openApp()) {
            Sequence sequence = null;
            Step step = null;
            for (Sequence s : app.sequences().all()) {
                for (Step candidate : s.steps()) {
                    if (step == null && candidate.template().equals(template)) {
                        sequence = s;
                        step = candidate;
                    }
                }
            }
            String sequenceName = sequence == null ? "preview" : sequence.name();
            int number = step == null ? 1 : step.number();
            int count = sequence == null ? 1 : sequence.steps().size();
            MailboxConfig sender = app.mailboxes().get(sequence == null
                    ? app.mailboxes().names().get(0) : sequence.mailbox());
            Map<String, Object> model;
            if (contactEmail == null) {
                model = TemplateModel.sample(sequenceName, number, count);
            } else {
                Contact c = app.enrollments().contact(contactEmail);
                model = TemplateModel.of(new TemplateModel.ContactData(c.email(), c.firstName(), c.lastName(),
                        c.company(), c.fields()), new TemplateModel.SenderData(sender.address(), sender.displayName()),
                        sequenceName, number, count);
            }
            RenderedEmail r = app.templates().render(template, model);
            System.out.println("Subject: " + r.subject());
            System.out.println();
            System.out.print(r.textBody());
            if (r.htmlBody() != null) {
                System.out.println();
                System.out.println(html ? r.htmlBody() : "(with an HTML body of " + r.htmlBody().length()
                        + " characters; --html prints it)");
            }
            return 0;
        }
    }
}
