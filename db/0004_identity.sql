-- Every RolePath database says what it is and which one it is, so a backup is only ever offered
-- back to the database it was made from.

-- "RPth" in the file header: tells a RolePath database from any other SQLite file.
PRAGMA application_id = 1381004392;

-- One row: a random id made when the database is created (or first opened by this version).
-- VACUUM INTO copies it into every backup.
CREATE TABLE database_identity (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  id         TEXT NOT NULL CHECK (length(id) = 32),
  created_ms INTEGER NOT NULL
);
INSERT INTO database_identity (singleton, id, created_ms)
  VALUES (1, lower(hex(randomblob(16))), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
