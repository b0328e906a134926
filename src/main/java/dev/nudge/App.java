package dev.nudge;

import dev.nudge.config.MailboxConfig;
import dev.nudge.config.Mailboxes;
import dev.nudge.config.NudgeConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.enrollment.ContactImport;
import dev.nudge.enrollment.EnrollmentService;
import dev.nudge.enrollment.StepTimes;
import dev.nudge.health.HealthCheck;
import dev.nudge.health.StatusGauges;
import dev.nudge.health.StatusReader;
import dev.nudge.mail.inbound.ImapMailbox;
import dev.nudge.mail.inbound.InboundRules;
import dev.nudge.mail.inbound.InboxSync;
import dev.nudge.mail.inbound.Mailbox;
import dev.nudge.mail.outbound.Dispatcher;
import dev.nudge.mail.outbound.MailboxPauses;
import dev.nudge.mail.outbound.Mailer;
import dev.nudge.mail.outbound.ObservedMailer;
import dev.nudge.mail.outbound.SendingRecovery;
import dev.nudge.mail.outbound.SentCopies;
import dev.nudge.mail.outbound.SmtpMailer;
import dev.nudge.mail.outbound.StepPlan;
import dev.nudge.mail.outbound.UncertainSends;
import dev.nudge.observe.Metrics;
import dev.nudge.sandbox.Sandbox;
import dev.nudge.schedule.Scheduling;
import dev.nudge.sequence.SequenceCatalog;
import dev.nudge.sequence.SequenceLoader;
import dev.nudge.store.Database;
import dev.nudge.template.TemplateEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wires Nudge's parts by hand. The CLI and tests build one and call its services. */
public final class App implements AutoCloseable {

    /** How long a reading of the database's state serves the gauges and the health check. */
    private static final Duration STATUS_MAX_AGE = Duration.ofSeconds(5);
    /** At shutdown, how long running jobs get beyond the SMTP timeouts of the step on the wire. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final NudgeConfig config;
    private final SchedulingConfig scheduling;
    private final Database db;
    private final Mailboxes mailboxes;
    private final SequenceCatalog sequences;
    private final TemplateEngine templates;
    private final EnrollmentService enrollments;
    private final ContactImport contactImport;
    private final Dispatcher dispatcher;
    private final InboxSync inboxSync;
    private final SendingRecovery recovery;
    private final UncertainSends uncertainSends;
    private final Clock clock;
    private final Metrics metrics = Metrics.prometheus();
    private final HealthCheck health;
    private Scheduling scheduler;

    /** The seams a caller may replace: the mail servers and the mailboxes they serve. */
    public record Parts(Mailer mailer, Mailbox mailbox, List<MailboxConfig> mailboxes) {
    }

    private App(NudgeConfig config, Clock clock, Parts parts) {
        this.config = config;
        this.clock = clock;
        this.scheduling = effectiveScheduling(config);
        this.mailboxes = new Mailboxes(parts.mailboxes());
        this.sequences = new SequenceCatalog(SequenceLoader.load(config.sequencesDir(), mailboxes.names()));
        this.templates = new TemplateEngine(config.templatesDir());
        this.db = Database.open(config.database());
        StepTimes times = new StepTimes(scheduling.zone(),
                config.sandboxMode() ? config.sandbox().dayLength() : null);
        this.enrollments = new EnrollmentService(db, sequences, times, clock);
        this.contactImport = new ContactImport(db, sequences, times, clock, enrollments);
        StepPlan plan = new StepPlan(sequences, times, templates);
        MailboxPauses pauses = new MailboxPauses(clock);
        Mailer mailer = new ObservedMailer(new SentCopies(parts.mailer(), parts.mailbox(), clock), metrics, pauses);
        this.dispatcher = new Dispatcher(db, plan, mailer, mailboxes, scheduling, clock);
        this.recovery = new SendingRecovery(db, plan, parts.mailbox(), mailboxes, clock);
        this.uncertainSends = new UncertainSends(db, plan, clock);
        this.inboxSync = new InboxSync(db, parts.mailbox(), mailboxes,
                new InboundRules(sequences, config.replies(), scheduling.zone()), clock, metrics);
        StatusReader status = new StatusReader(db, dispatcher, mailboxes.names(), clock, STATUS_MAX_AGE);
        StatusGauges.register(metrics.registry(), status);
        this.health = new HealthCheck(db.dataSource(), status, pauses);
    }

