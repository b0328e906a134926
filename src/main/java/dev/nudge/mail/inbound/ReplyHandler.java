package dev.nudge.mail.inbound;

import dev.nudge.config.Mailboxes;
import dev.nudge.enrollment.Enrollment;
import dev.nudge.mail.outbound.OutboundRepository;
import dev.nudge.observe.Metrics;
import dev.nudge.store.Tx;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one incoming message means and acts on it. The decision, its
 * reason, the matched enrollment and the effect are stored for every message,
 * so the user can always see why.
 */
final class ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyHandler.class);

    private final Classifier classifier;
    private final ReplyMatcher matcher;
    private final InboundEffects effects;
    private final Metrics metrics;
    private final InboundRepository inbound = new InboundRepository();
    private final OutboundRepository outbound = new OutboundRepository();

    ReplyHandler(Mailboxes mailboxes, InboundRules rules, Metrics metrics) {
        this.classifier = new Classifier(new HashSet<>(mailboxes.all().stream().map(m -> m.address()).toList()));
        this.matcher = new ReplyMatcher(rules.sequences());
        this.effects = new InboundEffects(rules, metrics);
        this.metrics = metrics;
    }

    /** A first look from the headers alone: the verdict they give, and whether the body is needed too. */
    record Glance(Verdict verdict, boolean needsBody) {
    }

    /** Empty when the message was recorded already (a re-read after a UIDVALIDITY change). */
    Optional<Glance> glance(Tx tx, String mailbox, String folder, long uidValidity, InboundEmail m)
            throws SQLException {
        if (inbound.seen(tx, mailbox, folder, uidValidity, m.uid(), m.messageId())) {
            return Optional.empty();
        }
        Verdict verdict = classifier.classify(headerBytes(m));
        boolean needsBody = switch (verdict.kind()) {
            case UNRELATED, LIST -> !matcher.match(tx, mailbox, m, verdict).enrollments().isEmpty();
            default -> true;
        };
        return Optional.of(new Glance(verdict, needsBody));
    }

    /** @param raw the whole message, or null when only its headers were fetched */
    void handle(Tx tx, String mailbox, String folder, long uidValidity, InboundEmail m, Glance glance, byte[] raw,
                Instant now) throws SQLException {
        if (inbound.seen(tx, mailbox, folder, uidValidity, m.uid(), m.messageId())) {
            return;
        }
        Verdict verdict = raw != null ? classifier.classify(raw) : glance.verdict();
        if (verdict.kind() == MessageKind.OWN_MESSAGE) {
            learnAliases(tx, mailbox, m);
        }
        ReplyMatcher.Match match = verdict.kind() == MessageKind.OWN_MESSAGE
                ? ReplyMatcher.Match.NONE : matcher.match(tx, mailbox, m, verdict);
        if (verdict.kind() == MessageKind.UNRELATED && !match.enrollments().isEmpty()) {
            // A person writing from an enrolled address answers us, even in a new thread.
            verdict = new Verdict(MessageKind.HUMAN_REPLY, null, null, null, null, null,
                    "a person's message (not a reply in the thread)");
        }
        InboundEffects.ReplyRead read = verdict.kind() == MessageKind.HUMAN_REPLY && raw != null
                ? readReply(raw) : InboundEffects.ReplyRead.NONE;
        List<String> done = new ArrayList<>();
        for (Enrollment e : match.enrollments()) {
            done.add(effects.apply(tx, e, m, verdict, read, now));
        }
        Long first = match.enrollments().isEmpty() ? null : match.enrollments().get(0).id();
        String reason = verdict.reason() + (match.how().isEmpty() ? "" : "; " + match.how());
        String effect = done.isEmpty() ? "none" : String.join("; ", done);
        inbound.insert(tx, new InboundRepository.Recorded(mailbox, folder, m.uid(), m.messageId(), m.from(),
                m.subject(), verdict.kind().jsonName(), reason, first, effect, details(verdict, read), now),
                uidValidity);
        metrics.inbound(mailbox, verdict.kind().jsonName(), verdict.bounce() == null ? null : verdict.bounce().name());
        log.info("inbound mailbox={} folder={} uid={} kind={} enrollment={} effect=\"{}\"", mailbox, folder,
                m.uid(), verdict.kind().jsonName(), first, effect);
    }

    private static InboundEffects.ReplyRead readReply(byte[] raw) {
        String text = ReplyText.newText(MessageBodies.plainText(raw));
        return new InboundEffects.ReplyRead(text, RemovalRequest.find(text));
    }

    private static InboundRepository.Details details(Verdict v, InboundEffects.ReplyRead read) {
        return new InboundRepository.Details(v.bounce() == null ? null : v.bounce().name().toLowerCase(),
                v.status(), v.recipient(), v.returnDate(), read.newText());
    }

    /** Our own copy in a watched folder may show the Message-ID a provider gave our message. */
    private void learnAliases(Tx tx, String mailbox, InboundEmail m) throws SQLException {
        String original = m.header("X-Microsoft-Original-Message-ID");
        if (original == null || m.messageId() == null) {
            return;
        }
        String ours = original.trim().replaceAll("^<|>$", "");
        for (var sent : outbound.byMessageIds(tx, mailbox, List.of(ours))) {
            if (!sent.messageId().equals(m.messageId())) {
                outbound.addAlias(tx, m.messageId(), sent.id());
            }
        }
    }

    /** The headers as a message with an empty body, for classifying what was not downloaded. */
    static byte[] headerBytes(InboundEmail m) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> h : m.headers().entrySet()) {
            for (String value : h.getValue()) {
                out.append(h.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
