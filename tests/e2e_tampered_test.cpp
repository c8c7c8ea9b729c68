// The real binary on a database that was tampered with, with names that are not good names, and
// with answers that cannot be written: valid JSON, clear refusals and an honest exit status.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "support/process.hpp"
#include "support/temp_folder.hpp"

using rp::test::run;
using rp::test::shell_quote;
using rp::test::TempFolder;

namespace {
const std::string binary = ROLEPATH_BINARY;

// rolepath with its data and config inside `home`, never the real ones.
rp::test::ProcessResult rolepath(const TempFolder& home, const std::string& args, const std::string& input = "") {
  return run("env XDG_DATA_HOME=" + shell_quote((home / "data").string()) +
                 " XDG_CONFIG_HOME=" + shell_quote((home / "config").string()) + " " + shell_quote(binary) + " " + args,
             input);
}

std::string db_option(const std::filesystem::path& db) { return "--db " + shell_quote(db.string()) + " "; }

// Three weeks of demo study, then every kind of damage a hand edit or an older version leaves.
std::filesystem::path tampered_database(const TempFolder& home) {
  const auto db = home / "rolepath.db";
  REQUIRE(rolepath(home, db_option(db) + "demo --weeks 3").exit_code == 0);
  SQLite::Database file(db.string(), SQLite::OPEN_READWRITE);
  file.exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;");
  file.exec(
      "UPDATE schedule SET stability = -5 WHERE item_id IN (SELECT item_id FROM schedule LIMIT 3);"
      "UPDATE schedule SET difficulty = 99 WHERE item_id = (SELECT max(item_id) FROM schedule);"
      "UPDATE daily_activity SET answers = -50 WHERE day = (SELECT min(day) FROM daily_activity);"
      "UPDATE daily_activity SET study_ms = 1e17 WHERE day = (SELECT max(day) FROM daily_activity);"
      "UPDATE answer SET latency_ms = 9e15 WHERE id = 5;"
      "UPDATE fit_result SET detail_json = '{\"x\":', sureness = 7;"
      "UPDATE mastery_snapshot SET score = -3 WHERE topic = 'education';"
      "INSERT INTO goal (profile_id, unit, weekly_target, set_ms) SELECT id, 'answers', 1e12, 0 FROM profile;"
      "UPDATE profile SET name = 'De' || CAST(x'ff' AS TEXT) || 'mo';");
  return db;
}

int count(const std::string& text, const std::string& piece) {
  int n = 0;
  for (auto at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("report --json on a tampered database is valid JSON with sane figures") {
  TempFolder home;
  const auto db = tampered_database(home);
  const auto r = rolepath(home, db_option(db) + "report --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto report = nlohmann::json::parse(r.out);  // throws, failing the test, on invalid JSON
  CHECK(report["profile"] == "De\xEF\xBF\xBDmo");
  CHECK(report["answers_total"].get<long long>() >= 0);
  for (const auto& week : report["weeks"]) {
    CHECK(week["answers"].get<long long>() >= 0);
    CHECK(std::isfinite(week["minutes"].get<double>()));
    CHECK(week["minutes"].get<double>() <= 7 * 24 * 60);
  }
  for (const auto& topic : report["topics"]) {
    CHECK(topic["mastery_score"].get<double>() >= 0);
    CHECK(topic["mastery_score"].get<double>() <= 1);
  }
  CHECK(report["latest_fit"]["sure"].get<double>() <= 1);

  // The other commands start too, and the text report shows no absurd goal.
  const auto text = rolepath(home, db_option(db) + "report");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("goal: 100000 answers a week") != std::string::npos);
  CHECK(rolepath(home, db_option(db) + "quiz --terminal --count 2", "1\n1\n").exit_code == 0);
  CHECK(rolepath(home, db_option(db) + "review --terminal", "q\n").exit_code == 0);
  CHECK(rolepath(home, db_option(db) + "export --csv " + shell_quote((home / "a.csv").string())).exit_code == 0);
}

TEST_CASE("a tampered database gets one warning on stderr per start and the file is not changed by reading") {
  TempFolder home;
  const auto db = tampered_database(home);
  const auto r = rolepath(home, db_option(db) + "report --json");
  INFO(r.err);
  CHECK(count(r.err, "out of range and were skipped or corrected") == 1);
  CHECK(r.err.find("review state") != std::string::npos);
  CHECK(r.err.find("daily total") != std::string::npos);
  SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
  CHECK(file.execAndGet("SELECT count(*) FROM schedule WHERE stability = -5").getInt() == 3);
}

TEST_CASE("--profile that is not a good name is refused with the reason and creates nothing") {
  TempFolder home;
  const auto db = home / "rolepath.db";
  const auto bad = rolepath(home, db_option(db) + "--profile " + shell_quote("Ad\xFF" "a") + " report --json");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("rolepath: the profile name is not valid UTF-8 (byte 3)") != std::string::npos);
  CHECK(bad.out.empty());

  const auto long_name = rolepath(home, db_option(db) + "--profile " + shell_quote(std::string(64, 'x') + "\x80\x80") + " report");
  CHECK(long_name.exit_code == 1);
  CHECK(long_name.err.find("not valid UTF-8 (byte 65)") != std::string::npos);

  const auto tab = rolepath(home, db_option(db) + "--profile " + shell_quote("a\tb") + " report");
  CHECK(tab.exit_code == 1);
  CHECK(tab.err.find("control characters") != std::string::npos);

  std::string emoji;
  for (int i = 0; i < 64; ++i) emoji += "\xF0\x9F\x98\x80";
  const auto good = rolepath(home, db_option(db) + "--profile " + shell_quote(emoji) + " report --json");
  CHECK(good.exit_code == 0);
  CHECK(nlohmann::json::parse(good.out)["profile"] == emoji);
  SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
  CHECK(file.execAndGet("SELECT group_concat(length(name)) FROM profile").getString() == "64");
}

TEST_CASE("quiz --terminal exits 1 and says how many answers could not be recorded") {
  TempFolder home;
  const auto db = home / "rolepath.db";
  REQUIRE(rolepath(home, db_option(db) + "report").exit_code == 0);
  std::string answers;
  for (int i = 0; i < 40; ++i) answers += "1\n";
  // A 48 KiB file-size limit: the write-ahead log fills after a few answers.
  const auto r = run("bash -c " + shell_quote("ulimit -f 48; exec env XDG_DATA_HOME=" + (home / "data").string() +
                                              " XDG_CONFIG_HOME=" + (home / "config").string() + " " + binary + " " +
                                              db_option(db) + "quiz --terminal --count 40"),
                     answers);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  const int failed = count(r.err, "Your answer was not recorded: ");
  REQUIRE(failed >= 1);
  const std::string last = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
  CHECK(last == std::to_string(failed) + (failed == 1 ? " answer" : " answers") + " could not be recorded.\n");
}
