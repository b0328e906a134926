package dev.nudge.mail.outbound;

import dev.nudge.config.MailboxConfig;
import dev.nudge.enrollment.Contact;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.sequence.Sequence;
import dev.nudge.sequence.Step;
import dev.nudge.template.RenderedEmail;
import dev.nudge.template.TemplateError;
import dev.nudge.template.TemplateEngine;
import dev.nudge.template.TemplateModel;
import dev.nudge.template.TemplateProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an enrollment's due step into the message to send: rendered from its
 * template, and threaded under the first message when the step says so.
 */
final class StepComposer {

    /** The subject column holds 1000; a first subject leaves room for the "Re: " of the steps after it. */
    static final int MAX_SUBJECT = 990;
    /** The widths of the outbound_body columns. */
    static final int MAX_TEXT_BODY = 200_000;
    static final int MAX_HTML_BODY = 400_000;

    private final TemplateEngine templates;

    StepComposer(TemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * @param earlier the enrollment's messages already sent, oldest first
     * @throws dev.nudge.template.TemplateError when the template cannot be rendered
     */
    OutboundMessage compose(Enrollment e, Contact contact, Sequence sequence, MailboxConfig mailbox,
                            List<OutboundMessage> earlier, Instant now) {
        Step step = sequence.step(e.nextStep());
        RenderedEmail rendered = templates.render(step.template(), TemplateModel.of(
                new TemplateModel.ContactData(contact.email(), contact.firstName(), contact.lastName(),
                        contact.company(), contact.fields()),
                new TemplateModel.SenderData(mailbox.address(), mailbox.displayName()),
                sequence.name(), step.number(), sequence.steps().size()));
        checkLengths(rendered, step.template());
        boolean threaded = step.thread() && e.threadMessageId() != null;
        String subject = threaded ? replySubject(e.threadSubject()) : rendered.subject();
        String inReplyTo = null;
        List<String> references = new ArrayList<>();
        if (threaded) {
            // The first message stays in References even if a provider rewrote later ids.
            references.add(e.threadMessageId());
            for (OutboundMessage m : earlier) {
                if (m.status() == OutboundStatus.SENT && !references.contains(m.messageId())) {
                    references.add(m.messageId());
                }
            }
            inReplyTo = references.get(references.size() - 1);
        }
        return new OutboundMessage(0, e.id(), step.number(), mailbox.name(), MessageIds.create(mailbox.address()),
                OutboundStatus.SENDING, contact.email(), subject, rendered.textBody(), rendered.htmlBody(),
                inReplyTo, List.copyOf(references), 1, null, now, null);
    }

    /**
     * A message longer than its column would fail at the insert, after the step was claimed;
     * refused here, it holds only this contact's step with a reason the user can act on.
     */
    private static void checkLengths(RenderedEmail rendered, String template) {
        String problem = null;
        if (rendered.subject().length() > MAX_SUBJECT) {
            problem = "the rendered subject is " + rendered.subject().length() + " characters long, more than the "
                    + MAX_SUBJECT + " a subject may have; is a long contact field in it?";
        } else if (rendered.textBody().length() > MAX_TEXT_BODY) {
            problem = "the rendered text body is " + rendered.textBody().length() + " characters long, more than"
                    + " the " + MAX_TEXT_BODY + " a body may have";
        } else if (rendered.htmlBody() != null && rendered.htmlBody().length() > MAX_HTML_BODY) {
            problem = "the rendered HTML body is " + rendered.htmlBody().length() + " characters long, more than"
                    + " the " + MAX_HTML_BODY + " an HTML body may have";
        }
        if (problem != null) {
            throw new TemplateError(new TemplateProblem(template + ".ftl", 1, 1, problem));
        }
    }

    static String replySubject(String first) {
        String lower = first.toLowerCase(Locale.ROOT);
        return lower.startsWith("re:") ? first : "Re: " + first;
    }

    static OutgoingEmail toEmail(OutboundMessage m, MailboxConfig mailbox, Contact contact) {
        String toName = contact.displayName().equals(contact.email()) ? null : contact.displayName();
        return new OutgoingEmail(m.messageId(), mailbox.address(), mailbox.displayName(), m.toAddress(), toName,
                m.subject(), m.textBody(), m.htmlBody(), m.inReplyTo(), m.references());
    }
}
