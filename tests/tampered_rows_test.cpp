// A real database file tampered with (or left odd by an older version) in each way a learner or
// a tool could: the app still starts, answers are still recorded, every figure stays sane, the
// JSON report parses, and the learner hears of it in exactly one notice.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "bank/loader.hpp"
#include "support/temp_home.hpp"
#include "terminal/export.hpp"
#include "terminal/report.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs day = 86'400'000;
constexpr core::TimeMs now = 1'772'474'400'000 + 60 * day;  // a Monday evening, 2026-05-01
constexpr double minutes_a_week = 7 * 24 * 60;

app::App make_app(const std::filesystem::path& file, std::optional<std::string> profile = std::nullopt) {
  app::AppOptions options;
  options.profile_name = std::move(profile);
  return app::App(store::Store::open(file), bank::load_banks({}).bank, app::Clock::starting_at(now), options);
}

// Four weeks of study by Ada (questionnaire, quizzes, review) with a goal, and a second learner.
std::filesystem::path studied_database(const test::TempHome& home) {
  const auto file = home / "rolepath.db";
  {
    auto bo = make_app(file, "Bo");
    bo.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::minutes, 30}});
  }
  auto ada = make_app(file, "Ada");
  app::simulate_study(ada, 4, 11);
  ada.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::answers, 40}});
  return file;
}

// Edits the file as sqlite3 would, with foreign keys and CHECK constraints off.
void tamper(const std::filesystem::path& file, const std::string& sql) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;");
  db.exec(sql);
}

std::int64_t number(const std::filesystem::path& file, const std::string& sql) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

bool share(double x) { return std::isfinite(x) && x >= 0 && x <= 1; }

// Every figure a screen or the report shows is in its range.
void check_sane(const app::App& a, const nlohmann::json& report) {
  const auto& v = a.view();
  CHECK(v.answers_total >= 0);
  for (const auto& p : v.profiles) CHECK(p.answers >= 0);
  for (const auto& t : v.study.topics) {
    CHECK(share(t.score));
    CHECK(t.answers >= 0);
    CHECK(t.correct >= 0);
    CHECK(t.correct <= t.answers);
  }
  for (int due : v.study.due_by_day) CHECK(due >= 0);
  const auto& p = v.progress;
  CHECK(std::isfinite(p.this_week));
  CHECK(p.this_week >= 0);
  CHECK(p.goal.target >= 1);
  CHECK(p.goal.target <= core::WeeklyGoal::max_target);
  for (const auto& w : p.weeks) {
    CHECK(w.answers >= 0);
    CHECK(std::isfinite(w.minutes));
    CHECK(w.minutes >= 0);
    CHECK(w.minutes <= minutes_a_week);
    if (w.accuracy) CHECK(share(*w.accuracy));
    if (w.retention) CHECK(share(*w.retention));
  }
  for (const auto& cell : p.heat) {
    CHECK(cell.answers >= 0);
    CHECK(cell.minutes <= 24 * 60);
  }
  for (const auto& line : p.mastery)
    for (const auto& score : line.scores)
      if (score) CHECK(share(*score));
  for (const auto& point : v.fit.history) {
    CHECK(point.lean >= -1);
    CHECK(point.lean <= 1);
    CHECK(share(point.sure));
    CHECK(point.date.size() == 10);  // YYYY-MM-DD
  }
  CHECK(std::isfinite(v.study.settings.desired_retention));

  CHECK(report["answers_total"].get<std::int64_t>() >= 0);
  CHECK(report["due_today"].get<std::int64_t>() >= 0);
  for (const auto& w : report["weeks"]) {
    CHECK(w["answers"].get<std::int64_t>() >= 0);
    CHECK(w["questionnaire_answers"].get<std::int64_t>() >= 0);
    CHECK(w["correct"].get<std::int64_t>() >= 0);
    CHECK(w["correct"].get<std::int64_t>() <= w["answers"].get<std::int64_t>());
    CHECK(w["minutes"].is_number());
    CHECK(w["minutes"].get<double>() >= 0);
    CHECK(w["minutes"].get<double>() <= minutes_a_week);
  }
  for (const auto& t : report["topics"]) {
    CHECK(share(t["mastery_score"].get<double>()));
    CHECK((t["accuracy"].is_null() || share(t["accuracy"].get<double>())));
    CHECK(t["answers"].get<std::int64_t>() >= 0);
  }
  if (!report["latest_fit"].is_null()) CHECK(share(report["latest_fit"]["sure"].get<double>()));
}

