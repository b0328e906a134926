package dev.nudge.schedule;

import dev.nudge.mail.outbound.DispatchResult;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a mailbox's due steps, then moves its own trigger to the next due one. */
@DisallowConcurrentExecution
final class DispatchJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(DispatchJob.class);

    private final Scheduling scheduling;

    DispatchJob(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String mailbox = context.getMergedJobDataMap().getString("mailbox");
        scheduling.running(Scheduling.DISPATCH + " mailbox=" + mailbox, () -> dispatch(mailbox));
    }

    private void dispatch(String mailbox) {
        java.time.Instant retryAt = null;
        try {
            DispatchResult result = scheduling.dispatcher().dispatchOnce(mailbox);
            retryAt = result.retryAt();
            if (result.sent() + result.failed() + result.held() + result.retrying() > 0) {
                log.info("dispatch done mailbox={} sent={} failed={} held={} retrying={}", mailbox, result.sent(),
                        result.failed(), result.held(), result.retrying());
            }
            scheduling.dispatchFailures().succeeded(mailbox);
        } catch (RuntimeException e) {
            FailureBackoff.Retry retry = scheduling.dispatchFailures().failed(mailbox);
            retryAt = retry.at();
            if (retry.failuresInARow() == 1) {
                log.error("dispatch failed mailbox={} retry_in={} reason=\"{}\"", mailbox, retry.delay(),
                        e.getMessage(), e);
            } else {
                // The stack trace was logged at the first failure; repeating it says nothing new.
                log.error("dispatch failed again mailbox={} failures_in_a_row={} retry_in={} reason=\"{}\"",
                        mailbox, retry.failuresInARow(), retry.delay(), e.getMessage());
            }
        } finally {
            scheduling.plan(mailbox, retryAt);
        }
    }
}
