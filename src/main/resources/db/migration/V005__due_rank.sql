-- The dispatcher takes follow-ups before first messages, then the longest overdue
-- first. Ordering by an expression (CASE WHEN next_step > 1 ...) made the database
-- read and sort every due row to return the first 200: 1% due of a million
-- enrollments is 10,000 rows per dispatch. due_rank holds that order in a column
-- (0: a follow-up, 1: a first message), so each rank is one range of this index,
-- already in due order, and the query stops after the rows it returns.
ALTER TABLE enrollment ADD COLUMN due_rank SMALLINT DEFAULT 1 NOT NULL;

UPDATE enrollment SET due_rank = 0 WHERE next_step > 1;

CREATE INDEX enrollment_due_rank ON enrollment (mailbox, status, due_rank, next_due_at, id);
