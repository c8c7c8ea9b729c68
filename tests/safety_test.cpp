// Data safety in the store: files that are not right are refused and left exactly as they were,
// one RolePath per database, and checked backups that restore without losing anything.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <set>

#include <sys/stat.h>

#include "store/backups.hpp"
#include "store/repositories.hpp"
#include "support/refusal.hpp"
#include "support/sqlite_files.hpp"
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
    store::Answers(*s).record({profile.id, session, item, t0 + i, "0", true, 1000, std::nullopt, 20'000, false, "", false});
  return file;
}

// A backup of the database at `file` (closed again afterwards), in `root`.
std::filesystem::path backup_of(const std::filesystem::path& file, const std::filesystem::path& root) {
  auto s = store::Store::open(file);
  return store::make_backup(*s, root, core::days_from_civil(2026, 3, 1));
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
  CHECK(made->parent_path() == store::backup_folder_of(folder, s->identity()));
  CHECK(std::filesystem::file_size(*made) > 0);
  CHECK_NOTHROW(store::verify_database_file(*made));
  CHECK_FALSE(store::daily_backup(*s, folder, today));  // not twice the same day
  SQLite::Database copy(made->string(), SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("SELECT count(*) FROM answer").getInt() == 200);
}

TEST_CASE("backups are pruned to seven daily and four weekly and a backup dated in the future is left alone") {
  TempFolder dir;
  const auto folder = dir / "backups";
  std::filesystem::create_directories(folder);
  const core::LocalDay today = core::days_from_civil(2026, 3, 31);
  for (int back = 0; back < 60; ++back) test::write_bytes(folder / ("rolepath-" + core::format_day(today - back) + ".db"), "x");
  // Made while the clock was a year ahead: never "the latest", never pruned, never counted.
  test::write_bytes(folder / "rolepath-2027-03-31.db", "x");
  store::prune_backups(folder, today);
  const auto kept = store::list_backups(folder, today);
  REQUIRE(kept.size() == 11);
  for (int i = 0; i < 7; ++i) CHECK(kept[static_cast<std::size_t>(i)].day == today - i);
  std::set<core::LocalDay> weeks;
  for (std::size_t i = 7; i < kept.size(); ++i) weeks.insert(core::monday_of(kept[i].day));
  CHECK(weeks.size() == 4);
  CHECK(std::filesystem::exists(folder / "rolepath-2027-03-31.db"));
}

TEST_CASE("a backup dated in the future neither counts as the latest nor stops today's backup") {
  TempFolder dir;
  const auto file = make_database(dir);
  auto s = store::Store::open(file);
  const auto root = dir / "backups";
  const core::LocalDay today = core::days_from_civil(2026, 3, 2);
  const auto future = store::daily_backup(*s, root, today + 365);  // the clock was a year ahead
  REQUIRE(future);
  const auto made = store::daily_backup(*s, root, today);  // and is right again
  REQUIRE(made);
  CHECK(made->filename() == "rolepath-2026-03-02.db");
  const auto listed = store::backups_for_database(root, file, today);
  REQUIRE(listed.size() == 1);
  CHECK(listed.front().path == *made);
  CHECK(std::filesystem::exists(*future));
}

TEST_CASE("two databases of the same name keep their own backups and restore refuses the other's") {
  TempFolder dir;
  std::filesystem::create_directories(dir / "a");
  std::filesystem::create_directories(dir / "b");
  const auto a = make_database(dir, "a/rolepath.db");
  const auto b = make_database(dir, "b/rolepath.db");
  const auto root = dir / "backups";
  const core::LocalDay today = core::days_from_civil(2026, 3, 2);
  std::filesystem::path backup_a, backup_b;
  {
    auto sa = store::Store::open(a);
    auto sb = store::Store::open(b);
    CHECK(sa->identity() != sb->identity());
    backup_a = store::make_backup(*sa, root, today);
    backup_b = store::make_backup(*sb, root, today);
  }
  CHECK(backup_a != backup_b);
  CHECK(std::filesystem::exists(backup_a));
  CHECK(std::filesystem::exists(backup_b));
  REQUIRE(store::backups_for_database(root, a, today).size() == 1);
  CHECK(store::backups_for_database(root, a, today).front().path == backup_a);
  CHECK(store::backups_for_database(root, b, today).front().path == backup_b);

  const std::string before = test::read_bytes(b);
  try {
    store::restore_database(b, backup_a, {"20260302-180000", false});
    FAIL("restored another database's backup");
  } catch (const store::StoreError& e) {
    CHECK(e.kind() == store::ErrorKind::wrong_backup);
    CHECK(std::string(e.what()).find("--force") != std::string::npos);
  }
  CHECK(test::read_bytes(b) == before);
  CHECK_NOTHROW(store::restore_database(b, backup_a, {"20260302-180000", true}));
}

TEST_CASE("a copy made with cp gets an identity and daily backups of its own while a moved database keeps its own") {
  TempFolder dir;
  const auto original = make_database(dir, "original.db");
  const auto root = dir / "backups";
  const core::LocalDay today = core::days_from_civil(2026, 3, 2);
  std::string identity;
  {
    auto s = store::Store::open(original);
    identity = s->identity();
    CHECK_FALSE(store::separate_copy(*s, root));  // nothing backed up yet: nothing to tell apart
    REQUIRE(store::daily_backup(*s, root, today));
  }
  std::filesystem::copy_file(original, dir / "copy.db");
  {
    auto copy = store::Store::open(dir / "copy.db");
    CHECK(copy->identity() == identity);  // as cp left it
    CHECK(store::separate_copy(*copy, root));
    CHECK(copy->identity() != identity);
    CHECK(copy->identity().size() == 32);
    // Its own backup today, in a folder of its own, though the original has one today already.
    const auto made = store::daily_backup(*copy, root, today);
    REQUIRE(made);
    CHECK(made->parent_path() == store::backup_folder_of(root, copy->identity()));
    CHECK(store::has_backup_today(root, dir / "copy.db", today));
    CHECK_FALSE(store::separate_copy(*copy, root));  // settled: its folder names its own path
  }
  {
    auto s = store::Store::open(original);
    CHECK(s->identity() == identity);  // the original is untouched
    CHECK_FALSE(store::separate_copy(*s, root));
  }
  // A moved database is the same database: it keeps its identity and its backups.
  std::filesystem::rename(original, dir / "moved.db");
  {
    auto moved = store::Store::open(dir / "moved.db");
    CHECK_FALSE(store::separate_copy(*moved, root));
    CHECK(moved->identity() == identity);
    CHECK(store::backups_for_database(root, dir / "moved.db", today).size() == 1);
  }
  // The same file under another name (a symbolic link) is not a copy either.
  std::filesystem::rename(dir / "moved.db", original);
  std::filesystem::create_symlink(original, dir / "link.db");
  {
    auto linked = store::Store::open(dir / "link.db");
    CHECK_FALSE(store::separate_copy(*linked, root));
    CHECK(linked->identity() == identity);
  }
}

TEST_CASE("restore refuses an SQLite file that is not a RolePath database even with force") {
  TempFolder dir;
  const auto file = make_database(dir);
  {
    SQLite::Database other((dir / "places.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('x')");
  }
  const std::string before = test::read_bytes(file);
  for (const bool force : {false, true}) {
    CAPTURE(force);
    try {
      store::restore_database(file, dir / "places.sqlite", {"x", force});
      FAIL("restored a foreign file");
    } catch (const store::StoreError& e) {
      CHECK(e.kind() == store::ErrorKind::not_database);
    }
  }
  CHECK(test::read_bytes(file) == before);
}

TEST_CASE("restore moves the current database aside and puts the backup in place") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto root = dir / "backups";
  std::filesystem::path backup;
  {
    auto s = store::Store::open(file);
    backup = store::make_backup(*s, root, core::days_from_civil(2026, 3, 1));
    const auto profile = store::Profiles(*s).find_by_name("Ada");
    store::Profiles(*s).rename(profile->id, "Changed after the backup");
  }
  const std::string current = test::read_bytes(file);
  const auto kept = store::restore_database(file, backup, {"20260302-180000", false});
  CHECK(kept == dir / "rolepath-before-restore-20260302-180000.db");
  CHECK(test::read_bytes(kept) == current);
  auto s = store::Store::open(file);
  CHECK(store::Profiles(*s).find_by_name("Ada").has_value());
  s.reset();
  SQLite::Database aside(kept.string(), SQLite::OPEN_READONLY);
  CHECK(aside.execAndGet("SELECT name FROM profile").getString() == "Changed after the backup");
}

TEST_CASE("two restores with the same time keep both replaced databases under different names") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto backup = backup_of(file, dir / "backups");
  const auto first = store::restore_database(file, backup, {"20260302-180000", false});
  const auto second = store::restore_database(file, backup, {"20260302-180000", false});
  CHECK(first != second);
  CHECK(std::filesystem::exists(first));
  CHECK(std::filesystem::exists(second));
  CHECK(second.filename() == "rolepath-before-restore-20260302-180000-2.db");
}

