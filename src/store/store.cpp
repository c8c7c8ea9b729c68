#include "store/store.hpp"

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

std::string describe_sqlite_error(const SQLite::Exception& e) {
  // The primary result code is the low byte; the rest is the extended detail.
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_NOTADB: return "this file is not a RolePath database (SQLite cannot read it as a database)";
    case SQLITE_CORRUPT: return "the database file is damaged (SQLite reports corruption)";
    case SQLITE_CANTOPEN: return "the database file cannot be opened (check that the folder exists and is writable)";
    case SQLITE_READONLY: return "the database file or its folder is read-only";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "the database is in use by another program";
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_IOERR: return fmt::format("an input/output error occurred ({})", e.what());
    default: return e.what();
  }
}

// Creates a missing parent folder with owner-only permissions.
void ensure_parent_folder(const std::filesystem::path& path) {
  const auto parent = path.parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  if (std::filesystem::exists(parent, ec)) return;
  std::filesystem::create_directories(parent, ec);
  if (ec) throw StoreError(path.string(), fmt::format("cannot create the folder {}: {}", parent.string(), ec.message()));
  std::filesystem::permissions(parent, std::filesystem::perms::owner_all, ec);
}

// A new database is built in a temporary file beside the target and renamed into place, so a
// crash during creation never leaves a half-made database at the real path.
void create_database(const std::filesystem::path& path) {
  const std::string temp = path.string() + ".creating";
  ::unlink(temp.c_str());
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) throw StoreError(path.string(), fmt::format("cannot create the database: {}", std::strerror(errno)));
  ::close(fd);
  try {
    SQLite::Database db(temp, SQLite::OPEN_READWRITE, busy_timeout_ms);
    apply_pragmas(db, true);
    migrate(db);
  } catch (const SQLite::Exception& e) {
    ::unlink(temp.c_str());
    throw StoreError(path.string(), describe_sqlite_error(e));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw StoreError(path.string(), fmt::format("cannot create the database: {}", std::strerror(err)));
  }
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
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw StoreError(path.string(), fmt::format("cannot read the file: {}", std::strerror(errno)));
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

}  // namespace

void verify_database_file(const std::filesystem::path& path, Check check) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw StoreError(name, "this path is a folder, not a database file");
  if (!std::filesystem::exists(path, ec)) throw StoreError(name, "there is no file at this path");
  const Header header = read_header(path);
  if (header.size == 0) throw StoreError(name, "this file is empty (0 bytes), not a RolePath database");
  if (!header.is_sqlite) throw StoreError(name, "this file is not a RolePath database (it is not an SQLite file)");
  if (header.user_version > latest_schema_version()) {
    throw StoreError(name, fmt::format("this database was written by a newer RolePath (schema version {}; this "
                                       "version knows up to {}). It was left unchanged.",
                                       header.user_version, latest_schema_version()));
  }
  // Checked read-only and "immutable": SQLite takes no lock and makes no -wal or -shm file, so
  // a file that fails the check is left exactly as it was.
  try {
    SQLite::Database db("file:" + name + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    if (check == Check::light) {
      db.execAndGet("SELECT count(*) FROM sqlite_master");  // the header and the schema must read
      return;
    }
    const std::string result = db.execAndGet("PRAGMA quick_check").getString();
    if (result != "ok") {
      const std::string& check_text = result;
      // SQLite lists every problem; the learner needs to know it is damaged, and where it starts.
      std::vector<std::string> problems;
      std::size_t start = 0;
      while (start <= check_text.size()) {
        const auto end = std::min(check_text.find('\n', start), check_text.size());
        const std::string line = check_text.substr(start, end - start);
        if (!line.empty() && line.rfind("***", 0) != 0) problems.push_back(line);
        start = end + 1;
      }
      throw StoreError(name, fmt::format("the database file is damaged: SQLite's check found {} problem{}, the first: {}",
                                         problems.size(), problems.size() == 1 ? "" : "s",
                                         problems.empty() ? check_text : problems.front()));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(name, describe_sqlite_error(e));
  }
}

DatabaseLock::DatabaseLock(const std::filesystem::path& database) : path_(database.string() + ".lock") {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  created_ = fd_ >= 0;
  if (fd_ < 0 && errno == EEXIST) fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
  if (fd_ < 0) {
    const int err = errno;
    if (err == EACCES || err == EROFS || err == EPERM)
      throw StoreError(database.string(), "the folder holding the database is read-only, so RolePath cannot keep "
                                          "your answers there");
    throw StoreError(database.string(), fmt::format("cannot open its lock file {}: {}", path_, std::strerror(err)));
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
    throw StoreError(database.string(), fmt::format("this database is in use by {}. Close it there first; nothing "
                                                    "was written here.", holder));
  }
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without the note of who holds it; a second instance just says less.
  }
}

void DatabaseLock::discard() {
  if (created_ && fd_ >= 0) ::unlink(path_.c_str());
}

DatabaseLock::~DatabaseLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock; the file stays for the next start
}

StoreError::StoreError(std::string path, std::string problem)
    : std::runtime_error(fmt::format("{}: {}", path, problem)), path_(std::move(path)), problem_(std::move(problem)) {}

int latest_schema_version() { return migrations().empty() ? 0 : migrations().back().version; }

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

Store::~Store() {
  statements_.clear();  // statements must be finalized before the connection closes
}

std::unique_ptr<Store> Store::open(const std::filesystem::path& path, Check check) {
  const std::string name = path.string();
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) throw StoreError(name, "this path is a folder, not a database file");
  if (!std::filesystem::exists(status)) ensure_parent_folder(path);
  // One RolePath per database: the lock comes before anything is read or written.
  auto lock = std::make_unique<DatabaseLock>(path);
  if (!std::filesystem::exists(path, ec)) {
    create_database(path);
  } else {
    try {
      verify_database_file(path, check);  // throws, touching nothing, for a file that is not right
    } catch (...) {
      lock->discard();
      throw;
    }
  }
  try {
    auto db = std::make_unique<SQLite::Database>(name, SQLite::OPEN_READWRITE, busy_timeout_ms);
    apply_pragmas(*db, true);
    migrate(*db);
    auto store = std::unique_ptr<Store>(new Store(std::move(db), name));
    store->lock_ = std::move(lock);
    return store;
  } catch (const SQLite::Exception& e) {
    throw StoreError(name, describe_sqlite_error(e));
  }
}

std::unique_ptr<Store> Store::open_in_memory() {
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_pragmas(*db, false);
  migrate(*db);
  return std::unique_ptr<Store>(new Store(std::move(db), ":memory:"));
}

int Store::schema_version() { return read_user_version(*db_); }

SQLite::Statement& Store::prepared(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it == statements_.end()) {
    try {
      it = statements_.emplace(std::string(sql), std::make_unique<SQLite::Statement>(*db_, std::string(sql))).first;
    } catch (const SQLite::Exception& e) {
      fail(e);
    }
  } else {
    it->second->reset();
    it->second->clearBindings();
  }
  return *it->second;
}

void Store::fail(const std::exception& e) const {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) throw StoreError(path_, describe_sqlite_error(*sqlite));
  throw StoreError(path_, e.what());
}

void Store::begin() {
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    fail(e);
  }
}

void Store::commit() {
  try {
    db_->exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    fail(e);
  }
}

void Store::rollback() noexcept { db_->tryExec("ROLLBACK"); }

}  // namespace rp::store
