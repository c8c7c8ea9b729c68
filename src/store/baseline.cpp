#include "store/baseline.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

namespace rp::store {

namespace {
void remove_files(const std::filesystem::path& path) {
  std::error_code ec;
  for (const char* side : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + side, ec);
}
}  // namespace

BareCommits::BareCommits(std::filesystem::path path) : path_(std::move(path)) {
  remove_files(path_);
  db_ = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = FULL");
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("CREATE TABLE answer (id INTEGER PRIMARY KEY, profile_id INTEGER, item_id INTEGER, answered_ms INTEGER, "
            "chosen TEXT, correct INTEGER, latency_ms INTEGER)");
  insert_ = std::make_unique<SQLite::Statement>(
      *db_, "INSERT INTO answer (profile_id, item_id, answered_ms, chosen, correct, latency_ms) VALUES (1, ?, ?, '0', 1, 5000)");
}

BareCommits::~BareCommits() {
  insert_.reset();
  db_.reset();
  remove_files(path_);
}

double BareCommits::commit_ms() {
  const auto started = std::chrono::steady_clock::now();
  db_->exec("BEGIN IMMEDIATE");
  insert_->reset();
  insert_->bind(1, static_cast<int>(row_ % 172));
  insert_->bind(2, static_cast<std::int64_t>(row_++));
  insert_->exec();
  db_->exec("COMMIT");
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace rp::store
