#include "store/backups.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include "store/files.hpp"

namespace rp::store {

namespace {
constexpr const char* source_file = "source.txt";
constexpr const char* nothing_kept = "-";  // a restore plan's line when there was no database to keep aside
constexpr const char* companions[] = {"", "-wal", "-shm"};  // the database first, so it never stands without its log

std::optional<core::LocalDay> day_in_name(const std::string& name) {
  // <stem>-YYYY-MM-DD.db
  if (name.size() < 15 || name.substr(name.size() - 3) != ".db" || name[name.size() - 14] != '-') return std::nullopt;
  const auto date = core::parse_iso8601(name.substr(name.size() - 13, 10));
  if (!date) return std::nullopt;
  return core::days_from_civil(date->year, date->month, date->day);
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

ErrorKind kind_of(const std::error_code& ec) {
  return ec == std::errc::no_space_on_device || ec == std::errc::file_too_large ? ErrorKind::disk_full : ErrorKind::io;
}

// Writes `text` to `file` durably: a temporary beside it, synced, renamed over it.
void write_text_durably(const std::filesystem::path& file, const std::string& text) {
  const std::filesystem::path temp = file.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw StoreError(ErrorKind::io, file.string(), fmt::format("cannot write: {}", std::strerror(errno)));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    throw StoreError(err == ENOSPC || err == EFBIG ? ErrorKind::disk_full : ErrorKind::io, file.string(),
                     fmt::format("cannot write: {}", std::strerror(err)));
  }
  std::filesystem::rename(temp, file);
  sync_folder(file.parent_path());
}

std::filesystem::path plan_file(const std::filesystem::path& database) { return database.string() + ".restore-plan"; }
std::filesystem::path incoming_file(const std::filesystem::path& database) { return database.string() + ".restoring"; }

// A name <stem>-<label>[-N].db beside `database` for files kept aside, taken by no file and no
// companion, so nothing kept aside ever replaces anything.
std::filesystem::path kept_aside_name(const std::filesystem::path& database, const std::string& label) {
  std::error_code ec;
  for (int n = 1;; ++n) {
    const auto name = database.parent_path() / fmt::format("{}-{}{}.db", database.stem().string(), label,
                                                           n == 1 ? std::string() : fmt::format("-{}", n));
    if (std::none_of(std::begin(companions), std::end(companions),
                     [&](const char* side) { return std::filesystem::exists(name.string() + side, ec); }))
      return name;
  }
}

// Moves the database and its companions that are still in place to the kept-aside name.
void move_aside(const std::filesystem::path& database, const std::filesystem::path& kept) {
  std::error_code ec;
  for (const char* side : companions) {
    const std::filesystem::path from = database.string() + side;
    if (!std::filesystem::exists(std::filesystem::symlink_status(from, ec))) continue;
    if (!rename_no_replace(from, kept.string() + side))
      throw StoreError(ErrorKind::io, database.string(),
                       fmt::format("cannot keep {} aside: {} is already taken; both were left as they are",
                                   from.string(), kept.string() + side));
    failpoint(*side ? "restore:moved-companion" : "restore:moved-database");
  }
  sync_folder(database.parent_path());
}
}  // namespace

std::filesystem::path backup_folder_of(const std::filesystem::path& root, const std::string& identity) {
  return root / identity;
}

std::vector<BackupFile> list_backups(const std::filesystem::path& folder, core::LocalDay today) {
  std::vector<BackupFile> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    if (const auto day = day_in_name(entry.path().filename().string()); day && *day <= today)
      files.push_back({entry.path(), *day});
  }
  std::sort(files.begin(), files.end(), [](const BackupFile& a, const BackupFile& b) { return a.day > b.day; });
  return files;
}

namespace {
// The backup folders last made from the database at `database`.
std::vector<std::filesystem::path> folders_made_from(const std::filesystem::path& root, const std::filesystem::path& database) {
  std::vector<std::filesystem::path> folders;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec))
    if (entry.is_directory(ec) && read_text(entry.path() / source_file) == database.string()) folders.push_back(entry.path());
  return folders;
}
}  // namespace

std::vector<BackupFile> backups_for_database(const std::filesystem::path& root, const std::filesystem::path& database,
                                             core::LocalDay today) {
  std::string identity;
  try {
    identity = read_file_facts(database).identity;
  } catch (const StoreError&) {
    // A damaged file may not say who it is; its backups are then the ones made from its path.
  }
  std::vector<std::filesystem::path> folders;
  if (!identity.empty()) folders.push_back(backup_folder_of(root, identity));
  else folders = folders_made_from(root, database);
  std::vector<BackupFile> files;
  for (const auto& folder : folders) {
    auto more = list_backups(folder, today);
    files.insert(files.end(), more.begin(), more.end());
  }
  std::sort(files.begin(), files.end(), [](const BackupFile& a, const BackupFile& b) { return a.day > b.day; });
  return files;
}

