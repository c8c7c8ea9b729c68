#pragma once
// Backups of a RolePath database: made with VACUUM INTO, checked before they count, kept as 7
// daily and 4 weekly copies in a folder of their own database's identity, and restored only
// after the current database, with its -wal and -shm, has been moved aside whole.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "store/store.hpp"

namespace rp::store {

struct BackupFile {
  std::filesystem::path path;
  core::LocalDay day = 0;  // from the name: <stem>-YYYY-MM-DD.db
};

// `root`/<identity>/: where the backups of the database with that identity live. The folder also
// holds `source.txt`, the path of the database they were last made from.
std::filesystem::path backup_folder_of(const std::filesystem::path& root, const std::string& identity);

// The backups in one database's backup folder, newest first. Backups dated after `today` (made
// while the clock was wrong) are left out: they are never "the latest".
std::vector<BackupFile> list_backups(const std::filesystem::path& folder, core::LocalDay today);

// The backups that belong to the database at `database`, newest first (none dated after
// `today`): those carrying its identity when the file can be read, else those last made from
// this path.
std::vector<BackupFile> backups_for_database(const std::filesystem::path& root, const std::filesystem::path& database,
                                             core::LocalDay today);

// True when a backup made on `today` from the database at `database` exists (read before the
// database is opened, to choose how thoroughly to check it).
bool has_backup_today(const std::filesystem::path& root, const std::filesystem::path& database, core::LocalDay today);

// Writes a checked copy of the open database into its backup folder as <stem>-YYYY-MM-DD.db
// (replacing one of the same day); a failed copy leaves nothing behind. Returns the file.
std::filesystem::path make_backup(Store& store, const std::filesystem::path& root, core::LocalDay today);

// A database copied with `cp` carries its original's identity, so it would share the original's
// backup folder: the original's backup of the day would stand for the copy's, and a restore could
// offer one's backups to the other. When the folder of this identity was last made from another
// file that still exists and has the same identity, this one is the copy: it gets a new identity.
// Returns true when it did. A database that was moved keeps its identity (the other file is gone).
bool separate_copy(Store& store, const std::filesystem::path& root);

// Makes today's backup unless there is one already, then prunes. Returns the new file, if any.
std::optional<std::filesystem::path> daily_backup(Store& store, const std::filesystem::path& root, core::LocalDay today);

// Keeps the 7 newest daily backups and the newest of each of the 4 weeks before them; backups
// dated after `today` are kept and left out of the count.
void prune_backups(const std::filesystem::path& folder, core::LocalDay today);

struct RestoreOptions {
  std::string time_tag;  // "20260302-180000", in the name of the kept-aside database
  bool force = false;    // accept a RolePath backup of another database, or one without identity
};

// Replaces the database at `database` (not open anywhere) with the checked backup `from`. The
// current database and its -wal and -shm are first moved aside, whole, as
// <stem>-before-restore-<time>[-N].db beside it (never over an earlier one). Each step is made
// durable and recorded, so an interruption at any point leaves the old or the new database
// complete, and the next open finishes it. Refuses a file that is not a RolePath database, and,
// without `force`, a backup of another database. Returns the kept-aside path (empty when there
// was no database).
std::filesystem::path restore_database(const std::filesystem::path& database, const std::filesystem::path& from,
                                       const RestoreOptions& options);

// Settles a restore of `database` that was interrupted: finishes it once the backup's copy was
// complete, else removes the partial copy. Returns a sentence for the learner, or "" if there was
// nothing to do. The caller holds the database's lock.
std::string finish_interrupted_restore(const std::filesystem::path& database);

// Moves a -wal or -shm that has no database beside it aside (as <stem>-orphaned.db-wal, numbered if
// taken), so a new database of that name never replays it. Returns a sentence for the
// learner, or "" if there was none. The caller holds the database's lock.
std::string set_aside_orphaned_companions(const std::filesystem::path& database);

}  // namespace rp::store