struct Run {
  std::vector<std::string> notices;  // the start's notice, then whatever came to light later
  nlohmann::json report;
  std::string csv;
};

// What a start and a short sitting do: build the app, take the start's notice, open every screen,
// answer a quiz question and a review question, undo one, then the JSON report and the CSV.
Run exercise(const test::TempHome& home, const std::filesystem::path& file) {
  Run run;
  auto a = make_app(file);
  run.notices.push_back(store::take_odd_rows_notice(a.store()));
  for (auto screen : app::all_screens) a.apply(app::action::Navigate{screen});
  a.apply(app::action::SetProgressWeeks{52});
  a.reload();

  a.apply(app::action::SetQuizSetup{{{}, {}, 2}});
  a.apply(app::action::QuizStart{});
  REQUIRE(a.view().session.stage == app::SessionStage::question);
  a.apply(app::action::QuizPick{0});
  a.apply(app::action::QuizConfirm{});
  a.apply(app::action::QuizNext{});
  a.apply(app::action::QuizQuit{});
  a.apply(app::action::ReviewStart{});
  if (a.view().session.stage == app::SessionStage::question) {
    a.apply(app::action::QuizPick{0});
    a.apply(app::action::QuizConfirm{});
    a.apply(app::action::QuizUndo{});
    a.apply(app::action::QuizQuit{});
  }
  a.apply(app::action::FitStart{});
  a.apply(app::action::FitAnswer{4});
  a.apply(app::action::FitQuit{});
  a.reload();

  std::ostringstream json;
  terminal::print_report(a, 12, true, json);
  run.report = nlohmann::json::parse(json.str());  // throws, failing the test, on invalid JSON
  const auto csv = home / "answers.csv";
  terminal::export_csv(a, csv);
  run.csv = test::read_bytes(csv);
  run.notices.push_back(store::take_odd_rows_notice(a.store()));
  check_sane(a, run.report);
  CHECK(a.view().error_banner.empty());
  return run;
}

// A studied database tampered with `sql`, then a start and a sitting on it.
Run after_tampering(const test::TempHome& home, const std::string& sql) {
  const auto file = studied_database(home);
  tamper(file, sql);
  return exercise(home, file);
}

// The learner hears of the odd rows once, in a notice that names `kind`.
void check_one_notice(const Run& run, const std::string& kind) {
  const auto told = std::count_if(run.notices.begin(), run.notices.end(), [](const auto& n) { return !n.empty(); });
  CHECK(told == 1);
  const auto notice = run.notices[0].empty() ? run.notices[1] : run.notices[0];
  CAPTURE(notice);
  CHECK(notice.find("skipped or corrected") != std::string::npos);
  CHECK(notice.find(kind) != std::string::npos);
}
}  // namespace

