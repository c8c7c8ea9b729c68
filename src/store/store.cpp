#include "store/store.hpp"

#include "store/backups.hpp"
#include "store/files.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

namespace rp::store {

namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// db/0001_initial.sql -> version 1; files are applied in version order.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = [] {
    std::vector<Migration> result;
    for (const auto& [name, sql] : embedded::embedded_files()) {
      int version = 0;
      for (char c : name.substr(0, name.find('_'))) version = version * 10 + (c - '0');
      result.push_back({version, name, sql});
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return result;
  }();
  return list;
}

constexpr int busy_timeout_ms = 1000;

int read_user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void apply_pragmas(SQLite::Database& db, bool on_disk) {
  db.exec("PRAGMA foreign_keys = ON");
  if (on_disk) {
    db.exec("PRAGMA journal_mode = WAL");
    // Answers arrive at human pace, so a full sync per commit costs nothing a learner notices
    // and keeps every acknowledged answer across a power cut.
    db.exec("PRAGMA synchronous = FULL");
  }
}

void migrate(SQLite::Database& db) {
  const int current = read_user_version(db);
  for (const auto& migration : migrations()) {
    if (migration.version <= current) continue;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(std::string(migration.sql));
    db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
  }
}

// A low-level failure as the learner should read it, with the kind the front ends act on.
StoreError sqlite_error(const std::string& path, const SQLite::Exception& e) {
  // The primary result code is the low byte; the rest is the extended detail.
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_NOTADB:
      return {ErrorKind::not_database, path, "this file is not a RolePath database (SQLite cannot read it as a database)"};
    case SQLITE_CORRUPT: return {ErrorKind::damaged, path, "the database file is damaged (SQLite reports corruption)"};
    case SQLITE_CANTOPEN:
      return {ErrorKind::io, path, "the database file cannot be opened (check that the folder exists and is writable)"};
    case SQLITE_READONLY: return {ErrorKind::read_only, path, "the database file or its folder is read-only"};
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return {ErrorKind::in_use, path, "the database is in use by another program"};
    case SQLITE_FULL:
      return {ErrorKind::disk_full, path,
              "the disk is full, so this could not be written. Everything recorded before is safe; free some space "
              "and try again"};
    case SQLITE_IOERR:
      if (e.getExtendedErrorCode() == SQLITE_IOERR_WRITE || e.getExtendedErrorCode() == SQLITE_IOERR_FSYNC)
        return {ErrorKind::io, path, fmt::format("writing to the disk failed ({}); if the disk is full, free some space", e.what())};
      return {ErrorKind::io, path, fmt::format("an input/output error occurred ({})", e.what())};
    case SQLITE_CONSTRAINT: return {ErrorKind::other, path, fmt::format("a stored value was refused ({})", e.what())};
    default: return {ErrorKind::other, path, e.what()};
  }
}

// A path inside an SQLite URI: '%', '?' and '#' would otherwise end or change it.
std::string uri_path(const std::filesystem::path& path) {
  std::string out;
  for (char c : path.string()) {
    if (c == '%' || c == '?' || c == '#') out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else out += c;
  }
  return out;
}

// Opens a database file to read it as SQLite would, its -wal included, while changing nothing:
// without a -wal it is opened "immutable"; with one, the WAL index stays in this process's memory
// (exclusive locking, so no -shm is made), nothing may be written and no checkpoint runs on close.
std::unique_ptr<SQLite::Database> open_untouched(const std::filesystem::path& path) {
  std::error_code ec;
  const auto wal_size = std::filesystem::file_size(path.string() + "-wal", ec);
  if (ec || wal_size == 0)
    return std::make_unique<SQLite::Database>("file:" + uri_path(path) + "?immutable=1",
                                              SQLite::OPEN_READONLY | SQLite::OPEN_URI);
  auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
  int applied = 0;
  sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &applied);
  db->exec("PRAGMA locking_mode = EXCLUSIVE");
  db->exec("PRAGMA query_only = 1");
  return db;
}

