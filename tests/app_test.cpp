#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "app/app.hpp"
#include <SQLiteCpp/Database.h>

#include "app/paths.hpp"
#include "bank/loader.hpp"
#include "support/temp_folder.hpp"
#include "app/fit_flow.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z

app::App make_app(std::unique_ptr<store::Store> s, const std::string& profile = "Learner") {
  app::AppOptions options;
  options.profile_name = profile;
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("the app prepares its view from the bank and the database") {
  auto application = make_app(store::Store::open_in_memory(), "Ada");
  const auto& view = application.view();
  CHECK(view.profile_name == "Ada");
  CHECK(view.screen == app::Screen::home);
  CHECK(view.answers_total == 0);
  CHECK(view.roles.size() == 2);
  CHECK(view.topics.size() == application.bank().topics.size());
  CHECK(view.topics.size() >= 16);
  CHECK(view.question_total == static_cast<int>(application.bank().questions.size()));
  CHECK(view.schema_version == store::latest_schema_version());
  CHECK(store::Items(application.store()).count() > 0);
}

TEST_CASE("queued actions are applied after the frame in order") {
  auto application = make_app(store::Store::open_in_memory());
  application.actions().push(app::action::Navigate{app::Screen::quiz});
  application.actions().push(app::action::Navigate{app::Screen::settings});
  CHECK(application.view().screen == app::Screen::home);  // nothing happens mid-frame
  application.apply_pending();
  CHECK(application.view().screen == app::Screen::settings);
  CHECK(application.actions().empty());
}

TEST_CASE("the theme choice is saved and comes back with the next start") {
  test::TempFolder dir;
  {
    auto application = make_app(store::Store::open(dir / "rp.db"));
    CHECK(application.view().theme == app::Theme::light);
    application.apply(app::action::SetTheme{app::Theme::dark});
    CHECK(application.view().theme == app::Theme::dark);
  }
  auto again = make_app(store::Store::open(dir / "rp.db"));
  CHECK(again.view().theme == app::Theme::dark);
}

TEST_CASE("errors go to the banner and can be dismissed") {
  auto application = make_app(store::Store::open_in_memory());
  application.actions().push(app::action::ShowError{"disk full"});
  application.apply_pending();
  CHECK(application.view().error_banner == "disk full");
  application.actions().push(app::action::DismissError{});
  application.apply_pending();
  CHECK(application.view().error_banner.empty());
}

TEST_CASE("ROLEPATH_NOW moves the clock - a bad value is a clear error") {
  {
    ScopedEnv now("ROLEPATH_NOW", "2026-03-02T18:00:00Z");
    const auto clock = app::Clock::from_environment();
    CHECK(clock.now() >= t0);
    CHECK(clock.now() < t0 + 60'000);
  }
  {
    ScopedEnv tz("TZ", "UTC");
    ScopedEnv now("ROLEPATH_NOW", "2026-03-02T18:00:00");
    CHECK(app::Clock::from_environment().now() - t0 < 60'000);
  }
  {
    ScopedEnv now("ROLEPATH_NOW", "next tuesday");
    CHECK_THROWS_WITH(app::Clock::from_environment(), doctest::Contains("ROLEPATH_NOW='next tuesday'"));
  }
}

TEST_CASE("data and config folders follow XDG with the home-folder fallbacks") {
  {
    ScopedEnv data("XDG_DATA_HOME", "/srv/data");
    ScopedEnv config("XDG_CONFIG_HOME", "/srv/config");
    CHECK(app::default_database_path() == "/srv/data/rolepath/rolepath.db");
    CHECK(app::config_folder() == "/srv/config/rolepath");
  }
  {
    ScopedEnv home("HOME", "/home/ada");
    ScopedEnv data("XDG_DATA_HOME", nullptr);
    ScopedEnv config("XDG_CONFIG_HOME", "relative/is/ignored");
    CHECK(app::default_database_path() == "/home/ada/.local/share/rolepath/rolepath.db");
    CHECK(app::config_folder() == "/home/ada/.config/rolepath");
  }
}

namespace {
// Answers every statement as a learner who leans fully toward `role_id` would.
int likert_for(const core::Bank& bank, std::size_t statement, const std::string& role_id) {
  const auto& weights = bank.statements[statement].weights;
  const auto it = weights.find(role_id);
  const double w = it == weights.end() ? 0.0 : it->second;
  return w > 0 ? 5 : (w < 0 ? 1 : 3);
}

std::size_t current_statement(app::App& application) {
  for (std::size_t i = 0; i < application.bank().statements.size(); ++i)
    if (application.bank().statements[i].text == application.view().fit.statement) return i;
  FAIL("the statement on screen is not in the bank");
  return 0;
}

void answer_as(app::App& application, const std::string& role_id, int count) {
  for (int i = 0; i < count && application.view().fit.stage == app::FitStage::asking; ++i)
    application.apply(app::action::FitAnswer{likert_for(application.bank(), current_statement(application), role_id)});
}
}  // namespace

TEST_CASE("fit flow: a learner who leans to one role gets it and every answer is stored") {
  auto application = make_app(store::Store::open_in_memory());
  application.apply(app::action::FitStart{});
  CHECK(application.view().fit.stage == app::FitStage::asking);
  answer_as(application, "ml_engineer", 60);
  const auto& fit = application.view().fit;
  REQUIRE(fit.stage == app::FitStage::done);
  CHECK(fit.clear);
  CHECK(fit.sentence.find("Machine Learning Software Engineer fits you better") == 0);
  CHECK(fit.answered >= core::FitModel::min_statements);
  CHECK(store::Answers(application.store()).count(application.profile_id()) == fit.answered);
  CHECK(fit.history.size() == 1);
  CHECK(fit.history[0].outcome == "Machine Learning Software Engineer");
  CHECK(fit.history[0].lean < 0);  // toward the second role
  const auto& result = application.view().result;
  REQUIRE(result.has_result);
  CHECK_FALSE(result.latest.toward_leader.empty());
  CHECK(result.latest.bars.size() == 2);
  CHECK(result.latest.sentence == fit.sentence);
  CHECK_FALSE(store::Sessions(application.store()).unfinished(application.profile_id(), core::SessionKind::fit));
}

TEST_CASE("fit flow: quitting keeps the answers and the next start offers to continue") {
  test::TempFolder dir;
  std::set<std::string> asked;
  {
    auto application = make_app(store::Store::open(dir / "rp.db"));
    application.apply(app::action::FitStart{});
    for (int i = 0; i < 5; ++i) {
      asked.insert(application.view().fit.statement);
      application.apply(app::action::FitAnswer{4});
    }
    application.apply(app::action::FitQuit{});
    CHECK(application.view().fit.stage == app::FitStage::idle);
    CHECK(application.view().fit.unfinished_answers == 5);
  }
  auto application = make_app(store::Store::open(dir / "rp.db"));
  CHECK(application.view().fit.unfinished_answers == 5);
  application.apply(app::action::FitResume{});
  CHECK(application.view().fit.answered == 5);
  CHECK_FALSE(asked.count(application.view().fit.statement));  // not asked again
}

TEST_CASE("fit flow: Back shows the previous statement and a new answer replaces the old one") {
  auto application = make_app(store::Store::open_in_memory());
  application.apply(app::action::FitStart{});
  const std::string first = application.view().fit.statement;
  application.apply(app::action::FitAnswer{2});
  CHECK(application.view().fit.can_go_back);
  application.apply(app::action::FitBack{});
  CHECK(application.view().fit.statement == first);
  CHECK(application.view().fit.earlier_answer == 2);
  application.apply(app::action::FitAnswer{5});
  CHECK(application.view().fit.answered == 1);  // still one statement answered
  CHECK(application.fit().answers()[0].likert == 5);
  CHECK(store::Answers(application.store()).count(application.profile_id()) == 2);  // both rows kept
}

TEST_CASE("fit flow: Skip moves on without recording and a fresh start closes the old one") {
  auto application = make_app(store::Store::open_in_memory());
  application.apply(app::action::FitStart{});
  const std::string first = application.view().fit.statement;
  application.apply(app::action::FitSkip{});
  CHECK(application.view().fit.statement != first);
  CHECK(application.view().fit.answered == 0);
  CHECK(store::Answers(application.store()).count(application.profile_id()) == 0);
  application.apply(app::action::FitAnswer{3});
  application.apply(app::action::FitQuit{});
  application.apply(app::action::FitStart{});
  CHECK(application.view().fit.answered == 0);
  CHECK(application.view().fit.unfinished_answers == 0);
}

TEST_CASE("fit flow: answering more after a result gives a new result in the history") {
  auto application = make_app(store::Store::open_in_memory());
  application.apply(app::action::FitStart{});
  answer_as(application, "ai_architect", 60);
  REQUIRE(application.view().fit.stage == app::FitStage::done);
  const int before = application.view().fit.answered;
  application.apply(app::action::FitAnswerMore{});
  REQUIRE(application.view().fit.stage == app::FitStage::asking);
  CHECK(application.view().fit.can_finish);
  answer_as(application, "ai_architect", 3);
  CHECK(application.view().fit.stage == app::FitStage::asking);  // keeps going until asked
  application.apply(app::action::FitFinish{});
  CHECK(application.view().fit.stage == app::FitStage::done);
  CHECK(application.view().fit.answered == before + 3);
  CHECK(application.view().fit.history.size() == 2);
  CHECK(store::FitResults(application.store()).history(application.profile_id()).size() == 2);
}

TEST_CASE("fit flow: agreeing with everything gives no clear preference, never a winner") {
  auto application = make_app(store::Store::open_in_memory());
  application.apply(app::action::FitStart{});
  for (int i = 0; i < 60 && application.view().fit.stage == app::FitStage::asking; ++i)
    application.apply(app::action::FitAnswer{5});
  REQUIRE(application.view().fit.stage == app::FitStage::done);
  CHECK_FALSE(application.view().fit.clear);
  CHECK(application.view().fit.sentence.find("No clear preference") == 0);
  CHECK(application.view().fit.history.back().outcome == "No clear preference");
}

TEST_CASE("a lesson reading that cannot be written is reported once and never claimed") {
  auto application = make_app(store::Store::open_in_memory());
  // Every insert into lesson_read fails, as on a full disk.
  application.store().connection().exec(
      "CREATE TEMP TRIGGER refuse_reading BEFORE INSERT ON main.lesson_read BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  const auto& lesson = application.bank().lessons.front();
  application.apply(app::action::LearnOpen{lesson.id, ""});
  application.actions().push(app::action::LearnReachedEnd{});
  application.apply_pending();
  const auto& view = application.view();
  CHECK(view.error_banner.find("disk full") != std::string::npos);
  CHECK(view.learn.end_reached);
  CHECK_FALSE(view.learn.marked_read);  // the screen never says "recorded"
  CHECK_FALSE(view.learn.path.at(*view.learn.open).read);
  // The end staying on screen does not retry the write on every frame.
  application.apply(app::action::DismissError{});
  application.actions().push(app::action::LearnReachedEnd{});
  application.apply_pending();
  CHECK(view.error_banner.empty());
  CHECK(application.store().connection().execAndGet("SELECT count(*) FROM lesson_read").getInt() == 0);
  // A later opening tries again, and succeeds once the disk has room.
  application.store().connection().exec("DROP TRIGGER temp.refuse_reading");
  application.apply(app::action::LearnOpen{lesson.id, ""});
  application.apply(app::action::LearnReachedEnd{});
  CHECK(view.learn.marked_read);
  CHECK(view.learn.path.at(*view.learn.open).read);
}
