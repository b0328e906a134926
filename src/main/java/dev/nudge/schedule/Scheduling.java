package dev.nudge.schedule;

import dev.nudge.NudgeException;
import dev.nudge.config.MailboxConfig;
import dev.nudge.config.SchedulingConfig;
import dev.nudge.mail.inbound.InboxSync;
import dev.nudge.mail.inbound.InboxWatcher;
import dev.nudge.mail.outbound.Dispatcher;
import dev.nudge.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz, with its job store in our database, runs two jobs per mailbox:
 * dispatch, whose trigger is kept at the next moment a step is due, and inbox
 * sync, on a fixed interval and whenever IMAP IDLE announces new mail. Quartz
 * only wakes things up; the enrollment rows decide what is sent.
 */
public final class Scheduling implements AutoCloseable {

    /** Quartz's worker threads: how many mailboxes' jobs (dispatch, inbox sync) run at once. */
    public static final int WORKER_THREADS = 4;


    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    static final String DISPATCH = "dispatch";
    static final String INBOX = "inbox-sync";

    private final Dispatcher dispatcher;
    private final InboxSync inboxSync;
    private final SchedulingConfig config;
    private final Clock clock;
    private final Duration stopWait;
    private final Scheduler scheduler;
    private final List<InboxWatcher> watchers = new ArrayList<>();
    private final RunningJobs running = new RunningJobs();
    private final FailureBackoff dispatchFailures;

    /**
     * @param stopWait how long {@link #close} waits for running jobs to reach a point where
     *                 they can stop; past it the database may close under them
     */
    public Scheduling(Database db, Dispatcher dispatcher, InboxSync inboxSync, SchedulingConfig config,
                      Clock clock, Duration stopWait) {
        this.dispatcher = dispatcher;
        this.inboxSync = inboxSync;
        this.config = config;
        this.clock = clock;
        this.stopWait = stopWait;
        this.dispatchFailures = new FailureBackoff(clock);
        this.scheduler = createScheduler(db);
    }

    private Scheduler createScheduler(Database db) {
        Properties p = jobStoreProperties("nudge", db);
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        try {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            s.setJobFactory((bundle, sched) -> bundle.getJobDetail().getJobClass() == DispatchJob.class
                    ? new DispatchJob(this) : new InboxSyncJob(this));
            return s;
        } catch (SchedulerException e) {
            throw new NudgeException("Cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Quartz settings with its JDBC job store in our database, lent our pool
     * under a name unique in this JVM. The benchmark's baseline uses the same.
     */
    public static Properties jobStoreProperties(String instanceName, Database db) {
        String dataSource = "nudge-" + INSTANCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new SharedPool(db));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "10");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(WORKER_THREADS));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        return p;
    }

