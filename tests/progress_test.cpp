// Progress over weeks, profiles, exports and the demo through the app layer, on real stores.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "bank/loader.hpp"
#include "support/csv.hpp"
#include "support/pick_answer.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_folder.hpp"
#include "terminal/export.hpp"
#include "terminal/report.hpp"
#include "core/quiz.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z, a Monday
constexpr core::TimeMs day = 86'400'000;

app::App make_app(std::unique_ptr<store::Store> s, std::optional<std::string> profile = std::nullopt,
                  core::TimeMs start = t0) {
  app::AppOptions options;
  options.profile_name = profile;
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(start), options);
}

void answer_quiz(app::App& a, int count, bool right) {
  a.apply(app::action::SetQuizSetup{{{}, {}, count}});
  a.apply(app::action::QuizStart{});
  while (a.view().session.stage == app::SessionStage::question) {
    test::pick_answer(a, right);
    a.apply(app::action::QuizConfirm{});
    a.apply(app::action::QuizNext{});
  }
}
}  // namespace

TEST_CASE("the clock's local day follows the zone across a DST change each way") {
  test::ScopedTz tz("America/New_York");
  const auto at = [](const char* iso) { return core::to_utc_ms(*core::parse_iso8601(iso), 0); };
  CHECK(app::Clock::local_offset_minutes(at("2026-03-08T06:00:00Z")) == -300);
  CHECK(app::Clock::local_offset_minutes(at("2026-03-08T08:00:00Z")) == -240);
  CHECK(app::Clock::local_day(at("2026-03-09T03:30:00Z")) == core::days_from_civil(2026, 3, 8));
  CHECK(app::Clock::local_offset_minutes(at("2026-11-01T05:30:00Z")) == -240);
  CHECK(app::Clock::local_offset_minutes(at("2026-11-01T06:30:00Z")) == -300);
  CHECK(app::Clock::local_day(at("2026-11-02T04:30:00Z")) == core::days_from_civil(2026, 11, 1));
}

TEST_CASE("answers land in the day's totals and an undo takes them back out") {
  auto a = make_app(store::Store::open_in_memory());
  answer_quiz(a, 5, true);
  CHECK(a.view().answers_total == 5);
  CHECK(a.view().progress.this_week == 5);
  const auto today = app::Clock::local_day(a.clock().now());
  auto days = store::DailyActivity(a.store()).range(a.profile_id(), today, today);
  REQUIRE(days.size() == 1);
  CHECK(days[0].answers == 5);
  CHECK(days[0].correct == 5);
  a.apply(app::action::QuizStart{});
  a.apply(app::action::QuizPick{0});
  a.apply(app::action::QuizConfirm{});
  a.apply(app::action::QuizUndo{});
  days = store::DailyActivity(a.store()).range(a.profile_id(), today, today);
  CHECK(days[0].answers == 5);
  CHECK(a.view().answers_total == 5);
}

TEST_CASE("a learner who skips weeks: the weeks are there with nothing in them and the goal is judged") {
  auto a = make_app(store::Store::open_in_memory());
  a.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::answers, 10}});
  answer_quiz(a, 10, true);  // week 1 meets the goal
  a.clock().set(t0 + 14 * day);  // skip a week
  a.apply(app::action::Navigate{app::Screen::progress});
  answer_quiz(a, 5, false);  // week 3 falls short
  const auto weeks = a.weekly(3);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].answers == 10);
  CHECK(weeks[0].goal_met);
  CHECK(weeks[1].answers == 0);
  CHECK(weeks[2].answers == 5);
  CHECK_FALSE(weeks[2].goal_met);
  CHECK(a.view().progress.has_goal);
  CHECK(a.view().progress.this_week == 5);
  CHECK(a.view().progress.weeks.back().answers == 5);
  CHECK_THROWS_AS(a.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::minutes, 0}}), std::invalid_argument);
  CHECK_THROWS_AS(a.apply(app::action::SetGoal{{core::WeeklyGoal::Unit::answers, core::WeeklyGoal::max_target + 1}}),
                  std::invalid_argument);
  CHECK(a.goal() == core::WeeklyGoal{core::WeeklyGoal::Unit::answers, 10});  // the refused goals changed nothing
}

