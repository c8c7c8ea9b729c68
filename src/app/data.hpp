#pragma once
// The learner's data as front ends and main.cpp see it: opening the study database (checked,
// backed up once a day), backups, restores and exports. Failures are core::DataError, named here
// as app::DataError. The store behind it stays sealed: nothing outside app/ names a store type.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "core/bank.hpp"
#include "core/data_problem.hpp"

namespace rp::app {

using core::DataError;
using core::DataProblem;

// The real file the learner means: links and `..` resolved, so locks, backups and restores act on
// the database itself. Throws a DataError for a link that leads nowhere.
std::filesystem::path resolve_database_path(const std::filesystem::path& path);

// Opens the database at `database` and builds the App on it. The first start of each local day
// reads every page and writes that day's backup; later starts check the header and schema only.
// What the learner should know (an interrupted restore finished, a backup that failed, stored
// rows that were skipped) is shown in the App's banner and returned, one sentence each.
struct OpenedApp {
  std::unique_ptr<App> app;
  std::vector<std::string> notices;
};
OpenedApp open_app(const std::filesystem::path& database, core::Bank bank, Clock clock, AppOptions options);

// Says once what reading stored rows since the last call skipped or corrected ("" if nothing).
std::string take_odd_rows_notice(App& app);

struct BackupInfo {
  std::filesystem::path file;
  std::string date;  // YYYY-MM-DD
};
// The backups of the database at `database`, newest first, none dated after today.
std::vector<BackupInfo> backups_of(const std::filesystem::path& database, const Clock& clock);

// Writes a checked backup of the database now; returns the file.
std::filesystem::path backup_now(const std::filesystem::path& database, const Clock& clock);

// Puts the backup `from` in place of the database (see store::restore_database); returns where
// the replaced database was kept, or an empty path when there was none.
std::filesystem::path restore_backup(const std::filesystem::path& database, const std::filesystem::path& from,
                                     bool force, const Clock& clock);

// Writes every answer of the App's profile to `file` as CSV (RFC 4180, formula cells as text),
// whole or not at all; refuses the database, its companions, backups and non-regular files.
// Returns the number of rows.
std::int64_t export_answers_csv(App& app, const std::filesystem::path& file);

}  // namespace rp::app
