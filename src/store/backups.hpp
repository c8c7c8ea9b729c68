#pragma once
// Backups of a RolePath database: made with VACUUM INTO, checked before they count, kept as 7
// daily and 4 weekly copies, and restored only after the current database has been kept aside.
#include <filesystem>
#include <optional>
#include <vector>

#include "core/calendar.hpp"
#include "store/store.hpp"

namespace rp::store {

struct BackupFile {
  std::filesystem::path path;
  core::LocalDay day = 0;  // from the name: <stem>-YYYY-MM-DD.db
};

// The daily backups of the database called `stem` in `folder`, newest first.
std::vector<BackupFile> list_backups(const std::filesystem::path& folder, const std::string& stem);

// True when `folder` holds a backup of the database called `stem` made on `day`.
bool has_backup_for(const std::filesystem::path& folder, const std::string& stem, core::LocalDay day);

// Writes a checked copy of the open database to `folder`/<stem>-YYYY-MM-DD.db (replacing one of
// the same day); a failed copy leaves nothing behind. Returns the file.
std::filesystem::path make_backup(Store& store, const std::filesystem::path& folder, core::LocalDay today);

// Makes today's backup unless there is one already, then prunes. Returns the new file, if any.
std::optional<std::filesystem::path> daily_backup(Store& store, const std::filesystem::path& folder, core::LocalDay today);

// Keeps the 7 newest daily backups and the newest of each of the 4 weeks before them.
void prune_backups(const std::filesystem::path& folder, const std::string& stem);

// Replaces the database at `database` (not open anywhere) with the checked backup `from`. The
// current file, whatever its state, is first copied into `folder` as
// <stem>-before-restore-<time>.db. Returns that copy's path (empty when there was no file).
std::filesystem::path restore_database(const std::filesystem::path& database, const std::filesystem::path& from,
                                       const std::filesystem::path& folder, const std::string& time_tag);

}  // namespace rp::store