TEST_CASE("profiles: create switch rename and delete only that learner's data") {
  auto a = make_app(store::Store::open_in_memory(), "Ada");
  answer_quiz(a, 3, true);
  a.apply(app::action::CreateProfile{"Grace \"100%\" {0} \u05e9\u05dc\u05d5\u05dd"});
  CHECK(a.view().profile_name == "Grace \"100%\" {0} \u05e9\u05dc\u05d5\u05dd");
  CHECK(a.view().answers_total == 0);
  answer_quiz(a, 2, true);
  CHECK(a.view().profiles.size() == 2);
  const auto ada = a.view().profiles[0];
  CHECK(ada.name == "Ada");
  CHECK(ada.answers == 3);
  a.apply(app::action::SwitchProfile{ada.id});
  CHECK(a.view().answers_total == 3);
  a.apply(app::action::RenameProfile{ada.id, "Ada L."});
  CHECK(a.view().profile_name == "Ada L.");
  // A name that cannot be used is told beside its field (ViewState::name_problem); nothing is made.
  for (const std::string& refused : {std::string("Ada L."), std::string("   "), std::string(65, 'x')}) {
    a.apply(app::action::CreateProfile{refused});
    CHECK(a.view().name_problem.has_value());
    CHECK(a.view().profiles.size() == 2);
  }
  a.apply(app::action::CreateProfile{std::string(64, 'x')});  // exactly the limit is fine
  const auto grace_id = a.view().profiles[1].id;
  a.apply(app::action::DeleteProfile{grace_id});
  CHECK(a.view().profiles.size() == 2);
  CHECK(store::Answers(a.store()).count(ada.id) == 3);
  CHECK(store::Answers(a.store()).count(grace_id) == 0);
}

TEST_CASE("the profile used last is remembered and --profile picks another") {
  test::TempFolder dir;
  {
    auto a = make_app(store::Store::open(dir / "rp.db"), "Ada");
    a.apply(app::action::CreateProfile{"Grace"});
  }
  CHECK(make_app(store::Store::open(dir / "rp.db")).view().profile_name == "Grace");
  CHECK(make_app(store::Store::open(dir / "rp.db"), "Ada").view().profile_name == "Ada");
  CHECK(make_app(store::Store::open(dir / "rp.db")).view().profile_name == "Ada");
}

TEST_CASE("demo: weeks of study through the app services agree with report and CSV") {
  test::TempFolder dir;
  auto a = make_app(store::Store::open(dir / "rp.db"), "Demo", t0 + 90 * day);
  const auto summary = app::simulate_study(a, 12, 7);
  CHECK(summary.days_studied > 20);
  CHECK(summary.answers > 300);
  CHECK(summary.fit_results == 2);
  CHECK(a.view().answers_total == summary.answers);
  CHECK(a.view().fit.history.size() == 2);

  // The weekly figures add up to the answers.
  std::int64_t weekly_total = 0;
  for (const auto& w : a.weekly(13)) weekly_total += w.answers;
  CHECK(weekly_total == summary.answers);

  // The JSON report, parsed: the same totals, week by week.
  std::ostringstream out;
  terminal::print_report(a, 13, true, out);
  const auto report = nlohmann::json::parse(out.str());
  CHECK(report.at("profile") == "Demo");
  CHECK(report.at("answers_total") == summary.answers);
  const auto& weeks = report.at("weeks");
  REQUIRE(weeks.size() == 13);
  std::int64_t graded = 0, graded_right = 0, all_answers = 0;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const auto& week = weeks[i];
    CAPTURE(week.dump());
    if (i > 0) {
      CHECK(weeks[i - 1].at("iso_week").get<std::string>() < week.at("iso_week").get<std::string>());
      CHECK(weeks[i - 1].at("starts").get<std::string>() < week.at("starts").get<std::string>());
    }
    CHECK(week.at("correct").get<std::int64_t>() <= week.at("answers").get<std::int64_t>());
    graded += week.at("answers").get<std::int64_t>();
    graded_right += week.at("correct").get<std::int64_t>();
    all_answers += week.at("answers").get<std::int64_t>() + week.at("questionnaire_answers").get<std::int64_t>();
  }
  CHECK(all_answers == summary.answers);
  REQUIRE(report.at("latest_fit").is_object());
  CHECK(report.at("latest_fit").at("outcome") == a.view().fit.history.back().outcome);

  // The CSV, parsed by RFC 4180: a header, then one row per answer whose every field is checked
  // against the bank and agrees with the report.
  const auto csv = dir / "answers.csv";
  CHECK(terminal::export_csv(a, csv) == summary.answers);
  const auto table = test::parse_csv_table(test::read_bytes(csv));
  CHECK(table.header == test::CsvRecord{"time", "profile", "session_kind", "item_id", "roles", "topic", "correct",
                                        "latency_ms", "confidence", "chosen", "shown_order", "after_undo"});
  REQUIRE(static_cast<std::int64_t>(table.rows.size()) == summary.answers);
  std::set<std::string> role_ids, topic_ids, item_ids;
  for (const auto& role : a.bank().roles) role_ids.insert(role.id);
  for (const auto& topic : a.bank().topics) topic_ids.insert(topic.id);
  for (const auto& question : a.bank().questions) item_ids.insert(question.id);
  for (const auto& statement : a.bank().statements) item_ids.insert(statement.id);
  std::int64_t csv_graded = 0, csv_right = 0, several_roles = 0;
  core::TimeMs previous = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    CAPTURE(r);
    const auto& row = table.rows[r];
    const auto time = core::parse_iso8601(row[table.column("time")]);
    REQUIRE(time.has_value());
    CHECK(time->utc_offset_minutes == 0);
    const core::TimeMs at = core::to_utc_ms(*time, 0);
    CHECK(at >= previous);  // oldest first
    previous = at;
    CHECK(row[table.column("profile")] == "Demo");
    const std::string kind = row[table.column("session_kind")];
    CHECK(core::session_kind_from_string(kind).has_value());
    CHECK(item_ids.count(row[table.column("item_id")]) == 1);
    const std::string roles = row[table.column("roles")];
    std::istringstream role_list(roles);
    int listed = 0;
    for (std::string role; std::getline(role_list, role, ',');) {
      CHECK(role_ids.count(role) == 1);
      ++listed;
    }
    CHECK(listed >= 1);
    several_roles += listed > 1 ? 1 : 0;  // such a field holds a comma, so it came quoted
    CHECK(topic_ids.count(row[table.column("topic")]) == 1);
    const std::string correct = row[table.column("correct")];
    if (kind == "fit") {
      CHECK(correct.empty());  // a questionnaire answer is neither right nor wrong
    } else {
      REQUIRE((correct == "0" || correct == "1"));
      ++csv_graded;
      csv_right += correct == "1" ? 1 : 0;
    }
    const std::string latency = row[table.column("latency_ms")];
    REQUIRE_FALSE(latency.empty());
    CHECK(latency.find_first_not_of("0123456789") == std::string::npos);
    const std::string sure = row[table.column("confidence")];
    CHECK((sure.empty() || sure == "sure" || sure == "not sure"));
    // A quiz or review answer names the options shown, in the order shown: a permutation of the
    // question's options, with the chosen ones among them.
    CHECK((row[table.column("after_undo")] == "0" || row[table.column("after_undo")] == "1"));
    if (kind != "fit") {
      const auto found = std::find_if(a.bank().questions.begin(), a.bank().questions.end(),
                                      [&](const core::Question& q) { return q.id == row[table.column("item_id")]; });
      REQUIRE(found != a.bank().questions.end());
      const auto* question = &*found;
      auto order = core::decode_order(row[table.column("shown_order")]);
      REQUIRE(order.size() == core::answer_options(a.bank(), *question).size());
      std::sort(order.begin(), order.end());
      for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
      const auto chosen = core::decode_choice(row[table.column("chosen")]);
      CHECK_FALSE(chosen.empty());
      for (auto option : chosen) CHECK(option < order.size());
    }
  }
  CHECK(csv_graded == graded);
  CHECK(csv_right == graded_right);
  CHECK(several_roles > 0);

  // Mastery snapshots were kept week by week.
  a.apply(app::action::SetProgressWeeks{12});
  int weeks_with_data = 0;
  for (const auto& score : a.view().progress.mastery[0].scores) weeks_with_data += score ? 1 : 0;
  CHECK(weeks_with_data >= 10);
}

