#include "store/baseline.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

namespace rp::store {

std::vector<double> bare_commit_latencies_ms(const std::filesystem::path& path, int rows) {
  std::error_code ec;
  for (const char* side : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + side, ec);
  std::vector<double> latencies;
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("CREATE TABLE answer (id INTEGER PRIMARY KEY, profile_id INTEGER, item_id INTEGER, answered_ms INTEGER, "
            "chosen TEXT, correct INTEGER, latency_ms INTEGER)");
    SQLite::Statement insert(db, "INSERT INTO answer (profile_id, item_id, answered_ms, chosen, correct, latency_ms) "
                                 "VALUES (1, ?, ?, '0', 1, 5000)");
    for (int i = 0; i < rows; ++i) {
      const auto started = std::chrono::steady_clock::now();
      db.exec("BEGIN IMMEDIATE");
      insert.reset();
      insert.bind(1, i % 172);
      insert.bind(2, static_cast<std::int64_t>(i));
      insert.exec();
      db.exec("COMMIT");
      latencies.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    }
  }
  for (const char* side : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + side, ec);
  return latencies;
}

}  // namespace rp::store