TEST_CASE("restore refuses a file that is not a good backup and changes nothing") {
  TempFolder dir;
  const auto file = make_database(dir);
  test::write_bytes(dir / "bad.db", "not a backup");
  const std::string before = test::read_bytes(file);
  CHECK_THROWS_AS(store::restore_database(file, dir / "bad.db", {"x", true}), store::StoreError);
  CHECK(test::read_bytes(file) == before);
  CHECK_FALSE(std::filesystem::exists(dir / "rolepath.db.restoring"));
}

TEST_CASE("a database whose checkpoint was cut short opens with every answer its -wal holds") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto crashed = test::crash_snapshot(file, dir / "crashed");
  test::cut_checkpoint_short(crashed);
  // The main file alone reads as damaged: the case that used to be refused.
  CHECK_FALSE(test::main_file_alone_is_intact(crashed));
  const std::string main_before = test::read_bytes(crashed);
  const std::string wal_before = test::read_bytes(crashed.string() + "-wal");
  CHECK_NOTHROW(store::verify_database_file(crashed));
  CHECK(test::read_bytes(crashed) == main_before);
  CHECK(test::read_bytes(crashed.string() + "-wal") == wal_before);
  CHECK_FALSE(std::filesystem::exists(crashed.string() + "-shm"));
  auto s = store::Store::open(crashed);
  CHECK(store::Answers(*s).count(store::Profiles(*s).find_by_name("Ada")->id) == 500);
}

