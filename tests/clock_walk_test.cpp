// The clock walked back and forth (a year each way, 2100, 9999, both New York DST changes, the
// date line) over one database: at every step answers are recorded, every screen is drawn, the
// report and the export run, and every figure stays within its range.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <numeric>
#include <sstream>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "store/local_day_queries.hpp"
#include "support/clock_walk.hpp"
#include "support/headless.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_home.hpp"
#include "terminal/export.hpp"
#include "terminal/report.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
std::unique_ptr<app::App> open_app(const test::TempHome& dir) {
  app::AppOptions options;
  options.settings_file = (dir / "imgui.ini").string();
  return std::make_unique<app::App>(store::Store::open(dir / "rolepath.db"), bank::load_banks({}).bank,
                                    app::Clock::from_environment(), options);
}

// Answers what the session asks, always the first option (so some right, some wrong), until it
// ends or `count` answers are in; then leaves the session.
void answer_session(app::App& a, int count) {
  for (int given = 0; a.view().session.running() && given < count;) {
    if (a.view().session.stage == app::SessionStage::card) {
      a.apply(app::action::CardDismiss{});
      continue;
    }
    a.apply(app::action::QuizPick{0});
    a.apply(app::action::QuizConfirm{});
    a.apply(app::action::QuizNext{});
    ++given;
  }
  a.apply(app::action::QuizQuit{});
}

void check_fraction(const std::optional<double>& value) {
  if (value) {
    CHECK(*value >= 0.0);
    CHECK(*value <= 1.0);
  }
}

// Every figure a screen or report shows, within its range and of its expected size.
void check_sane(const app::App& a) {
  const auto& v = a.view();
  const auto& bank = a.bank();
  const auto today = app::Clock::local_day(a.clock().now());
  CHECK(v.answers_total >= 0);

  REQUIRE(v.study.topics.size() == bank.roles.size() * bank.topics.size());
  for (const auto& row : v.study.topics) {
    CHECK(row.answers >= 0);
    CHECK(row.correct >= 0);
    CHECK(row.correct <= row.answers);
    CHECK(row.seen >= 0);
    CHECK(row.seen <= row.total);
    CHECK(row.due >= 0);
    CHECK(row.due <= row.total);
    CHECK(row.score >= 0.0);
    CHECK(row.score <= 1.0);
  }
  for (auto index : v.study.weak) CHECK(index < v.study.topics.size());
  for (int due : v.study.due_by_day) CHECK(due >= 0);
  CHECK(std::accumulate(v.study.due_by_day.begin(), v.study.due_by_day.end(), 0) <= static_cast<int>(bank.questions.size()));
  CHECK(v.study.reviewed_today >= 0);
  CHECK(v.study.reviewed_today <= v.answers_total);
  CHECK(v.study.review_available >= 0);
  CHECK(v.study.review_available <= v.study.settings.daily_limit);
  CHECK(v.study.readiness.size() == bank.roles.size());

  const auto& p = v.progress;
  CHECK(p.this_week >= 0);
  CHECK(p.day_streak >= 0);
  CHECK(p.day_streak <= 3660);
  CHECK(p.week_streak >= 0);
  REQUIRE(p.weeks.size() == static_cast<std::size_t>(p.weeks_shown));
  CHECK(p.weeks.back().starts == core::format_day(core::monday_of(today)));
  for (const auto& w : p.weeks) {
    CHECK(w.answers >= 0);
    CHECK(w.minutes >= 0);
    check_fraction(w.accuracy);
    check_fraction(w.retention);
  }
  REQUIRE(p.heat.size() == 26 * 7);
  int future = 0;
  for (const auto& day : p.heat) {
    CHECK(day.answers >= 0);
    CHECK(day.correct >= 0);
    CHECK(day.correct <= day.answers);
    CHECK(day.minutes >= 0);
    CHECK(day.level >= 0);
    CHECK(day.level <= 4);
    future += day.future ? 1 : 0;
  }
  CHECK(future == 7 - core::weekday(today));  // the rest of this week, and nothing else
  // A line per topic on the shown role's path.
  std::size_t on_path = 0;
  for (const auto& topic : v.topics) on_path += topic.questions_per_role[p.mastery_role] > 0 ? 1 : 0;
  REQUIRE(p.mastery.size() == on_path);
  for (const auto& line : p.mastery) {
    REQUIRE(line.scores.size() == static_cast<std::size_t>(p.weeks_shown));
    for (const auto& score : line.scores) check_fraction(score);
  }
}

// Draws every screen, and Progress at each of its widths and for each role.
void draw_every_screen(app::App& a) {
  test::HeadlessUi ui(a);
  for (auto screen : app::all_screens) {
    CAPTURE(app::screen_name(screen));
    a.apply(app::action::Navigate{screen});
    ui.frames(3);
    CHECK(a.view().screen == screen);
  }
  for (int weeks : {26, 52, 12}) {
    a.apply(app::action::SetProgressWeeks{weeks});
    for (std::size_t role = 0; role < a.bank().roles.size(); ++role) {
      a.apply(app::action::SetMasteryRole{role});
      ui.frames(2);
      check_sane(a);
    }
  }
}

