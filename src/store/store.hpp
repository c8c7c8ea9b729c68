#pragma once
// The one connection to a RolePath database, with its migrations and prepared statements.
// All SQL in RolePath lives in store/.
#include <cstdint>
#include <optional>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/data_problem.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace rp::store {

// A database problem, phrased for the learner, with its kind (core/data_problem.hpp).
using ErrorKind = core::DataProblem;
using StoreError = core::DataError;

// The number in the header of every RolePath database (PRAGMA application_id): "RPth".
inline constexpr std::int32_t application_id = 0x52507468;

// The schema versions built into this binary (db/NNNN_name.sql).
int latest_schema_version();

// How hard to look at a database before opening it. `thorough` reads every page (SQLite's
// quick_check), so its cost grows with the history; `light` reads the header and the schema only.
enum class Check { light, thorough };

// Checks that `path` holds a RolePath database this version can open, intact, as SQLite would
// read it (its -wal included), without changing the file or leaving any file beside it. Throws a
// StoreError saying what is wrong.
void verify_database_file(const std::filesystem::path& path, Check check = Check::thorough);

// What is known about a database file without changing it.
struct FileFacts {
  bool rolepath = false;  // RolePath's application_id, or the tables of a RolePath from before it
  std::string identity;   // the id made when the database was created; empty before schema 4
};
// Reads `path` (with its -wal) the way verify_database_file does; nothing is changed. Throws a
// StoreError for a file SQLite cannot read.
FileFacts read_file_facts(const std::filesystem::path& path);

// Holds `<database>.lock` so a second RolePath on the same database is told, at once, that it is
// in use and by which process.
class DatabaseLock {
 public:
  explicit DatabaseLock(const std::filesystem::path& database);
  ~DatabaseLock();
  // Removes the lock file again if this lock made it: for a file that was refused, so nothing is
  // left beside it.
  void discard();
  // Also holds the database file itself, once it exists, so a hard link (another name for the
  // same file, with its own lock file) meets this lock too.
  void hold_file();
  DatabaseLock(const DatabaseLock&) = delete;
  DatabaseLock& operator=(const DatabaseLock&) = delete;

 private:
  std::string database_;
  std::string path_;
  int fd_ = -1;
  int file_fd_ = -1;
  bool created_ = false;
};

class Store {
 public:
  // Opens (or creates, mode 0600, with its folder) the database at `path` and brings its schema
  // up to date. A database from a newer RolePath, or a file that is not a database, is refused
  // with a StoreError and left as it was.
  static std::unique_ptr<Store> open(const std::filesystem::path& path, Check check = Check::thorough);
  // A private in-memory database with the full schema; for tests and benchmarks.
  static std::unique_ptr<Store> open_in_memory();

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version();
  // The id made when this database was created; its backups carry it too.
  std::string identity();
  // Gives this database a new random identity: for a copy made with `cp`, which is another
  // database from then on and must get backups of its own.
  void renew_identity();
  // What the open noticed and settled on its own (an interrupted restore finished), for the
  // learner to read once; empty when there was nothing.
  const std::string& notice() const { return notice_; }

  // For repositories: the statement for `sql`, prepared on first use and reset for reuse.
  SQLite::Statement& prepared(std::string_view sql);
  SQLite::Database& connection() { return *db_; }

  // Runs `fn` in one transaction: committed when it returns, rolled back if it throws. Called
  // inside another in_transaction, `fn` runs in a savepoint of the outer transaction instead: if
  // it throws, only its own work is undone and the outer one can go on; if it returns, its work
  // stays and is committed (or rolled back) with the outer transaction.
  template <typename Fn>
  auto in_transaction(Fn&& fn) -> decltype(fn());

  // Runs `fn`, turning any low-level failure into a StoreError that names this database.
  template <typename Fn>
  auto guarded(Fn&& fn) -> decltype(fn());

  // Wraps a low-level failure into a StoreError that names this database.
  [[noreturn]] void fail(const std::exception& e) const;

 private:
  Store(std::unique_ptr<SQLite::Database> db, std::string path);
  // One level of in_transaction: the outermost is BEGIN IMMEDIATE .. COMMIT or ROLLBACK, each
  // level inside it a SAVEPOINT released or rolled back to. begin() counts the level it opened
  // in transaction_depth_; commit() and rollback() close it.
  void begin();
  void commit();
  void rollback() noexcept;

  std::unique_ptr<DatabaseLock> lock_;  // declared first, so it is released after the connection closes
  std::unique_ptr<SQLite::Database> db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  int transaction_depth_ = 0;
  std::string notice_;
};

template <typename Fn>
auto Store::guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const StoreError&) {
    throw;
  } catch (const std::exception& e) {
    fail(e);
  }
}

template <typename Fn>
auto Store::in_transaction(Fn&& fn) -> decltype(fn()) {
  begin();
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      guarded(fn);
      commit();
    } else {
      auto result = guarded(fn);
      commit();
      return result;
    }
  } catch (...) {
    rollback();
    throw;
  }
}

}  // namespace rp::store
