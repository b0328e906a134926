package dev.nudge.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a mailbox's new mail; a failure is logged and the next interval tries again. */
@DisallowConcurrentExecution
final class InboxSyncJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(InboxSyncJob.class);

    private final Scheduling scheduling;

    InboxSyncJob(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String mailbox = context.getMergedJobDataMap().getString("mailbox");
        scheduling.running(Scheduling.INBOX + " mailbox=" + mailbox, () -> sync(mailbox));
    }

    private void sync(String mailbox) {
        try {
            int read = scheduling.inboxSync().syncOnce(mailbox);
            if (read > 0) {
                log.info("inbox synced mailbox={} new={}", mailbox, read);
            }
        } catch (RuntimeException e) {
            log.debug("inbox sync failed mailbox={}", mailbox, e);
        }
    }
}