bool has_backup_today(const std::filesystem::path& root, const std::filesystem::path& database, core::LocalDay today) {
  for (const auto& folder : folders_made_from(root, database)) {
    const auto files = list_backups(folder, today);
    if (!files.empty() && files.front().day == today) return true;
  }
  return false;
}

std::filesystem::path make_backup(Store& store, const std::filesystem::path& root, core::LocalDay today) {
  const auto folder = backup_folder_of(root, store.identity());
  create_private_folders(folder);
  if (read_text(folder / source_file) != store.path()) write_text_durably(folder / source_file, store.path());
  const std::string stem = std::filesystem::path(store.path()).stem().string();
  const auto target = folder / fmt::format("{}-{}.db", stem, core::format_day(today));
  const auto partial = std::filesystem::path(target.string() + ".partial");
  std::error_code ec;
  std::filesystem::remove(partial, ec);
  // VACUUM INTO accepts an empty file: making it first gives the copy owner-only permissions
  // from its first byte.
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw StoreError(errno == ENOSPC ? ErrorKind::disk_full : ErrorKind::io, partial.string(),
                     fmt::format("cannot create the backup: {}", std::strerror(errno)));
  ::close(fd);
  try {
    store.guarded([&] {
      SQLite::Statement vacuum(store.connection(), "VACUUM INTO ?");
      vacuum.bind(1, partial.string());
      vacuum.exec();
    });
    failpoint("backup:copied");
    verify_database_file(partial);
    sync_file(partial);
    std::filesystem::rename(partial, target);
    sync_folder(folder);
  } catch (...) {
    std::filesystem::remove(partial, ec);
    throw;
  }
  return target;
}

bool separate_copy(Store& store, const std::filesystem::path& root) {
  const auto identity = store.identity();
  const std::filesystem::path source = read_text(backup_folder_of(root, identity) / source_file);
  if (source.empty() || source == std::filesystem::path(store.path())) return false;
  std::error_code ec;
  if (!std::filesystem::exists(source, ec) || std::filesystem::equivalent(source, store.path(), ec)) return false;
  try {
    if (read_file_facts(source).identity != identity) return false;
  } catch (const StoreError&) {
    return false;  // the other file cannot be read: nothing shows this one is a copy
  }
  store.renew_identity();
  return true;
}

std::optional<std::filesystem::path> daily_backup(Store& store, const std::filesystem::path& root, core::LocalDay today) {
  const auto folder = backup_folder_of(root, store.identity());
  const auto existing = list_backups(folder, today);
  if (!existing.empty() && existing.front().day == today) return std::nullopt;
  auto made = make_backup(store, root, today);
  prune_backups(folder, today);
  return made;
}

void prune_backups(const std::filesystem::path& folder, core::LocalDay today) {
  const auto files = list_backups(folder, today);
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

std::string finish_interrupted_restore(const std::filesystem::path& database) {
  std::error_code ec;
  const auto plan = plan_file(database);
  const auto incoming = incoming_file(database);
  std::filesystem::remove(plan.string() + ".tmp", ec);
  if (std::filesystem::exists(plan, ec)) {
    // The plan is written only once the backup's copy is complete and checked: roll forward.
    const std::filesystem::path kept = read_text(plan);
    if (kept.empty()) throw StoreError(ErrorKind::io, database.string(), fmt::format("{} is empty; look at it by hand", plan.string()));
    const bool had_database = kept != nothing_kept;
    const bool was_finishing = std::filesystem::exists(incoming, ec);
    if (was_finishing) {
      if (had_database) move_aside(database, kept);
      std::filesystem::rename(incoming, database);
      sync_folder(database.parent_path());
    }
    std::string sentence = was_finishing ? "A restore was interrupted; it has now been finished."
                                         : "A restore was interrupted after the backup was in place.";
    if (had_database) sentence += fmt::format(" The database it replaced is kept as {}.", kept.string());
    std::filesystem::remove(plan);
    sync_folder(database.parent_path());
    return sentence;
  }
  if (std::filesystem::exists(std::filesystem::symlink_status(incoming, ec))) {
    // Without a plan the restore had not yet touched the database: its partial copy goes.
    std::filesystem::remove(incoming);
    sync_folder(database.parent_path());
    return fmt::format("A restore was interrupted before it changed anything; its unfinished copy {} was removed and "
                       "the database is as it was.",
                       incoming.string());
  }
  return {};
}

std::string set_aside_orphaned_companions(const std::filesystem::path& database) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(database, ec))) return {};
  const bool orphans = std::any_of(std::begin(companions) + 1, std::end(companions), [&](const char* side) {
    return std::filesystem::exists(std::filesystem::symlink_status(database.string() + side, ec));
  });
  if (!orphans) return {};
  // SQLite would replay a stray -wal into a new database of this name: keep it aside instead.
  const auto kept = kept_aside_name(database, "orphaned");
  move_aside(database, kept);
  return fmt::format("There was a {}-wal or -shm file with no database beside it; it is kept as {}-wal so that a new "
                     "database never takes it for its own.",
                     database.string(), kept.string());
}

