-- Addresses Nudge must never write to again, and why.
CREATE TABLE suppression (
    address     VARCHAR(320) NOT NULL PRIMARY KEY,
    reason      VARCHAR(20) NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT suppression_reason_check
        CHECK (reason IN ('UNSUBSCRIBED', 'HARD_BOUNCE', 'COMPLAINT', 'MANUAL'))
);

-- Message-IDs a provider gave our messages instead of ours (Outlook.com keeps
-- ours in X-Microsoft-Original-Message-ID), so replies to them still match.
CREATE TABLE outbound_alias (
    alias_message_id  VARCHAR(250) NOT NULL PRIMARY KEY,
    outbound_id       BIGINT NOT NULL REFERENCES outbound_message (id)
);

ALTER TABLE enrollment ADD COLUMN soft_bounces INT DEFAULT 0 NOT NULL;

ALTER TABLE inbound_message ADD COLUMN bounce_type VARCHAR(4);
ALTER TABLE inbound_message ADD COLUMN status_code VARCHAR(20);
ALTER TABLE inbound_message ADD COLUMN failed_recipient VARCHAR(320);
ALTER TABLE inbound_message ADD COLUMN return_date DATE;
ALTER TABLE inbound_message ADD COLUMN reply_text VARCHAR(4000);
