package dev.nudge.bench;

import dev.nudge.NudgeException;
import dev.nudge.config.DatabaseConfig;
import dev.nudge.store.Database;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import dev.nudge.schedule.Scheduling;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The design Nudge did not take: one Quartz trigger per step, all due now, in
 * the JDBC job store on an H2 file opened as Nudge opens it; each job sends
 * its one message over a new SMTP connection.
 */
final class QuartzBench {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long MAX_WAIT_MINUTES = 30;

    private final int steps;

    QuartzBench(int steps) {
        this.steps = steps;
    }

    double run() {
        Path dir = TempDirs.create("nudge-bench-quartz");
        try (BenchMailServer server = new BenchMailServer(1);
             Database db = Database.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("db/nudge")
                     .toAbsolutePath(), "nudge", null))) {
            CountDownLatch done = new CountDownLatch(steps);
            AtomicInteger failures = new AtomicInteger();
            Scheduler scheduler = scheduler(db);
            String from = server.mailboxes().get(0).address();
            Properties smtp = server.smtpProperties();
            scheduler.setJobFactory((bundle, s) -> new SendOne(smtp, from, done, failures));
            scheduleAll(scheduler);
            long started = System.nanoTime();
            scheduler.start();
            boolean finished = done.await(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
            long took = System.nanoTime() - started;
            scheduler.shutdown(true);
            if (!finished || failures.get() > 0) {
                throw new NudgeException("The Quartz bench sent " + (steps - done.getCount() - failures.get())
                        + " of " + steps + " messages (" + failures.get() + " failed)");
            }
            return Figure.rate(steps, took);
        } catch (SchedulerException e) {
            throw new NudgeException("The Quartz bench failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NudgeException("The Quartz bench was interrupted", e);
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** The same job store settings as Nudge's own scheduler. */
    private static Scheduler scheduler(Database db) throws SchedulerException {
        Properties p = Scheduling.jobStoreProperties("nudge-bench-" + INSTANCES.incrementAndGet(), db);
        // Scheduling thousands of triggers takes a while; none may count as misfired when firing starts.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "3600000");
        return new StdSchedulerFactory(p).getScheduler();
    }

    private void scheduleAll(Scheduler scheduler) throws SchedulerException {
        Map<JobDetail, Set<? extends Trigger>> batch = new HashMap<>();
        for (int i = 0; i < steps; i++) {
            JobDetail job = JobBuilder.newJob(SendOne.class).withIdentity("step-" + i, "bench")
                    .usingJobData("contact", String.valueOf(i)).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("step-" + i, "bench").startNow().build();
            batch.put(job, Set.of(trigger));
            if (batch.size() == 500 || i == steps - 1) {
                scheduler.scheduleJobs(batch, false);
                batch.clear();
            }
        }
    }

    /** One step's job: a new SMTP connection, one message. */
    private record SendOne(Properties smtp, String from, CountDownLatch done, AtomicInteger failures)
            implements Job {

        SendOne() {
            this(null, null, null, null);
        }

        @Override
        public void execute(JobExecutionContext context) {
            int contact = Integer.parseInt(context.getMergedJobDataMap().getString("contact"));
            Session session = Session.getInstance(smtp);
            try {
                MimeMessage m = BenchMailServer.message(session, from, contact);
                Transport.send(m, from, BenchMailServer.PASSWORD);
            } catch (MessagingException e) {
                failures.incrementAndGet();
            } finally {
                done.countDown();
            }
        }
    }
}