std::filesystem::path restore_database(const std::filesystem::path& requested, const std::filesystem::path& requested_from,
                                       const RestoreOptions& options) {
  const auto database = resolve_database_path(requested);
  const auto from = resolve_database_path(requested_from);
  verify_database_file(from);
  const FileFacts incoming_facts = read_file_facts(from);
  if (!incoming_facts.rolepath)
    throw StoreError(ErrorKind::not_database, from.string(),
                     "this is an SQLite file, but not a RolePath database; nothing was changed");
  if (const auto kind = non_regular_kind(database); !kind.empty())
    throw StoreError(ErrorKind::not_regular, database.string(), fmt::format("this path is {}, not a database file", kind));
  DatabaseLock lock(database);  // nobody else may have it open while it is replaced
  finish_interrupted_restore(database);
  lock.hold_file();
  std::error_code ec;
  // A -wal left without its database counts as part of what is replaced: never replayed into the backup.
  const bool replacing = std::any_of(std::begin(companions), std::end(companions), [&](const char* side) {
    return std::filesystem::exists(std::filesystem::symlink_status(database.string() + side, ec));
  });
  if (std::filesystem::exists(database, ec) && !options.force) {
    std::string current;
    try {
      current = read_file_facts(database).identity;
    } catch (const StoreError&) {
      // Damaged beyond reading its identity: the backups last made from this path are its own.
    }
    const bool belongs = !current.empty() ? incoming_facts.identity == current
                                          : read_text(from.parent_path() / source_file) == database.string();
    if (incoming_facts.identity.empty())
      throw StoreError(ErrorKind::wrong_backup, from.string(),
                       "this backup was made by an earlier RolePath and does not say which database it belongs to; "
                       "nothing was changed. Add --force to restore it anyway");
    if (!belongs)
      throw StoreError(ErrorKind::wrong_backup, from.string(),
                       fmt::format("this is a backup of another RolePath database, not of {}; nothing was changed. Add "
                                   "--force to replace it anyway",
                                   database.string()));
  }

  // 1. A complete, checked copy of the backup beside the database; a full disk stops here.
  const auto incoming = incoming_file(database);
  std::filesystem::copy_file(from, incoming, std::filesystem::copy_options::none, ec);
  if (!ec) std::filesystem::permissions(incoming, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(incoming, ignored);
    throw StoreError(kind_of(ec), database.string(),
                     fmt::format("cannot copy the backup beside the database ({}); nothing was changed", ec.message()));
  }
  try {
    sync_file(incoming);
    if (std::filesystem::file_size(incoming) != std::filesystem::file_size(from))
      throw StoreError(ErrorKind::io, incoming.string(), "the copy of the backup came out incomplete");
    verify_database_file(incoming);
  } catch (...) {
    std::filesystem::remove(incoming, ec);
    throw;
  }
  failpoint("restore:copied");

  // 2. The plan: from here on, any start finishes the restore.
  const auto kept = replacing ? kept_aside_name(database, "before-restore-" + options.time_tag) : std::filesystem::path();
  try {
    write_text_durably(plan_file(database), replacing ? kept.string() : std::string(nothing_kept));
  } catch (...) {
    std::filesystem::remove(incoming, ec);
    throw;
  }
  failpoint("restore:planned");

  // 3. The current database, whole, aside; 4. the copy in its place.
  if (replacing) move_aside(database, kept);
  std::filesystem::rename(incoming, database);
  sync_folder(database.parent_path());
  failpoint("restore:in-place");
  std::filesystem::remove(plan_file(database));
  sync_folder(database.parent_path());
  return kept;
}

}  // namespace rp::store
