// Data safety in the store: files that are not right are refused and left exactly as they were,
// one RolePath per database, and checked backups that restore without losing anything.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include "store/backups.hpp"
#include "store/repositories.hpp"
#include "support/refusal.hpp"
#include "support/temp_folder.hpp"

using namespace rp;
using rp::test::TempFolder;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

// A real database with some answers in it, closed.
std::filesystem::path make_database(const TempFolder& dir, const std::string& name = "rolepath.db") {
  const auto file = dir / name;
  auto s = store::Store::open(file);
  const auto profile = store::Profiles(*s).create("Ada", t0);
  core::Bank bank;
  core::Question q;
  q.id = "q1";
  q.kind = core::QuestionKind::true_false;
  bank.questions.push_back(q);
  const auto item = store::Items(*s).sync(bank, t0).ids.at("q1");
  const auto session = store::Sessions(*s).start(profile.id, core::SessionKind::quiz, t0);
  for (int i = 0; i < 200; ++i)
    store::Answers(*s).record({profile.id, session, item, t0 + i, "0", true, 1000, std::nullopt, 20'000, false});
  return file;
}

}  // namespace

TEST_CASE("a truncated database is refused and left as it was") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto size = std::filesystem::file_size(file);
  std::filesystem::resize_file(file, size / 2);
  test::check_refused_unchanged(file, "damaged");
}

TEST_CASE("a database with a corrupted page is refused and left as it was") {
  TempFolder dir;
  const auto file = make_database(dir);
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    const std::string noise(4096, '\x5a');
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
  }
  test::check_refused_unchanged(file, "damaged");
}

TEST_CASE("a file that is not a database and an empty file are refused unchanged") {
  TempFolder dir;
  test::write_bytes(dir / "notes.db", "Remember to study.\n");
  test::check_refused_unchanged(dir / "notes.db", "not a RolePath database");
  test::write_bytes(dir / "empty.db", "");
  test::check_refused_unchanged(dir / "empty.db", "empty");
}

TEST_CASE("a second RolePath on the same database is told at once which process has it and writes nothing") {
  TempFolder dir;
  const auto file = make_database(dir);
  auto first = store::Store::open(file);
  const auto started = std::chrono::steady_clock::now();
  try {
    store::Store::open(file);
    FAIL("opened twice");
  } catch (const store::StoreError& e) {
    CHECK(std::string(e.what()).find("in use by") != std::string::npos);
    CHECK(std::string(e.what()).find(std::to_string(::getpid())) != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  first.reset();
  CHECK_NOTHROW(store::Store::open(file));  // free again once closed
}

TEST_CASE("a backup is a checked copy and the daily one is made once a day") {
  TempFolder dir;
  const auto file = make_database(dir);
  auto s = store::Store::open(file);
  const auto folder = dir / "backups";
  const core::LocalDay today = core::days_from_civil(2026, 3, 2);
  const auto made = store::daily_backup(*s, folder, today);
  REQUIRE(made);
  CHECK(made->filename() == "rolepath-2026-03-02.db");
  CHECK(std::filesystem::file_size(*made) > 0);
  CHECK_NOTHROW(store::verify_database_file(*made));
  CHECK_FALSE(store::daily_backup(*s, folder, today));  // not twice the same day
  SQLite::Database copy(made->string(), SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("SELECT count(*) FROM answer").getInt() == 200);
}

TEST_CASE("backups are pruned to seven daily and four weekly") {
  TempFolder dir;
  const auto folder = dir / "backups";
  std::filesystem::create_directories(folder);
  const core::LocalDay today = core::days_from_civil(2026, 3, 31);
  for (int back = 0; back < 60; ++back) test::write_bytes(folder / ("rolepath-" + core::format_day(today - back) + ".db"), "x");
  test::write_bytes(folder / "other-2026-03-30.db", "x");  // another database's: untouched
  store::prune_backups(folder, "rolepath");
  const auto kept = store::list_backups(folder, "rolepath");
  REQUIRE(kept.size() == 11);
  for (int i = 0; i < 7; ++i) CHECK(kept[static_cast<std::size_t>(i)].day == today - i);
  std::set<core::LocalDay> weeks;
  for (std::size_t i = 7; i < kept.size(); ++i) weeks.insert(core::monday_of(kept[i].day));
  CHECK(weeks.size() == 4);
  CHECK(std::filesystem::exists(folder / "other-2026-03-30.db"));
}

TEST_CASE("restore keeps the current database aside and puts the backup in place") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto folder = dir / "backups";
  std::filesystem::path backup;
  {
    auto s = store::Store::open(file);
    backup = store::make_backup(*s, folder, core::days_from_civil(2026, 3, 1));
    const auto profile = store::Profiles(*s).find_by_name("Ada");
    store::Profiles(*s).rename(profile->id, "Changed after the backup");
  }
  const std::string current = test::read_bytes(file);
  const auto kept = store::restore_database(file, backup, folder, "20260302-180000");
  CHECK(kept.filename() == "rolepath-before-restore-20260302-180000.db");
  CHECK(std::filesystem::exists(kept));
  auto s = store::Store::open(file);
  CHECK(store::Profiles(*s).find_by_name("Ada").has_value());
  s.reset();
  // The kept copy still holds the change (with its write-ahead log, if it had one).
  SQLite::Database aside(kept.string(), SQLite::OPEN_READONLY);
  CHECK(aside.execAndGet("SELECT name FROM profile").getString() == "Changed after the backup");
}

TEST_CASE("restore refuses a file that is not a good backup and changes nothing") {
  TempFolder dir;
  const auto file = make_database(dir);
  test::write_bytes(dir / "bad.db", "not a backup");
  const std::string before = test::read_bytes(file);
  CHECK_THROWS_AS(store::restore_database(file, dir / "bad.db", dir / "backups", "x"), store::StoreError);
  CHECK(test::read_bytes(file) == before);
  CHECK_FALSE(std::filesystem::exists(dir / "backups"));
}
