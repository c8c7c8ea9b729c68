#include "store/backups.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

namespace rp::store {

namespace {
std::optional<core::LocalDay> day_in_name(const std::string& name, const std::string& stem) {
  // <stem>-YYYY-MM-DD.db
  if (name.size() != stem.size() + 14 || name.rfind(stem + "-", 0) != 0 || name.substr(name.size() - 3) != ".db")
    return std::nullopt;
  const auto date = core::parse_iso8601(name.substr(stem.size() + 1, 10));
  if (!date) return std::nullopt;
  return core::days_from_civil(date->year, date->month, date->day);
}

void sync_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void ensure_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw StoreError(folder.string(), fmt::format("cannot create the backup folder: {}", ec.message()));
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
}
}  // namespace

std::vector<BackupFile> list_backups(const std::filesystem::path& folder, const std::string& stem) {
  std::vector<BackupFile> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file()) continue;
    if (const auto day = day_in_name(entry.path().filename().string(), stem)) files.push_back({entry.path(), *day});
  }
  std::sort(files.begin(), files.end(), [](const BackupFile& a, const BackupFile& b) { return a.day > b.day; });
  return files;
}

bool has_backup_for(const std::filesystem::path& folder, const std::string& stem, core::LocalDay day) {
  std::error_code ec;
  return std::filesystem::exists(folder / fmt::format("{}-{}.db", stem, core::format_day(day)), ec);
}

std::filesystem::path make_backup(Store& store, const std::filesystem::path& folder, core::LocalDay today) {
  ensure_folder(folder);
  const std::string stem = std::filesystem::path(store.path()).stem().string();
  const auto target = folder / fmt::format("{}-{}.db", stem, core::format_day(today));
  const auto partial = std::filesystem::path(target.string() + ".partial");
  std::error_code ec;
  std::filesystem::remove(partial, ec);
  try {
    store.guarded([&] {
      SQLite::Statement vacuum(store.connection(), "VACUUM INTO ?");
      vacuum.bind(1, partial.string());
      vacuum.exec();
    });
    verify_database_file(partial);
    if (std::filesystem::file_size(partial) == 0) throw StoreError(partial.string(), "the backup came out empty");
    sync_file(partial);
    std::filesystem::rename(partial, target);
    std::filesystem::permissions(target, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  } catch (...) {
    std::filesystem::remove(partial, ec);
    throw;
  }
  return target;
}

std::optional<std::filesystem::path> daily_backup(Store& store, const std::filesystem::path& folder, core::LocalDay today) {
  const std::string stem = std::filesystem::path(store.path()).stem().string();
  const auto existing = list_backups(folder, stem);
  if (!existing.empty() && existing.front().day == today) return std::nullopt;
  auto made = make_backup(store, folder, today);
  prune_backups(folder, stem);
  return made;
}

void prune_backups(const std::filesystem::path& folder, const std::string& stem) {
  const auto files = list_backups(folder, stem);
  std::set<std::filesystem::path> keep;
  std::set<core::LocalDay> weeks;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i < 7) {
      keep.insert(files[i].path);
      continue;
    }
    // Older than the seven daily ones: the newest of each of four further weeks.
    const auto week = core::monday_of(files[i].day);
    if (weeks.size() < 4 && !weeks.count(week) && week < core::monday_of(files[std::min<std::size_t>(6, i)].day)) {
      weeks.insert(week);
      keep.insert(files[i].path);
    }
  }
  std::error_code ec;
  for (const auto& file : files)
    if (!keep.count(file.path)) std::filesystem::remove(file.path, ec);
}

std::filesystem::path restore_database(const std::filesystem::path& database, const std::filesystem::path& from,
                                       const std::filesystem::path& folder, const std::string& time_tag) {
  verify_database_file(from);
  DatabaseLock lock(database);  // nobody else may have it open while it is replaced
  ensure_folder(folder);
  std::error_code ec;
  std::filesystem::path kept;
  const std::string stem = database.stem().string();
  if (std::filesystem::exists(database, ec)) {
    kept = folder / fmt::format("{}-before-restore-{}.db", stem, time_tag);
    std::filesystem::copy_file(database, kept, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) throw StoreError(kept.string(), fmt::format("cannot keep a copy of the current database: {}", ec.message()));
    // The write-ahead log belongs to the current file; keep it with the copy, never replay it into the backup.
    for (const char* side : {"-wal", "-shm"}) {
      const std::filesystem::path file = database.string() + side;
      if (!std::filesystem::exists(file, ec)) continue;
      std::filesystem::copy_file(file, kept.string() + side, std::filesystem::copy_options::overwrite_existing, ec);
      std::filesystem::remove(file, ec);
    }
  }
  const std::filesystem::path incoming = database.string() + ".restoring";
  std::filesystem::copy_file(from, incoming, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) throw StoreError(database.string(), fmt::format("cannot copy the backup into place: {}", ec.message()));
  std::filesystem::permissions(incoming, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  sync_file(incoming);
  std::filesystem::rename(incoming, database, ec);
  if (ec) {
    std::filesystem::remove(incoming, ec);
    throw StoreError(database.string(), fmt::format("cannot put the backup in place: {}", ec.message()));
  }
  return kept;
}

}  // namespace rp::store
