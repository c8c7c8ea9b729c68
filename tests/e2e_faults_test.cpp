// The real binary against the faults a learner's machine really meets: a -wal that holds the
// answers after a checkpoint was cut short, a full disk during a restore, a restore killed at every
// step, links and FIFOs where files belong, exports aimed at the database, and backups of two
// databases with one name.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "support/holder.hpp"
#include "support/process.hpp"
#include "support/sqlite_files.hpp"
#include "support/temp_folder.hpp"

using rp::test::run;
using rp::test::shell_quote;
using rp::test::TempFolder;

namespace {
const std::string binary = ROLEPATH_BINARY;

// rolepath with its data and config inside `home`, never the real ones; `env` adds variables.
rp::test::ProcessResult rolepath(const TempFolder& home, const std::string& args, const std::string& input = "",
                                 const std::string& env = "") {
  return run("env XDG_DATA_HOME=" + shell_quote((home / "data").string()) +
                 " XDG_CONFIG_HOME=" + shell_quote((home / "config").string()) + " " + env + " " + shell_quote(binary) +
                 " " + args,
             input);
}

std::string db_option(const std::filesystem::path& db) { return "--db " + shell_quote(db.string()) + " "; }

long long answers_in(const std::filesystem::path& db) {
  SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
  return file.execAndGet("SELECT count(*) FROM answer").getInt64();
}

// A database at `db` with three quiz answers, and its backup (taken then); returns the backup.
std::filesystem::path database_with_backup(const TempFolder& home, const std::filesystem::path& db) {
  REQUIRE(rolepath(home, db_option(db) + "quiz --terminal --count 3", "1\n1\n1\n").exit_code == 0);
  const auto made = rolepath(home, db_option(db) + "backup");
  REQUIRE(made.exit_code == 0);
  const auto at = made.out.find(" to ");
  return made.out.substr(at + 4, made.out.find('\n') - at - 4);
}

std::vector<std::filesystem::path> kept_aside(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto name = entry.path().filename().string();
    if (name.find("-before-restore-") != std::string::npos && name.size() > 3 && name.substr(name.size() - 3) == ".db")
      found.push_back(entry.path());
  }
  return found;
}

}  // namespace

TEST_CASE("answers in the -wal after a checkpoint cut short are kept - the start neither refuses nor loses them") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  database_with_backup(home, db);
  const auto crashed = rp::test::crash_snapshot(db, home / "crashed");  // 300 more answers, only in the -wal
  rp::test::cut_checkpoint_short(crashed);
  REQUIRE_FALSE(rp::test::main_file_alone_is_intact(crashed));  // what the old check refused as "damaged"
  const auto r = rolepath(home, db_option(crashed) + "report --json");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(answers_in(crashed) == 303);
}

TEST_CASE("restore on a full disk fails cleanly and leaves the database and its -wal as they were") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  const auto backup = database_with_backup(home, db);
  rp::test::SmallDisk disk(home / "small", "size=4m");
  const auto crashed = rp::test::crash_snapshot(db, disk.folder);
  std::string limit;
  if (disk.mounted) {
    MESSAGE("disk full: a 4 MiB tmpfs, filled");
    // Fill what is left of the small disk, so the copy of the backup cannot be written.
    run("dd if=/dev/zero of=" + shell_quote((disk.folder / "filler").string()) + " bs=4k 2>/dev/null");
  } else {
    MESSAGE("disk full: not root, so a file-size limit smaller than the backup stands in");
    limit = "ulimit -f " + std::to_string(std::filesystem::file_size(backup) / 1024 / 2) + "; ";
  }
  const std::string main_before = rp::test::read_bytes(crashed);
  const std::string wal_before = rp::test::read_bytes(crashed.string() + "-wal");
  const auto r = run("bash -c " + shell_quote(limit + "exec env XDG_DATA_HOME=" + shell_quote((home / "data").string()) +
                                              " XDG_CONFIG_HOME=" + shell_quote((home / "config").string()) + " " +
                                              shell_quote(binary) + " " + db_option(crashed) + "restore " +
                                              shell_quote(backup.string())));
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("nothing was changed") != std::string::npos);
  CHECK(r.err.find("rolepath restore") == std::string::npos);  // a restore is not the fix for a full disk
  CHECK(rp::test::read_bytes(crashed) == main_before);
  CHECK(rp::test::read_bytes(crashed.string() + "-wal") == wal_before);
  CHECK_FALSE(std::filesystem::exists(crashed.string() + ".restoring"));
  CHECK(kept_aside(disk.folder).empty());
  std::filesystem::remove(disk.folder / "filler");
  CHECK(rolepath(home, db_option(crashed) + "report").exit_code == 0);
  CHECK(answers_in(crashed) == 303);
}

