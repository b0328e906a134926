-- When a send became uncertain, so the user sees how long it has waited for a decision,
-- and SKIPPED: the user decided an uncertain step counts as not sent.
ALTER TABLE outbound_message ADD COLUMN uncertain_since TIMESTAMP WITH TIME ZONE;

ALTER TABLE outbound_message DROP CONSTRAINT outbound_status_check;
ALTER TABLE outbound_message ADD CONSTRAINT outbound_status_check
    CHECK (status IN ('SENDING', 'SENT', 'RETRYING', 'FAILED', 'UNCERTAIN', 'SKIPPED'));
