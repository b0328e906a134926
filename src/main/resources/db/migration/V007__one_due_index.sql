-- enrollment_due_rank (V005) serves every due-time lookup, so the older index on
-- (mailbox, status, next_due_at) only cost one more index write at every step.
DROP INDEX enrollment_due;