TEST_CASE("export to a folder that cannot be written names the path and leaves nothing") {
  test::TempFolder dir;
  auto a = make_app(store::Store::open_in_memory());
  const auto target = dir / "missing-folder/answers.csv";
  const std::string path = target.string();
  CHECK_THROWS_WITH(terminal::export_csv(a, target), doctest::Contains(path.c_str()));
  CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("the CSV reader these tests use follows RFC 4180") {
  using test::CsvRecord;
  CHECK(test::parse_csv("a,b\r\n1,2\r\n") == std::vector<CsvRecord>{{"a", "b"}, {"1", "2"}});
  CHECK(test::parse_csv("a,b\r\n1,2") == std::vector<CsvRecord>{{"a", "b"}, {"1", "2"}});  // no CRLF at the end
  CHECK(test::parse_csv("a,b,c\r\n,\"\",\r\n") == std::vector<CsvRecord>{{"a", "b", "c"}, {"", "", ""}});
  CHECK(test::parse_csv("x,y\r\n\"1,2\",\"say \"\"hi\"\"\"\r\n\"line\r\nbreak\",'=1\r\n") ==
        std::vector<CsvRecord>{{"x", "y"}, {"1,2", "say \"hi\""}, {"line\r\nbreak", "'=1"}});
  for (const char* bad : {"a,b\n1,2\r\n", "a,b\r1,2", "a\"b,c", "\"a\"b,c", "\"a,b", "a,b\r\n1\r\n"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(test::parse_csv(bad), std::runtime_error);
  }
  const auto table = test::parse_csv_table("time,profile\r\n2026-03-02T18:00:00Z,\"Ada, L.\"\r\n");
  CHECK(table.rows.size() == 1);
  CHECK(table.rows[0][table.column("profile")] == "Ada, L.");
  CHECK_THROWS_AS(table.column("kind"), std::runtime_error);
}