    /** Opens Nudge with the real SMTP and IMAP clients, for the configured mailboxes or the given sandbox. */
    public static App open(NudgeConfig config, Clock clock, Sandbox sandbox) {
        List<MailboxConfig> boxes = config.sandboxMode()
                ? List.of(sandbox == null ? Sandbox.placeholderMailbox() : sandbox.mailbox())
                : config.mailboxes();
        return openWith(config, clock, new Parts(new SmtpMailer(clock), new ImapMailbox(), boxes));
    }

    public static App openWith(NudgeConfig config, Clock clock, Parts parts) {
        return new App(config, clock, parts);
    }

    /**
     * In the sandbox a day lasts seconds, so the scheduler must look again at
     * least once a sequence day.
     */
    private static SchedulingConfig effectiveScheduling(NudgeConfig config) {
        SchedulingConfig s = config.scheduling();
        if (!config.sandboxMode()) {
            return s;
        }
        Duration day = config.sandbox().dayLength();
        Duration recheck = s.dispatchRecheck().compareTo(day) > 0 ? day : s.dispatchRecheck();
        Duration poll = s.inboxPollInterval().compareTo(day) > 0 ? day : s.inboxPollInterval();
        return new SchedulingConfig(s.zone(), poll, s.maxInboxAge(), recheck, s.dispatchBatch());
    }

    /**
     * How long a shutdown waits for running jobs: a step on the wire may have to
     * connect and then wait out a slow server's answer before it can be recorded.
     */
    static Duration stopWait(Mailboxes mailboxes) {
        Duration longest = Duration.ZERO;
        for (MailboxConfig m : mailboxes.all()) {
            Duration step = orZero(m.smtp().connectTimeout()).plus(orZero(m.smtp().readTimeout()));
            longest = step.compareTo(longest) > 0 ? step : longest;
        }
        return STOP_GRACE.plus(longest);
    }

    private static Duration orZero(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Starts Quartz: dispatch and inbox sync for every mailbox, the sync also on IMAP IDLE news.
     * Sends a dead process left half-done are settled first, before any dispatch can find them.
     */
    public synchronized Scheduling startScheduling() {
        if (scheduler == null) {
            recoverInterruptedSends();
            scheduler = new Scheduling(db, dispatcher, inboxSync, scheduling, clock, stopWait(mailboxes));
            enrollments.onDueWork((mailbox, at) -> scheduler.plan(mailbox, null));
            scheduler.start(mailboxes.names());
            scheduler.watch(mailboxes.all());
        }
        return scheduler;
    }

    /** Settles the sends left {@code sending} by a process that died mid-send, from the Sent folder. */
    public SendingRecovery.Result recoverInterruptedSends() {
        return recovery.recover();
    }

    public UncertainSends uncertainSends() {
        return uncertainSends;
    }

    public NudgeConfig config() {
        return config;
    }

    public SchedulingConfig scheduling() {
        return scheduling;
    }

    public Mailboxes mailboxes() {
        return mailboxes;
    }

    public SequenceCatalog sequences() {
        return sequences;
    }

    public TemplateEngine templates() {
        return templates;
    }

    public EnrollmentService enrollments() {
        return enrollments;
    }

    public ContactImport contactImport() {
        return contactImport;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public InboxSync inboxSync() {
        return inboxSync;
    }

    public Clock clock() {
        return clock;
    }

    /** The counters and gauges, for {@code /metrics}. */
    public Metrics metrics() {
        return metrics;
    }

    public HealthCheck health() {
        return health;
    }

    /** Stops the jobs first, waiting for the ones running (see {@link Scheduling#close}), then the database. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
        db.close();
    }
}
