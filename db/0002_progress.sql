-- Progress over weeks without scanning every answer: per-day totals kept up to date in the same
-- transaction as each answer, and weekly mastery snapshots.

-- The learner's local calendar day of each answer (days since 1970-01-01), fixed when written.
ALTER TABLE answer ADD COLUMN local_day INTEGER;
UPDATE answer SET local_day = answered_ms / 86400000 WHERE local_day IS NULL;
-- Whether a review answer was to a question that was due then (for true retention).
ALTER TABLE answer ADD COLUMN was_due INTEGER NOT NULL DEFAULT 0;

CREATE TABLE daily_activity (
  profile_id     INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  day            INTEGER NOT NULL,            -- local day, as answer.local_day
  answers        INTEGER NOT NULL DEFAULT 0,  -- quiz, review and questionnaire answers
  graded         INTEGER NOT NULL DEFAULT 0,  -- answers that were right or wrong (not statements)
  correct        INTEGER NOT NULL DEFAULT 0,
  study_ms       INTEGER NOT NULL DEFAULT 0,  -- time spent, each answer counted up to two minutes
  due_reviews    INTEGER NOT NULL DEFAULT 0,  -- review answers to questions that were due
  due_correct    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, day)
) WITHOUT ROWID;

INSERT INTO daily_activity (profile_id, day, answers, graded, correct, study_ms)
  SELECT profile_id, local_day, count(*), count(correct), coalesce(sum(correct), 0), sum(min(latency_ms, 120000))
  FROM answer GROUP BY profile_id, local_day;

-- Mastery of each role and topic, kept once a week, for the chart of mastery over time.
CREATE TABLE mastery_snapshot (
  profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  week_monday INTEGER NOT NULL,  -- local day of the week's Monday
  role        TEXT NOT NULL,
  topic       TEXT NOT NULL,
  score       REAL NOT NULL,
  PRIMARY KEY (profile_id, week_monday, role, topic)
) WITHOUT ROWID;