// A new database is built in a temporary file beside the target and renamed into place, so a
// crash during creation never leaves a half-made database at the real path.
void create_database(const std::filesystem::path& path) {
  const std::string temp = path.string() + ".creating";
  // A creation cut short leaves its own temporary (and perhaps its log): never anyone's answers.
  for (const char* side : {"", "-wal", "-shm", "-journal"}) ::unlink((temp + side).c_str());
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int err = errno;
    throw StoreError(err == ENOSPC ? ErrorKind::disk_full : ErrorKind::io, path.string(),
                     fmt::format("cannot create the database: {}", std::strerror(err)));
  }
  ::close(fd);
  try {
    SQLite::Database db(temp, SQLite::OPEN_READWRITE, busy_timeout_ms);
    apply_pragmas(db, true);
    migrate(db);
  } catch (const SQLite::Exception& e) {
    ::unlink(temp.c_str());
    throw sqlite_error(path.string(), e);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw StoreError(ErrorKind::io, path.string(), fmt::format("cannot create the database: {}", std::strerror(err)));
  }
  sync_folder(path.parent_path());
}

// Reads what the file's header says, without SQLite and without changing anything.
struct Header {
  bool is_sqlite = false;
  int user_version = 0;
  std::uint64_t size = 0;
};

Header read_header(const std::filesystem::path& path) {
  Header header;
  std::error_code ec;
  header.size = std::filesystem::file_size(path, ec);
  // O_NONBLOCK: should the file turn into a FIFO after it was checked, opening still returns.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw StoreError(ErrorKind::io, path.string(), fmt::format("cannot read the file: {}", std::strerror(errno)));
  unsigned char bytes[100] = {};
  const auto got = ::read(fd, bytes, sizeof bytes);
  ::close(fd);
  static constexpr char magic[] = "SQLite format 3";
  header.is_sqlite = got == static_cast<ssize_t>(sizeof bytes) && std::memcmp(bytes, magic, sizeof magic) == 0;
  // user_version is the big-endian 32-bit number at offset 60.
  header.user_version = static_cast<int>((static_cast<std::uint32_t>(bytes[60]) << 24) | (bytes[61] << 16) |
                                         (bytes[62] << 8) | bytes[63]);
  return header;
}

void refuse_newer(const std::string& name, int version) {
  if (version <= latest_schema_version()) return;
  throw StoreError(ErrorKind::newer_schema, name,
                   fmt::format("this database was written by a newer RolePath (schema version {}; this version "
                               "knows up to {}). It was left unchanged; open it with that newer RolePath.",
                               version, latest_schema_version()));
}

// The checks every file must pass before SQLite reads it as a database.
void check_file_before_reading(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (const auto kind = non_regular_kind(path); !kind.empty())
    throw StoreError(ErrorKind::not_regular, name, fmt::format("this path is {}, not a database file", kind));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw StoreError(ErrorKind::missing, name, "there is no file at this path");
  const Header header = read_header(path);
  if (header.size == 0) throw StoreError(ErrorKind::not_database, name, "this file is empty (0 bytes), not a RolePath database");
  if (!header.is_sqlite)
    throw StoreError(ErrorKind::not_database, name, "this file is not a RolePath database (it is not an SQLite file)");
  refuse_newer(name, header.user_version);
}

bool has_table(SQLite::Database& db, const char* table) {
  SQLite::Statement query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  query.bind(1, table);
  return query.executeStep() && query.getColumn(0).getInt() > 0;
}

}  // namespace

void verify_database_file(const std::filesystem::path& path, Check check) {
  const std::string name = path.string();
  check_file_before_reading(path);
  try {
    auto db = open_untouched(path);
    // With a -wal, the first page may be newer than the one in the file's own header.
    refuse_newer(name, read_user_version(*db));
    if (check == Check::light) {
      db->execAndGet("SELECT count(*) FROM sqlite_master");  // the header and the schema must read
      return;
    }
    const std::string result = db->execAndGet("PRAGMA quick_check").getString();
    if (result != "ok") {
      // SQLite lists every problem; the learner needs to know it is damaged, and where it starts.
      std::vector<std::string> problems;
      std::size_t start = 0;
      while (start <= result.size()) {
        const auto end = std::min(result.find('\n', start), result.size());
        const std::string line = result.substr(start, end - start);
        if (!line.empty() && line.rfind("***", 0) != 0) problems.push_back(line);
        start = end + 1;
      }
      throw StoreError(ErrorKind::damaged, name,
                       fmt::format("the database file is damaged: SQLite's check found {} problem{}, the first: {}",
                                   problems.size(), problems.size() == 1 ? "" : "s",
                                   problems.empty() ? result : problems.front()));
    }
  } catch (const SQLite::Exception& e) {
    throw sqlite_error(name, e);
  }
}

