-- Which lessons a learner has read to the end, and when: the Learn screen's ticks and the offer
-- to read before a first quiz rest on it. A lesson is named by its bank id, as items are by key.
CREATE TABLE lesson_read (
  profile_id    INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  lesson_id     TEXT NOT NULL,
  first_read_ms INTEGER NOT NULL,
  last_read_ms  INTEGER NOT NULL,
  times         INTEGER NOT NULL DEFAULT 1,  -- how often the end was reached, at most once a day
  PRIMARY KEY (profile_id, lesson_id)
) WITHOUT ROWID;
