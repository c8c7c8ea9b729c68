// The settings' value types: any input becomes a value the app offers.
#include <doctest/doctest.h>

#include <climits>
#include <limits>

#include <fmt/format.h>

#include "core/progress.hpp"
#include "core/settings.hpp"

using namespace rp;

TEST_CASE("text size: any input becomes the nearest step from 90 to 160 percent") {
  CHECK(core::TextSize().percent() == 100);
  CHECK(core::TextSize(100).percent() == 100);
  CHECK(core::TextSize(124).percent() == 120);  // rounds to the nearest step
  CHECK(core::TextSize(125).percent() == 130);  // halves go up
  CHECK(core::TextSize(89).percent() == 90);
  CHECK(core::TextSize(0).percent() == 90);
  CHECK(core::TextSize(-500).percent() == 90);
  CHECK(core::TextSize(161).percent() == 160);
  CHECK(core::TextSize(INT_MAX).percent() == 160);
  CHECK(core::TextSize(INT_MIN).percent() == 90);
  // Every value a slider can send maps to itself, and there are steps + 1 of them.
  for (int i = 0; i <= core::TextSize::steps; ++i) {
    const int percent = core::TextSize::min + i * core::TextSize::step;
    CHECK(core::TextSize(percent).percent() == percent);
  }
  CHECK(core::TextSize::min + core::TextSize::steps * core::TextSize::step == core::TextSize::max);
}

TEST_CASE("weekly goal: a target from 1 to the maximum, in answers or minutes") {
  CHECK(core::WeeklyGoal{core::WeeklyGoal::Unit::answers, 1}.valid());
  CHECK(core::WeeklyGoal{core::WeeklyGoal::Unit::minutes, core::WeeklyGoal::max_target}.valid());
  CHECK_FALSE(core::WeeklyGoal{core::WeeklyGoal::Unit::answers, 0}.valid());
  CHECK_FALSE(core::WeeklyGoal{core::WeeklyGoal::Unit::minutes, -3}.valid());
  CHECK_FALSE(core::WeeklyGoal{core::WeeklyGoal::Unit::answers, core::WeeklyGoal::max_target + 1}.valid());
  CHECK(core::to_string(core::WeeklyGoal::Unit::answers) == "answers");
  CHECK(core::to_string(core::WeeklyGoal::Unit::minutes) == "minutes");
}

TEST_CASE("study settings: every number is clamped on the way in, whoever assigns it") {
  core::DailyLimit limit = 50;
  CHECK(limit == 50);
  limit = 0;
  CHECK(limit == 1);
  limit = 5000;
  CHECK(limit == 1000);
  core::DesiredRetention retention = 0.5;
  CHECK(retention.get() == doctest::Approx(0.70));
  retention = 0.99;
  CHECK(retention.get() == doctest::Approx(0.97));
  retention = std::numeric_limits<double>::quiet_NaN();  // "nan" read back from a tampered file
  CHECK(retention.get() == doctest::Approx(0.70));
  core::RestDays rest = -1;
  CHECK(rest == 0);
  core::DayStartHour hour = 24;
  CHECK(hour == 23);
  CHECK(fmt::format("{:02}:00", core::DayStartHour(7)) == "07:00");
}