FileFacts read_file_facts(const std::filesystem::path& path) {
  check_file_before_reading(path);
  try {
    auto db = open_untouched(path);
    FileFacts facts;
    const int id = db->execAndGet("PRAGMA application_id").getInt();
    // Databases from before schema 4 carry no application_id; their tables tell.
    facts.rolepath = id == application_id ||
                     (id == 0 && has_table(*db, "profile") && has_table(*db, "answer") && has_table(*db, "schedule"));
    if (facts.rolepath && has_table(*db, "database_identity"))
      facts.identity = db->execAndGet("SELECT id FROM database_identity").getString();
    return facts;
  } catch (const SQLite::Exception& e) {
    throw sqlite_error(path.string(), e);
  }
}

DatabaseLock::DatabaseLock(const std::filesystem::path& database)
    : database_(database.string()), path_(database.string() + ".lock") {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  created_ = fd_ >= 0;
  if (fd_ < 0 && errno == EEXIST) fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) {
    const int err = errno;
    if (err == EACCES || err == EROFS || err == EPERM)
      throw StoreError(ErrorKind::read_only, database.string(),
                       "the folder holding the database is read-only, so RolePath cannot keep your answers there");
    if (err == ENOSPC)
      throw StoreError(ErrorKind::disk_full, database.string(),
                       fmt::format("the disk is full: RolePath cannot create its lock file {}. Free some space and "
                                   "start again; nothing was changed",
                                   path_));
    throw StoreError(ErrorKind::io, database.string(), fmt::format("cannot open its lock file {}: {}", path_, std::strerror(err)));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char pid_text[32] = {};
    const auto got = ::pread(fd_, pid_text, sizeof pid_text - 1, 0);
    ::close(fd_);
    fd_ = -1;
    std::string holder = "another program";
    const long pid = got > 0 ? std::strtol(pid_text, nullptr, 10) : 0;
    if (pid > 0) {
      std::string command;
      if (FILE* comm = std::fopen(fmt::format("/proc/{}/comm", pid).c_str(), "r")) {
        char buffer[64] = {};
        if (std::fgets(buffer, sizeof buffer, comm)) command = buffer;
        std::fclose(comm);
        while (!command.empty() && (command.back() == '\n' || command.back() == '\r')) command.pop_back();
      }
      holder = command.empty() ? fmt::format("process {}", pid) : fmt::format("{} (process {})", command, pid);
    }
    throw StoreError(ErrorKind::in_use, database.string(),
                     fmt::format("this database is in use by {}. Close it there first; nothing was written here.", holder));
  }
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without the note of who holds it; a second instance just says less.
  }
}

