-- Two indexes no query uses any more: per-item tallies now come from the FSRS state, and the
-- schedule is read whole per learner. Each one cost a page write on every answer.
DROP INDEX IF EXISTS answer_by_item;
DROP INDEX IF EXISTS schedule_by_due;