TEST_CASE("restore keeps a database's -wal with it and never deletes it") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto backup = backup_of(file, dir / "backups");
  // 300 more answers that live only in the -wal, and a checkpoint cut short.
  const auto crashed = test::crash_snapshot(file, dir / "crashed");
  test::cut_checkpoint_short(crashed);
  const std::string wal = test::read_bytes(crashed.string() + "-wal");
  REQUIRE_FALSE(wal.empty());
  const auto kept = store::restore_database(crashed, backup, {"20260302-180000", true});
  CHECK(test::read_bytes(kept.string() + "-wal") == wal);
  CHECK_FALSE(std::filesystem::exists(crashed.string() + "-wal"));
  SQLite::Database aside(kept.string(), SQLite::OPEN_READONLY);
  CHECK(aside.execAndGet("SELECT count(*) FROM answer").getInt() == 500);
}

TEST_CASE("every name of one database meets the same lock") {
  TempFolder dir;
  const auto file = make_database(dir);
  std::filesystem::create_symlink(file, dir / "link.db");
  std::filesystem::create_directories(dir / "sub");
  std::filesystem::create_hard_link(file, dir / "hard.db");
  auto first = store::Store::open(file);
  for (const auto& other : {dir / "link.db", dir / "sub/../rolepath.db", dir / "hard.db"}) {
    CAPTURE(other);
    try {
      store::Store::open(other);
      FAIL("opened twice");
    } catch (const store::StoreError& e) {
      CHECK(e.kind() == store::ErrorKind::in_use);
    }
  }
}

TEST_CASE("a FIFO as the database or as the backup to restore is refused at once") {
  TempFolder dir;
  const auto file = make_database(dir);
  REQUIRE(::mkfifo((dir / "pipe.db").c_str(), 0600) == 0);
  try {
    store::Store::open(dir / "pipe.db");
    FAIL("opened a FIFO");
  } catch (const store::StoreError& e) {
    CHECK(e.kind() == store::ErrorKind::not_regular);
    CHECK(std::string(e.what()).find("FIFO") != std::string::npos);
  }
  CHECK_THROWS_AS(store::restore_database(file, dir / "pipe.db", {"x", true}), store::StoreError);
}

TEST_CASE("missing folders on the way to a new database are made for the owner only") {
  TempFolder dir;
  const auto file = dir / "one/two/rolepath.db";
  store::Store::open(file);
  for (const auto& folder : {dir / "one", dir / "one/two"}) {
    CAPTURE(folder);
    CHECK((std::filesystem::status(folder).permissions() & std::filesystem::perms::all) == std::filesystem::perms::owner_all);
  }
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

TEST_CASE("a -wal left without its database is kept aside and never replayed into a new one") {
  TempFolder dir;
  const auto file = make_database(dir);
  const auto crashed = test::crash_snapshot(file, dir / "crashed");
  const std::string wal = test::read_bytes(crashed.string() + "-wal");
  std::filesystem::remove(crashed);  // the database went; its -wal stayed
  auto s = store::Store::open(crashed);
  CHECK(s->notice().find("kept as") != std::string::npos);
  CHECK(store::Profiles(*s).list().empty());  // a new, empty database
  CHECK(test::read_bytes(dir / "crashed/rolepath-orphaned.db-wal") == wal);
}
