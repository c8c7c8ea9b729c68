-- RolePath schema, version 1. Times are UTC milliseconds since 1970.

-- A learner. Several can share one database.
CREATE TABLE profile (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  created_ms  INTEGER NOT NULL
);

-- Bank items (questions and statements) by their stable string id, so history survives edits
-- to the bank; content_hash tells when the text a learner saw has changed.
CREATE TABLE item (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'truefalse', 'which_role', 'statement')),
  roles         TEXT NOT NULL,  -- role ids, comma-separated
  topic         TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  changed_ms    INTEGER NOT NULL
);

-- One sitting: a fit questionnaire, a topic quiz or a review.
CREATE TABLE study_session (
  id          INTEGER PRIMARY KEY,
  profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('fit', 'quiz', 'review')),
  started_ms  INTEGER NOT NULL,
  ended_ms    INTEGER
);
CREATE INDEX study_session_by_profile ON study_session(profile_id, started_ms);

-- Every answer is one row, written when the learner gives it (like Anki's revlog).
CREATE TABLE answer (
  id          INTEGER PRIMARY KEY,
  profile_id  INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  session_id  INTEGER NOT NULL REFERENCES study_session(id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES item(id),
  answered_ms INTEGER NOT NULL,
  chosen      TEXT NOT NULL,  -- option indices "0,2", "true"/"false", a role id list, or a 1-5 scale point
  correct     INTEGER CHECK (correct IN (0, 1)),  -- NULL for statements, which have no right answer
  latency_ms  INTEGER NOT NULL CHECK (latency_ms >= 0),
  confidence  INTEGER CHECK (confidence IN (0, 1))  -- NULL when not asked; 0 not sure, 1 sure
);
CREATE INDEX answer_by_profile_time ON answer(profile_id, answered_ms);
CREATE INDEX answer_by_session ON answer(session_id);
CREATE INDEX answer_by_item ON answer(profile_id, item_id);

-- Spaced-review state per learner and question (FSRS).
CREATE TABLE schedule (
  profile_id      INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  item_id         INTEGER NOT NULL REFERENCES item(id),
  stability       REAL NOT NULL,
  difficulty      REAL NOT NULL,
  last_review_ms  INTEGER NOT NULL,
  due_ms          INTEGER NOT NULL,
  reps            INTEGER NOT NULL DEFAULT 0,
  lapses          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (profile_id, item_id)
) WITHOUT ROWID;
CREATE INDEX schedule_by_due ON schedule(profile_id, due_ms);

-- A completed "which role suits you" result.
CREATE TABLE fit_result (
  id           INTEGER PRIMARY KEY,
  profile_id   INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  session_id   INTEGER NOT NULL REFERENCES study_session(id) ON DELETE CASCADE,
  computed_ms  INTEGER NOT NULL,
  suggested    TEXT,           -- role id, or NULL for "no clear preference"
  sureness     REAL NOT NULL,  -- 0..1
  detail_json  TEXT NOT NULL
);
CREATE INDEX fit_result_by_profile ON fit_result(profile_id, computed_ms);

-- A learner's weekly goal.
CREATE TABLE goal (
  profile_id     INTEGER PRIMARY KEY REFERENCES profile(id) ON DELETE CASCADE,
  unit           TEXT NOT NULL CHECK (unit IN ('answers', 'minutes')),
  weekly_target  INTEGER NOT NULL CHECK (weekly_target > 0),
  set_ms         INTEGER NOT NULL
);

-- Settings: profile_id 0 holds the app-wide ones (theme, current profile).
CREATE TABLE setting (
  profile_id  INTEGER NOT NULL,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (profile_id, key)
) WITHOUT ROWID;