void check_report_and_export(app::App& a, const test::TempHome& dir) {
  std::ostringstream text, json;
  terminal::print_report(a, 8, false, text);
  CHECK(text.str().find("RolePath report for") == 0);
  terminal::print_report(a, 8, true, json);
  const auto report = nlohmann::json::parse(json.str());
  CHECK(report["weeks"].size() == 8);
  CHECK(report["answers_total"].get<std::int64_t>() == a.view().answers_total);
  for (const auto& week : report["weeks"]) CHECK(week["answers"].get<std::int64_t>() >= 0);
  const auto rows = terminal::export_csv(a, dir / "answers.csv");
  CHECK(rows == a.view().answers_total);
}
}  // namespace

TEST_CASE("the clock walked back and forth through 2100 9999 DST and the date line keeps every figure sane") {
  test::TempHome dir;  // XDG_DATA_HOME and XDG_CONFIG_HOME inside it
  test::ScopedTz zone("UTC");
  test::ScopedEnv now("ROLEPATH_NOW", "2026-03-02T18:00:00");
  std::unique_ptr<app::App> earlier;  // the previous step's App, still open when the clock moves
  std::int64_t answers = 0;
  for (const auto& step : test::clock_walk) {
    INFO("zone ", std::string(step.zone), ", ROLEPATH_NOW ", std::string(step.now));
    zone.set(step.zone);
    now.set(step.now);
    if (earlier) {
      // The clock moves under a running App, as when the system clock is changed.
      earlier->clock() = app::Clock::from_environment();
      earlier->apply(app::action::SetQuizSetup{{{}, {}, 2}});
      earlier->apply(app::action::QuizStart{});
      answer_session(*earlier, 2);
      answers += 2;
      check_sane(*earlier);
      draw_every_screen(*earlier);
      earlier.reset();  // before the next start: one App per database at a time
    }
    auto opened = open_app(dir);
    app::App& a = *opened;
    check_sane(a);
    CHECK(a.view().answers_total == answers);
    if (answers == 0) {
      a.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::answers, 5}});
      auto settings = a.view().study.settings;
      settings.streaks = true;
      a.apply(app::action::SetStudySettings{settings});
    }
    a.apply(app::action::SetQuizSetup{{{}, {}, 4}});
    a.apply(app::action::QuizStart{});
    answer_session(a, 4);
    a.apply(app::action::ReviewStart{});
    const int reviews = std::min(3, a.view().session.total);
    answer_session(a, 3);
    a.apply(app::action::FitStart{});
    a.apply(app::action::FitAnswer{4});
    a.apply(app::action::FitAnswer{2});
    a.apply(app::action::FitQuit{});
    answers += 4 + reviews + 2;
    CHECK(a.view().answers_total == answers);
    CHECK(a.view().study.reviewed_today >= reviews);
    check_sane(a);
    draw_every_screen(a);
    check_report_and_export(a, dir);
    earlier = std::move(opened);
  }
}

namespace {
// Reviews at 23:30 on the eve of a DST change, one at 00:30 after it, then a look at noon.
void review_across_midnight(const char* eve_text, const char* after_midnight, const char* noon) {
  test::TempHome dir;  // XDG_DATA_HOME and XDG_CONFIG_HOME inside it
  test::ScopedTz zone("America/New_York");
  test::ScopedEnv now("ROLEPATH_NOW", eve_text);
  app::App a(store::Store::open_in_memory(), bank::load_banks({}).bank, app::Clock::from_environment(), {});
  a.apply(app::action::SetQuizSetup{{{}, {}, 6}});
  a.apply(app::action::QuizStart{});
  answer_session(a, 6);  // starts some topics, so review has questions to serve
  auto settings = a.view().study.settings;
  settings.daily_limit = 3;
  a.apply(app::action::SetStudySettings{settings});
  a.apply(app::action::ReviewStart{});
  answer_session(a, 3);
  CHECK(a.view().study.reviewed_today == 3);
  CHECK(a.view().study.review_available == 0);  // the limit is reached for the eve
  const auto eve = app::Clock::local_day(a.clock().now());
  CHECK(store::count_answers_on_day(a.store(), a.profile_id(), eve, core::SessionKind::review) == 3);

  // After midnight the limit starts again; one review at 00:30 belongs to the new day.
  now.set(after_midnight);
  a.clock() = app::Clock::from_environment();
  a.apply(app::action::ReviewStart{});
  REQUIRE(a.view().session.running());
  answer_session(a, 1);
  CHECK(a.view().study.reviewed_today == 1);

  // At noon, past the change, the day holds that one review and none of the eve's.
  now.set(noon);
  a.clock() = app::Clock::from_environment();
  CHECK(app::Clock::local_day(a.clock().now()) == eve + 1);
  a.apply(app::action::ReviewStart{});
  CHECK(a.view().study.reviewed_today == 1);
  REQUIRE(a.view().session.running());
  CHECK(a.view().session.total == 2);  // what the limit leaves of today
}
}  // namespace

TEST_CASE("reviews at 23:30 on the eve of the spring DST change count toward that day and not the next") {
  review_across_midnight("2026-03-07T23:30:00", "2026-03-08T00:30:00", "2026-03-08T12:00:00");
}

TEST_CASE("reviews at 23:30 on the eve of the autumn DST change count toward that day and not the next") {
  review_across_midnight("2026-10-31T23:30:00", "2026-11-01T00:30:00", "2026-11-01T12:00:00");
}
