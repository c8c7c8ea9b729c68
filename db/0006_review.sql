-- Review that keeps its word (issue 15): which order a question's options were shown in, answers
-- given again after an undo, suspended questions, and what a quiz or review planned to ask, so an
-- unfinished one can be resumed after a restart.

-- The option indices in the order they were shown, "2,0,1,3"; NULL for statements and for answers
-- written before options were shuffled (shown in bank order).
ALTER TABLE answer ADD COLUMN shown_order TEXT;
-- 1 when the question was answered again after its first answer was undone: such an answer counts
-- no better than the first one did, and `correct` holds what counted.
ALTER TABLE answer ADD COLUMN after_undo INTEGER NOT NULL DEFAULT 0 CHECK (after_undo IN (0, 1));

-- What a quiz or review set out to ask, as JSON ({"questions": [bank ids], "role": role id or
-- null}); NULL for questionnaires and for sessions of earlier versions.
ALTER TABLE study_session ADD COLUMN plan TEXT;

-- Questions a learner took out of review and quizzes (a leech they chose to set aside).
CREATE TABLE suspended (
  profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES item(id),
  since_ms    INTEGER NOT NULL,
  PRIMARY KEY (profile_id, item_id)
) WITHOUT ROWID;