TEST_CASE("a restore killed at any step leaves the old or the new database whole and the next start settles it") {
  for (const std::string step : {"restore:copied", "restore:planned", "restore:moved-database", "restore:moved-companion",
                                 "restore:in-place"}) {
    CAPTURE(step);
    TempFolder home;
    const auto db = home / "data/rolepath/rolepath.db";
    const auto backup = database_with_backup(home, db);
    const auto crashed = rp::test::crash_snapshot(db, home / "crashed");  // 303 answers, 300 of them in the -wal
    const auto killed = rolepath(home, db_option(crashed) + "restore " + shell_quote(backup.string()), "",
                                 "ROLEPATH_TEST_FAILPOINT=" + step);
    REQUIRE(killed.exit_code == 128 + 9);
    const auto next = rolepath(home, db_option(crashed) + "report");
    INFO(next.err);
    REQUIRE(next.exit_code == 0);
    CHECK(next.err.find("A restore was interrupted") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(crashed.string() + ".restoring"));
    CHECK_FALSE(std::filesystem::exists(crashed.string() + ".restore-plan"));
    const auto kept = kept_aside(home / "crashed");
    if (step == "restore:copied") {
      CHECK(answers_in(crashed) == 303);  // it had not begun: the database is as it was
      CHECK(kept.empty());
    } else {
      CHECK(answers_in(crashed) == 3);  // finished: the backup is in place
      REQUIRE(kept.size() == 1);
      CHECK(answers_in(kept.front()) == 303);  // and the replaced one is whole, its -wal with it
    }
  }
}

TEST_CASE("an interrupted backup leaves nothing anyone else can read") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  database_with_backup(home, db);
  REQUIRE(rolepath(home, "backup", "", "ROLEPATH_TEST_FAILPOINT=backup:copied").exit_code == 128 + 9);
  int partials = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(home / "data/rolepath/backups")) {
    if (entry.path().extension() != ".partial") continue;
    ++partials;
    CHECK((entry.status().permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  }
  CHECK(partials == 1);
  CHECK(rolepath(home, "backup").exit_code == 0);
}

TEST_CASE("backups of two databases with one name never replace each other and restore takes only its own") {
  TempFolder home;
  const auto a = home / "a/rolepath.db", b = home / "b/rolepath.db";
  const auto backup_a = database_with_backup(home, a);
  const auto backup_b = database_with_backup(home, b);
  CHECK(backup_a != backup_b);
  CHECK(std::filesystem::exists(backup_a));
  CHECK(std::filesystem::exists(backup_b));
  const std::string before = rp::test::read_bytes(b);
  const auto refused = rolepath(home, db_option(b) + "restore " + shell_quote(backup_a.string()));
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("another RolePath database") != std::string::npos);
  CHECK(rp::test::read_bytes(b) == before);
  CHECK(rolepath(home, db_option(b) + "restore --force " + shell_quote(backup_a.string())).exit_code == 0);
  // A browser's SQLite file is no RolePath backup, forced or not.
  {
    SQLite::Database places((home / "places.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    places.exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)");
  }
  const auto foreign = rolepath(home, db_option(b) + "restore --force " + shell_quote((home / "places.sqlite").string()));
  CHECK(foreign.exit_code == 1);
  CHECK(foreign.err.find("not a RolePath database") != std::string::npos);
}

TEST_CASE("a damaged database is offered its own latest backup - never one dated in the future") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  REQUIRE(rolepath(home, "report", "", "ROLEPATH_NOW=2027-06-01T12:00:00").exit_code == 0);  // clock a year ahead
  REQUIRE(rolepath(home, "report", "", "ROLEPATH_NOW=2026-06-01T12:00:00").exit_code == 0);  // and right again
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 2);
    const std::string noise(4096 * 3, '\x5a');
    f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
  }
  // The next day's first start reads every page.
  const auto r = rolepath(home, "report", "", "ROLEPATH_NOW=2026-06-02T09:00:00");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("damaged") != std::string::npos);
  CHECK(r.err.find("rolepath-2026-06-01.db") != std::string::npos);
  CHECK(r.err.find("2027") == std::string::npos);
}

TEST_CASE("a link and the file it names share one lock and restore replaces the file, not the link") {
  TempFolder home;
  const auto real = home / "real.db";
  const auto backup = database_with_backup(home, real);
  std::filesystem::create_symlink(real, home / "link.db");
  std::filesystem::create_hard_link(real, home / "hard.db");
  {
    rp::test::Holder first(binary, home, real);
    for (const auto& other : {home / "link.db", home / "hard.db"}) {
      CAPTURE(other);
      const auto second = rolepath(home, db_option(other) + "report");
      CHECK(second.exit_code == 1);
      CHECK(second.err.find("in use by") != std::string::npos);
    }
  }
  std::filesystem::remove(home / "hard.db");

  REQUIRE(rolepath(home, db_option(home / "link.db") + "quiz --terminal --count 2", "1\n1\n").exit_code == 0);
  CHECK(answers_in(real) == 5);
  const auto restored = rolepath(home, db_option(home / "link.db") + "restore " + shell_quote(backup.string()));
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK(std::filesystem::is_symlink(home / "link.db"));
  CHECK(answers_in(real) == 3);
}