TEST_CASE("tampered review states: bad stability difficulty counts and unknown items neither block nor skew") {
  test::TempHome home;
  const auto run = after_tampering(
      home,
      "CREATE TEMP TABLE pick AS SELECT item_id, row_number() OVER (ORDER BY item_id) AS n FROM schedule "
      "WHERE profile_id = (SELECT id FROM profile WHERE name = 'Ada');"
      "UPDATE schedule SET stability = -5 WHERE item_id IN (SELECT item_id FROM pick WHERE n <= 3);"
      "UPDATE schedule SET stability = 0 WHERE item_id = (SELECT item_id FROM pick WHERE n = 4);"
      "UPDATE schedule SET stability = 1e999 WHERE item_id = (SELECT item_id FROM pick WHERE n = 5);"
      "UPDATE schedule SET stability = 'abc' WHERE item_id = (SELECT item_id FROM pick WHERE n = 6);"
      "UPDATE schedule SET difficulty = -40 WHERE item_id = (SELECT item_id FROM pick WHERE n = 7);"
      "UPDATE schedule SET difficulty = 99, reps = -3, lapses = 50 WHERE item_id = (SELECT item_id FROM pick WHERE n = 8);"
      "UPDATE schedule SET due_ms = -9000000000000000000 WHERE item_id = (SELECT item_id FROM pick WHERE n = 9);"
      "UPDATE schedule SET item_id = 999999 WHERE item_id = (SELECT item_id FROM pick WHERE n = 10);");
  check_one_notice(run, "10 review states");
}

TEST_CASE("tampered daily totals: -50 answers and 1e17 ms of study are clamped and the rest adds up") {
  test::TempHome home;
  const auto file = studied_database(home);
  const std::string ada = "(SELECT id FROM profile WHERE name = 'Ada')";
  const auto first = number(file, "SELECT min(day) FROM daily_activity WHERE profile_id = " + ada);
  const auto last = number(file, "SELECT max(day) FROM daily_activity WHERE profile_id = " + ada);
  const auto others = number(file, "SELECT sum(answers) FROM daily_activity WHERE profile_id = " + ada +
                                       " AND day <> " + std::to_string(first));
  tamper(file, "UPDATE daily_activity SET answers = -50 WHERE day = " + std::to_string(first) + ";" +
                   "UPDATE daily_activity SET study_ms = 1e17 WHERE day = " + std::to_string(last) + ";" +
                   "INSERT INTO daily_activity (profile_id, day, answers, graded, correct, study_ms) SELECT id, " +
                   std::to_string(last) + ", -50, 3, 9, -7 FROM profile WHERE name = 'Bo';");
  const auto run = exercise(home, file);
  check_one_notice(run, "3 daily totals");
  // The day of -50 counts as none; every other day as stored, plus the quiz and questionnaire
  // answers just given (the review answer was undone).
  CHECK(run.report["answers_total"].get<std::int64_t>() == others + 2);
}

TEST_CASE("tampered role-fit results: details that are not JSON or of the wrong types and a sureness of 7") {
  test::TempHome home;
  const auto run = after_tampering(
      home,
      "UPDATE fit_result SET detail_json = 'not json' WHERE id = (SELECT min(id) FROM fit_result);"
      "UPDATE fit_result SET detail_json = '{\"leader\":5,\"difference\":\"x\",\"sentence\":7}', sureness = 7 "
      "WHERE id = (SELECT max(id) FROM fit_result);"
      "INSERT INTO fit_result (profile_id, session_id, computed_ms, suggested, sureness, detail_json) "
      "SELECT profile_id, session_id, 9e18, suggested, sureness, '{\"x\":' FROM fit_result LIMIT 1;");
  check_one_notice(run, "3 role-fit results");
  CHECK(run.report["latest_fit"]["sentence"].get<std::string>().size() > 5);
}

TEST_CASE("tampered mastery snapshots: scores out of range or text and weeks that are not Mondays or later") {
  test::TempHome home;
  const auto run = after_tampering(
      home,
      "UPDATE mastery_snapshot SET score = -3 WHERE topic = 'education';"
      "UPDATE mastery_snapshot SET score = 'abc' WHERE topic = 'tools';"
      "UPDATE mastery_snapshot SET score = 1e999 WHERE topic = 'skills';"
      "INSERT INTO mastery_snapshot SELECT profile_id, week_monday + 2, role, 'tips', 0.5 FROM mastery_snapshot LIMIT 1;"
      "INSERT INTO mastery_snapshot SELECT profile_id, week_monday + 700, role, 'tips', 0.5 FROM mastery_snapshot "
      "LIMIT 1;");
  check_one_notice(run, "mastery snapshot");
}

