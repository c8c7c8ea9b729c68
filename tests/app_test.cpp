#include <doctest/doctest.h>

#include <cstdlib>

#include "app/app.hpp"
#include "app/paths.hpp"
#include "bank/loader.hpp"
#include "support/temp_folder.hpp"

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
  CHECK(view.topics.size() == 8);
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