TEST_CASE("a FIFO as the database or as the backup is refused at once") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  database_with_backup(home, db);
  REQUIRE(::mkfifo((home / "pipe").c_str(), 0600) == 0);
  const auto as_db = run("timeout 20 env XDG_DATA_HOME=" + shell_quote((home / "data").string()) + " XDG_CONFIG_HOME=" +
                         shell_quote((home / "config").string()) + " " + shell_quote(binary) + " " +
                         db_option(home / "pipe") + "report");
  CHECK(as_db.exit_code == 1);
  CHECK(as_db.err.find("FIFO") != std::string::npos);
  const auto as_backup = run("timeout 20 env XDG_DATA_HOME=" + shell_quote((home / "data").string()) +
                             " XDG_CONFIG_HOME=" + shell_quote((home / "config").string()) + " " + shell_quote(binary) +
                             " restore " + shell_quote((home / "pipe").string()));
  CHECK(as_backup.exit_code == 1);
  CHECK(as_backup.err.find("FIFO") != std::string::npos);
}

TEST_CASE("export refuses the database and its companions and backups and devices and keeps them as they were") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  const auto backup = database_with_backup(home, db);
  std::filesystem::create_hard_link(db, home / "hard-link.db");
  REQUIRE(::mkfifo((home / "pipe").c_str(), 0600) == 0);
  std::filesystem::create_directories(home / "folder");
  std::vector<std::filesystem::path> refused = {db, db.string() + "-wal", db.string() + ".lock", backup,
                                                home / "hard-link.db", home / "pipe", home / "folder"};
  if (::geteuid() == 0 && ::mknod((home / "null-device").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0)
    refused.push_back(home / "null-device");
  else
    MESSAGE("not root: the device-node case is left out");
  // The database, its lock and the hard link are written by the app as it opens; the others not.
  const std::vector<std::filesystem::path> touched_on_open = {db, db.string() + ".lock", home / "hard-link.db"};
  for (const auto& target : refused) {
    CAPTURE(target);
    const bool was_regular = std::filesystem::is_regular_file(target);
    const bool compare = was_regular && std::find(touched_on_open.begin(), touched_on_open.end(), target) == touched_on_open.end();
    const std::string before = compare ? rp::test::read_bytes(target) : std::string();
    const auto r = run("timeout 20 env XDG_DATA_HOME=" + shell_quote((home / "data").string()) + " XDG_CONFIG_HOME=" +
                       shell_quote((home / "config").string()) + " " + shell_quote(binary) + " export --csv " +
                       shell_quote(target.string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(target.string()) != std::string::npos);
    CHECK(std::filesystem::is_regular_file(target) == was_regular);
    if (compare) CHECK(rp::test::read_bytes(target) == before);
    if (was_regular) CHECK(rp::test::read_bytes(target).rfind("time,profile", 0) == std::string::npos);
  }
  CHECK(std::filesystem::is_fifo(home / "pipe"));
  CHECK(answers_in(db) == 3);
}

TEST_CASE("exported cells a spreadsheet would run as formulas are written as text") {
  TempFolder home;
  for (const std::string name : {"=1+2", "+1", "-1", "@SUM(A1)"}) {
    CAPTURE(name);
    REQUIRE(rolepath(home, "--profile " + shell_quote(name) + " quiz --terminal --count 1", "1\n").exit_code == 0);
    const auto csv = home / "answers.csv";
    REQUIRE(rolepath(home, "--profile " + shell_quote(name) + " export --csv " + shell_quote(csv.string())).exit_code == 0);
    const std::string text = rp::test::read_bytes(csv);
    const auto row = text.substr(text.find("\r\n") + 2);
    const auto cell = row.substr(row.find(',') + 1);
    CHECK(cell[0] != name[0]);
    CHECK(cell.find(name) != std::string::npos);
    CHECK((cell[0] == '\'' || cell.substr(0, 2) == "\"'"));
  }
}

TEST_CASE("a second instance is told the database is in use and is not told to restore") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  database_with_backup(home, db);
  rp::test::Holder first(binary, home, db);
  const auto second = rolepath(home, "report");
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("in use by") != std::string::npos);
  CHECK(second.err.find("restore") == std::string::npos);
}