TEST_CASE("tampered goals: a weekly target of 1e12 and a unit that does not exist") {
  test::TempHome home;
  const auto file = studied_database(home);
  tamper(file, "UPDATE goal SET weekly_target = 1e12 WHERE profile_id = (SELECT id FROM profile WHERE name = 'Ada');");
  const auto run = exercise(home, file);
  check_one_notice(run, "1 weekly goal");
  tamper(file, "UPDATE goal SET unit = 'hours', weekly_target = -7;");
  check_one_notice(exercise(home, file), "weekly goal");
}

TEST_CASE("tampered answers: an absurd latency a missing item and a missing day are skipped or clamped") {
  test::TempHome home;
  const auto file = studied_database(home);
  const auto answers = number(file, "SELECT count(*) FROM answer a JOIN profile p ON p.id = a.profile_id WHERE p.name = 'Ada'");
  tamper(file,
         "UPDATE answer SET latency_ms = 9e15 WHERE id = (SELECT min(id) FROM answer);"
         "UPDATE answer SET item_id = 999999 WHERE id = (SELECT min(id) + 1 FROM answer);"
         "UPDATE answer SET local_day = NULL WHERE id = (SELECT min(id) + 2 FROM answer);");
  const auto run = exercise(home, file);
  check_one_notice(run, "3 answers");
  // A header, every answer but the one without an item, and the quiz and questionnaire answers
  // just given (the review answer was undone).
  CHECK(std::count(run.csv.begin(), run.csv.end(), '\n') == 1 + answers - 1 + 2);
  CHECK(run.csv.find("9000000000000000") == std::string::npos);
}

TEST_CASE("stored names and settings that are garbage: invalid UTF-8 and a target recall of nan") {
  test::TempHome home;
  const auto run = after_tampering(
      home,
      "UPDATE profile SET name = 'Ad' || CAST(x'ff' AS TEXT) || 'a' WHERE name = 'Ada';"
      "INSERT OR REPLACE INTO setting (profile_id, key, value) SELECT id, 'desired_retention', 'nan' FROM profile;"
      "INSERT OR REPLACE INTO setting (profile_id, key, value) SELECT id, 'daily_limit', '-3' FROM profile;");
  check_one_notice(run, "1 profile name");
  CHECK(run.notices[0].find("1 setting") != std::string::npos);
  CHECK(run.report["profile"].get<std::string>() == "Ad\xEF\xBF\xBD" "a");
  // Answers given with the bad setting in place were scheduled like any other.
  CHECK(number(home / "rolepath.db", "SELECT count(*) FROM schedule WHERE due_ms < last_review_ms") == 0);
}

TEST_CASE("every tampering at once: one notice naming each kind and the stored rows left as they were") {
  test::TempHome home;
  const auto file = studied_database(home);
  tamper(file,
         "UPDATE schedule SET stability = -5 WHERE item_id = (SELECT min(item_id) FROM schedule);"
         "UPDATE daily_activity SET answers = -50 WHERE day = (SELECT min(day) FROM daily_activity);"
         "UPDATE fit_result SET detail_json = '{\"x\":';"
         "UPDATE mastery_snapshot SET score = -3;"
         "UPDATE goal SET weekly_target = 1e12;"
         "UPDATE profile SET name = name || CAST(x'ff' AS TEXT);");
  const auto run = exercise(home, file);
  const auto& notice = run.notices[0];
  CAPTURE(notice);
  for (const char* kind : {"review state", "daily total", "role-fit result", "mastery snapshot", "weekly goal", "profile name"})
    CHECK(notice.find(kind) != std::string::npos);
  CHECK(run.notices[1].empty());
  // Reading corrected nothing on disk.
  CHECK(number(file, "SELECT count(*) FROM schedule WHERE stability = -5") == 1);
  CHECK(number(file, "SELECT count(*) FROM daily_activity WHERE answers = -50") == 1);
}
