-- The rendered bodies of a sent step move to a row of their own, written once.
-- The outbound_message row changes status two or three times per step; with the
-- bodies in it, every change rewrote kilobytes of text.

CREATE TABLE outbound_body (
    outbound_id  BIGINT NOT NULL PRIMARY KEY REFERENCES outbound_message (id),
    text_body    VARCHAR(200000) NOT NULL,
    html_body    VARCHAR(400000)
);

INSERT INTO outbound_body (outbound_id, text_body, html_body)
    SELECT id, text_body, html_body FROM outbound_message;

ALTER TABLE outbound_message DROP COLUMN text_body;
ALTER TABLE outbound_message DROP COLUMN html_body;
