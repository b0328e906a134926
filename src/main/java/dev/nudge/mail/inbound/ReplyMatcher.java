package dev.nudge.mail.inbound;

import dev.nudge.enrollment.Enrollment;
import dev.nudge.enrollment.EnrollmentRepository;
import dev.nudge.mail.outbound.OutboundMessage;
import dev.nudge.mail.outbound.OutboundRepository;
import dev.nudge.sequence.SequenceCatalog;
import dev.nudge.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the enrollments an incoming message is about, in layers: our
 * Message-IDs in its thread headers (or inside a bounce), then the sender's
 * address (or a bounce's failed recipient), then, where a sequence allows it,
 * the sender's company domain. Never the subject alone.
 */
final class ReplyMatcher {

    /** Sequences with stop-on-company-reply; the catalog is fixed while Nudge runs. */
    private final java.util.Set<String> companyWide;
    private final EnrollmentRepository enrollments = new EnrollmentRepository();
    private final OutboundRepository outbound = new OutboundRepository();

    ReplyMatcher(SequenceCatalog sequences) {
        this.companyWide = sequences.all().stream().filter(s -> s.stopOnCompanyReply()).map(s -> s.name())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    record Match(List<Enrollment> enrollments, String how) {
        static final Match NONE = new Match(List.of(), "");
    }

    Match match(Tx tx, String mailbox, InboundEmail m, Verdict verdict) throws SQLException {
        Match byThread = byThread(tx, mailbox, threadIds(m, verdict));
        if (!byThread.enrollments().isEmpty()) {
            return byThread;
        }
        String address = verdict.kind() == MessageKind.BOUNCE && verdict.recipient() != null
                ? verdict.recipient() : m.from();
        if (address != null) {
            List<Enrollment> byAddress = enrollments.liveByAddress(tx, mailbox, address);
            if (!byAddress.isEmpty()) {
                return new Match(byAddress, verdict.kind() == MessageKind.BOUNCE
                        ? "failed recipient " + address + " is an enrolled contact"
                        : "sender " + address + " is an enrolled contact");
            }
        }
        return verdict.kind() == MessageKind.HUMAN_REPLY ? byCompany(tx, mailbox, m.from()) : Match.NONE;
    }

    static List<String> threadIds(InboundEmail m, Verdict verdict) {
        List<String> ids = new ArrayList<>(m.inReplyTo());
        m.references().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        if (verdict.originalMessageId() != null && !ids.contains(verdict.originalMessageId())) {
            ids.add(verdict.originalMessageId());
        }
        return ids;
    }

    private Match byThread(Tx tx, String mailbox, List<String> ids) throws SQLException {
        Map<Long, Enrollment> found = new LinkedHashMap<>();
        List<OutboundMessage> ours = new ArrayList<>(outbound.byMessageIds(tx, mailbox, ids));
        ours.addAll(outbound.byAliases(tx, ids));
        for (OutboundMessage o : ours) {
            enrollments.find(tx, o.enrollmentId()).ifPresent(e -> found.put(e.id(), e));
        }
        return found.isEmpty() ? Match.NONE
                : new Match(List.copyOf(found.values()), "names our Message-ID in its thread headers");
    }

    private Match byCompany(Tx tx, String mailbox, String from) throws SQLException {
        String domain = FreeMailDomains.domainOf(from);
        if (domain == null || FreeMailDomains.contains(domain)) {
            return Match.NONE;
        }
        List<Enrollment> colleagues = enrollments.liveByDomain(tx, mailbox, domain).stream()
                .filter(e -> companyWide.contains(e.sequenceName()))
                .toList();
        return colleagues.isEmpty() ? Match.NONE
                : new Match(colleagues, "sender " + from + " is at the contact's company domain " + domain);
    }
}
