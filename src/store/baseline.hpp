#pragma once
// The benchmark's yardstick for answer commits: what bare SQLite takes for one prepared INSERT and
// COMMIT, with RolePath's pragmas, on the same disk. Kept here because all SQL lives in store/.
#include <filesystem>
#include <memory>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace rp::store {

// A fresh file at `path` with one table; commit_ms() times one single-row transaction. The file
// is removed when this goes. Taking one bare commit after each measured answer keeps both on the
// same disk at the same moment.
class BareCommits {
 public:
  explicit BareCommits(std::filesystem::path path);
  ~BareCommits();
  double commit_ms();

 private:
  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> insert_;
  long long row_ = 0;
};

}  // namespace rp::store