void DatabaseLock::hold_file() {
  if (file_fd_ >= 0) return;
  file_fd_ = ::open(database_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (file_fd_ < 0) return;  // no file yet: the lock file alone guards its creation
  if (::flock(file_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(file_fd_);
    file_fd_ = -1;
    throw StoreError(ErrorKind::in_use, database_,
                     "this database is in use by another RolePath, which opened it under another name (a hard link "
                     "to the same file). Close it there first; nothing was written here.");
  }
}

void DatabaseLock::discard() {
  if (created_ && fd_ >= 0) ::unlink(path_.c_str());
}

DatabaseLock::~DatabaseLock() {
  // Closing releases the locks; the lock file stays for the next start.
  if (file_fd_ >= 0) ::close(file_fd_);
  if (fd_ >= 0) ::close(fd_);
}

int latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

Store::~Store() {
  statements_.clear();  // statements must be finalized before the connection closes
}

std::unique_ptr<Store> Store::open(const std::filesystem::path& requested, Check check) {
  const auto path = resolve_database_path(requested);
  const std::string name = path.string();
  if (const auto kind = non_regular_kind(path); !kind.empty())
    throw StoreError(ErrorKind::not_regular, name, fmt::format("this path is {}, not a database file", kind));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) create_private_folders(path.parent_path());
  // One RolePath per database: the lock comes before anything is read or written.
  auto lock = std::make_unique<DatabaseLock>(path);
  std::string notice;
  try {
    notice = finish_interrupted_restore(path);
    if (!std::filesystem::exists(path, ec)) {
      const auto orphans = set_aside_orphaned_companions(path);
      notice += (notice.empty() || orphans.empty() ? "" : " ") + orphans;
      create_database(path);
    } else {
      verify_database_file(path, check);  // throws, touching nothing, for a file that is not right
    }
    lock->hold_file();
  } catch (...) {
    lock->discard();
    throw;
  }
  try {
    auto db = std::make_unique<SQLite::Database>(name, SQLite::OPEN_READWRITE, busy_timeout_ms);
    apply_pragmas(*db, true);
    migrate(*db);
    auto store = std::unique_ptr<Store>(new Store(std::move(db), name));
    store->lock_ = std::move(lock);
    store->notice_ = std::move(notice);
    return store;
  } catch (const SQLite::Exception& e) {
    throw sqlite_error(name, e);
  }
}

std::unique_ptr<Store> Store::open_in_memory() {
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_pragmas(*db, false);
  migrate(*db);
  return std::unique_ptr<Store>(new Store(std::move(db), ":memory:"));
}

int Store::schema_version() { return read_user_version(*db_); }

void Store::renew_identity() {
  in_transaction([&] { db_->exec("UPDATE database_identity SET id = lower(hex(randomblob(16))) WHERE singleton = 1"); });
}

std::string Store::identity() {
  return guarded([&] { return db_->execAndGet("SELECT id FROM database_identity").getString(); });
}

SQLite::Statement& Store::prepared(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it == statements_.end()) {
    try {
      it = statements_.emplace(std::string(sql), std::make_unique<SQLite::Statement>(*db_, std::string(sql))).first;
    } catch (const SQLite::Exception& e) {
      fail(e);
    }
  } else {
    // tryReset, not reset: reset() throws the previous run's error again (a constraint that
    // failed last time), which would fail this new use of the statement for nothing.
    it->second->tryReset();
    it->second->clearBindings();
  }
  return *it->second;
}

void Store::fail(const std::exception& e) const {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) throw sqlite_error(path_, *sqlite);
  throw StoreError(path_, e.what());
}

// Savepoints nest like the calls that open them, so one name serves every level: ROLLBACK TO and
// RELEASE act on the innermost savepoint of that name.
void Store::begin() {
  try {
    if (transaction_depth_ == 0) {
      db_->exec("BEGIN IMMEDIATE");
    } else if (sqlite3_get_autocommit(db_->getHandle()) != 0) {
      // SQLite ended the outer transaction on an error (a full disk, an I/O error) that its
      // caller caught: a savepoint now would write outside it, so nothing more is written.
      throw StoreError(path_, "the transaction this write belongs to was already rolled back");
    } else {
      db_->exec("SAVEPOINT rolepath_nested");
    }
  } catch (const SQLite::Exception& e) {
    fail(e);
  }
  ++transaction_depth_;
}

void Store::commit() {
  try {
    db_->exec(transaction_depth_ == 1 ? "COMMIT" : "RELEASE rolepath_nested");
  } catch (const SQLite::Exception& e) {
    fail(e);
  }
  --transaction_depth_;
}

void Store::rollback() noexcept {
  if (--transaction_depth_ == 0) {
    db_->tryExec("ROLLBACK");
  } else {
    // Undoes this level's work and takes its savepoint off the stack; the outer level goes on.
    db_->tryExec("ROLLBACK TO rolepath_nested");
    db_->tryExec("RELEASE rolepath_nested");
  }
}

}  // namespace rp::store