    /** Registers the jobs of every mailbox, sets their triggers from the database, and starts firing. */
    public void start(List<String> mailboxes) {
        try {
            forgetOtherMailboxes(mailboxes);
            for (String mailbox : mailboxes) {
                scheduler.addJob(job(DispatchJob.class, DISPATCH, mailbox), true, true);
                scheduler.addJob(job(InboxSyncJob.class, INBOX, mailbox), true, true);
                Trigger sync = TriggerBuilder.newTrigger().withIdentity(INBOX, mailbox).forJob(INBOX, mailbox)
                        .startAt(Date.from(clock.instant()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(config.inboxPollInterval().toMillis())
                                .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                        .build();
                place(sync);
                plan(mailbox, null);
            }
            scheduler.start();
            log.info("scheduler started mailboxes={}", mailboxes);
        } catch (SchedulerException e) {
            throw new NudgeException("Cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * The job store outlives configuration changes (sandbox first, a real mailbox
     * later): jobs of mailboxes no longer configured would fire for nothing.
     */
    private void forgetOtherMailboxes(List<String> mailboxes) throws SchedulerException {
        for (String group : scheduler.getJobGroupNames()) {
            if (!mailboxes.contains(group)) {
                scheduler.deleteJobs(List.copyOf(scheduler.getJobKeys(
                        org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(group))));
                log.info("scheduler forgot mailbox={} (no longer configured)", group);
            }
        }
    }

    private static JobDetail job(Class<? extends org.quartz.Job> type, String name, String mailbox) {
        return JobBuilder.newJob(type).withIdentity(name, mailbox).usingJobData("mailbox", mailbox)
                .storeDurably().build();
    }

    /**
     * Sets the mailbox's dispatch trigger to its next due step, never later than
     * the recheck interval and never earlier than {@code notBefore}. Synchronized so
     * that a run ending and an enrollment arriving cannot undo each other.
     */
    public synchronized void plan(String mailbox, Instant notBefore) {
        Instant now = clock.instant();
        Instant next = now.plus(config.dispatchRecheck());
        var due = dispatcher.nextDue(mailbox);
        if (due.isPresent() && due.get().isBefore(next)) {
            next = due.get().isBefore(now) ? now : due.get();
        }
        if (notBefore != null && next.isBefore(notBefore)) {
            next = notBefore;
        }
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(DISPATCH, mailbox).forJob(DISPATCH, mailbox)
                .startAt(Date.from(next))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(config.dispatchRecheck().toMillis())
                        .repeatForever().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            place(trigger);
        } catch (SchedulerException e) {
            throw new NudgeException("Cannot schedule dispatch (mailbox: " + mailbox + "): " + e.getMessage(), e);
        }
        log.debug("dispatch planned mailbox={} at={}", mailbox, next);
    }

    private void place(Trigger trigger) throws SchedulerException {
        TriggerKey key = trigger.getKey();
        if (scheduler.checkExists(key)) {
            scheduler.rescheduleJob(key, trigger);
        } else {
            scheduler.scheduleJob(trigger);
        }
    }

    /**
     * Starts an IMAP IDLE watcher per mailbox that runs the mailbox's inbox
     * sync as soon as new mail is announced; the interval poll stays as the
     * fallback. Call after {@link #start}, which registers the sync jobs.
     */
    public synchronized void watch(List<MailboxConfig> mailboxes) {
        for (MailboxConfig mailbox : mailboxes) {
            InboxWatcher watcher = new InboxWatcher(mailbox, () -> syncNow(mailbox.name()),
                    InboxWatcher.DEFAULT_REISSUE, InboxWatcher.DEFAULT_MAX_BACKOFF);
            watchers.add(watcher);
            watcher.start();
        }
    }

    // The sync job allows no concurrent runs, so a burst of announcements queues up instead of piling on.
    private void syncNow(String mailbox) {
        try {
            scheduler.triggerJob(JobKey.jobKey(INBOX, mailbox));
        } catch (SchedulerException e) {
            log.warn("inbox sync not triggered mailbox={} reason=\"{}\"", mailbox, e.getMessage());
        }
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    FailureBackoff dispatchFailures() {
        return dispatchFailures;
    }

    InboxSync inboxSync() {
        return inboxSync;
    }

    /** Runs a job's work, known to {@link #close} while it runs. */
    void running(String job, Runnable work) {
        running.started(job);
        try {
            work.run();
        } finally {
            running.ended(job);
        }
    }

    /**
     * Stops in an order that lets the database outlive every job: no trigger fires
     * any more; the dispatcher stops after the step on the wire is recorded and the
     * inbox sync after the message in hand; the IDLE watchers stop; then the running
     * jobs are waited for, up to the bound. Quartz's own threads are ended only
     * after that, by when its trigger thread has been paused rather than caught in
     * the middle of its SQL, and the database closes after this returns.
     */
    @Override
    public void close() {
        List<InboxWatcher> stopping;
        synchronized (this) {
            stopping = List.copyOf(watchers);
            watchers.clear();
        }
        long started = System.nanoTime();
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("scheduler standby failed: {}", e.getMessage());
        }
        dispatcher.stop();
        inboxSync.stop();
        List<String> inHand = running.now();
        // Before Quartz goes: a late announcement would find the scheduler gone.
        stopping.forEach(InboxWatcher::close);
        List<String> left = awaitJobs();
        try {
            scheduler.shutdown(left.isEmpty());
        } catch (SchedulerException e) {
            log.warn("scheduler shutdown failed: {}", e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (left.isEmpty()) {
            log.info("scheduler stopped jobs_waited_for={} jobs={} took_ms={}", inHand.size(), inHand, millis);
        } else {
            log.warn("scheduler stopped without waiting for jobs still running after {} s: {}; a step such a job"
                    + " was sending is settled at the next start", stopWait.toSeconds(), left);
        }
    }

    private List<String> awaitJobs() {
        try {
            return running.awaitNone(stopWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running.now();
        }
    }

    /** Lends Quartz our pool; closing the pool stays ours. */
    private record SharedPool(Database db) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return db.dataSource().getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
