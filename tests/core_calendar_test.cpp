// Local days, ISO weeks, weekly totals and streaks, with fixed clocks across DST changes and year
// ends.
#include <doctest/doctest.h>

#include "core/calendar.hpp"
#include "core/progress.hpp"

using namespace rp::core;

namespace {
LocalDay day_of(int y, int m, int d) { return days_from_civil(y, m, d); }
TimeMs utc(const char* iso) { return to_utc_ms(*parse_iso8601(iso), 0); }
}  // namespace

TEST_CASE("weekday and Monday of a day") {
  CHECK(weekday(day_of(1970, 1, 1)) == 4);  // Thursday
  CHECK(weekday(day_of(2026, 3, 2)) == 1);  // Monday
  CHECK(weekday(day_of(2026, 3, 8)) == 7);  // Sunday
  CHECK(weekday(day_of(1969, 12, 29)) == 1);
  CHECK(monday_of(day_of(2026, 3, 8)) == day_of(2026, 3, 2));
  CHECK(monday_of(day_of(1969, 12, 31)) == day_of(1969, 12, 29));
}

TEST_CASE("ISO weeks across year ends and a year with week 53") {
  CHECK(iso_week(day_of(2026, 1, 1)) == IsoWeek{2026, 1});     // a Thursday: week 1
  CHECK(iso_week(day_of(2025, 12, 29)) == IsoWeek{2026, 1});   // its Monday, still last calendar year
  CHECK(iso_week(day_of(2025, 12, 28)) == IsoWeek{2025, 52});
  CHECK(iso_week(day_of(2020, 12, 31)) == IsoWeek{2020, 53});  // 2020 has 53 weeks
  CHECK(iso_week(day_of(2021, 1, 3)) == IsoWeek{2020, 53});    // New Year's weekend belongs to it
  CHECK(iso_week(day_of(2021, 1, 4)) == IsoWeek{2021, 1});
  CHECK(iso_week(day_of(2027, 1, 1)) == IsoWeek{2026, 53});    // 2026 has 53 weeks too
  CHECK(to_string(IsoWeek{2026, 9}) == "2026-W09");
  CHECK(format_day(day_of(2026, 3, 2)) == "2026-03-02");
}

TEST_CASE("local days follow the offset in force: spring forward and fall back in New York") {
  // 2026-03-08 02:00 EST -> 03:00 EDT. Offsets: -300 before, -240 after.
  CHECK(local_day(utc("2026-03-08T04:59:00Z"), -300) == day_of(2026, 3, 7));  // 23:59 on the 7th
  CHECK(local_day(utc("2026-03-08T05:00:00Z"), -300) == day_of(2026, 3, 8));  // midnight
  CHECK(local_day(utc("2026-03-09T03:59:00Z"), -240) == day_of(2026, 3, 8));  // 23:59 EDT
  CHECK(local_day(utc("2026-03-09T04:00:00Z"), -240) == day_of(2026, 3, 9));
  // 2026-11-01 02:00 EDT -> 01:00 EST: a 25-hour day.
  CHECK(local_day(utc("2026-11-01T04:00:00Z"), -240) == day_of(2026, 11, 1));
  CHECK(local_day(utc("2026-11-02T04:59:00Z"), -300) == day_of(2026, 11, 1));
  CHECK(local_day(utc("2026-11-02T05:00:00Z"), -300) == day_of(2026, 11, 2));
  // East of Greenwich, a UTC evening is already tomorrow.
  CHECK(local_day(utc("2026-12-31T23:30:00Z"), 60) == day_of(2027, 1, 1));
}

TEST_CASE("weekly totals include empty weeks and judge the goal") {
  const LocalDay monday = day_of(2026, 3, 2);
  std::vector<DayTotals> days = {
      {monday, 30, 20, 15, 600'000, 4, 3},      // week 1
      {monday + 2, 25, 25, 20, 900'000, 0, 0},  // week 1
      // week 2 skipped entirely
      {monday + 15, 10, 10, 9, 120'000, 2, 2},  // week 3
      {monday - 1, 99, 99, 99, 1, 0, 0},        // before the range: ignored
  };
  // A goal in answers counts graded ones (quiz and review), not questionnaire answers: 45 here.
  const auto weeks = weekly_totals(days, monday + 3, 3, WeeklyGoal{WeeklyGoal::Unit::answers, 45});
  CHECK_FALSE(weekly_totals(days, monday, 1, WeeklyGoal{WeeklyGoal::Unit::answers, 46})[0].goal_met);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].monday == monday);
  CHECK(weeks[0].answers == 55);
  CHECK(weeks[0].days_studied == 2);
  CHECK(weeks[0].goal_met);
  CHECK(*weeks[0].accuracy() == doctest::Approx(35.0 / 45.0));
  CHECK(*weeks[0].true_retention() == doctest::Approx(0.75));
  CHECK(weeks[0].minutes() == doctest::Approx(25.0));
  CHECK(weeks[1].answers == 0);
  CHECK_FALSE(weeks[1].accuracy().has_value());
  CHECK_FALSE(weeks[1].goal_met);
  CHECK(weeks[2].answers == 10);
  CHECK(weeks[2].week == IsoWeek{2026, 12});

  const auto by_minutes = weekly_totals(days, monday, 1, WeeklyGoal{WeeklyGoal::Unit::minutes, 25});
  CHECK(by_minutes[0].goal_met);
  CHECK(goal_value(by_minutes[0], WeeklyGoal{WeeklyGoal::Unit::minutes, 25}) == doctest::Approx(25.0));
}

TEST_CASE("weekly totals across New Year's week of a 53-week year") {
  const LocalDay dec31 = day_of(2026, 12, 31), jan2 = day_of(2027, 1, 2), jan4 = day_of(2027, 1, 4);
  const auto weeks = weekly_totals({{dec31, 5, 5, 5, 0, 0, 0}, {jan2, 7, 7, 7, 0, 0, 0}, {jan4, 1, 1, 1, 0, 0, 0}},
                                   day_of(2026, 12, 28), 2, std::nullopt);
  CHECK(weeks[0].week == IsoWeek{2026, 53});
  CHECK(weeks[0].answers == 12);  // Thursday and Saturday share the week across the year end
  CHECK(weeks[1].week == IsoWeek{2027, 1});
  CHECK(weeks[1].answers == 1);
}

TEST_CASE("day streaks allow the chosen rest days a week and today does not break them") {
  const LocalDay today = day_of(2026, 3, 12);  // a Thursday
  // Studied Mon-Wed this week, and Mon-Fri plus Sun of last week (Saturday off).
  std::set<LocalDay> studied;
  for (int d = 0; d < 3; ++d) studied.insert(day_of(2026, 3, 9) + d);
  for (int d = 0; d < 5; ++d) studied.insert(day_of(2026, 3, 2) + d);
  studied.insert(day_of(2026, 3, 8));
  CHECK(day_streak(studied, today, 0) == 4);  // Sunday to Wednesday: Saturday broke it
  CHECK(day_streak(studied, today, 1) == 9);  // one rest day a week: back to Monday the 2nd
  studied.insert(today);
  CHECK(day_streak(studied, today, 1) == 10);
  CHECK(day_streak({}, today, 2) == 0);
}

TEST_CASE("week streaks count weeks that met the goal and the current week never breaks them") {
  const LocalDay today = day_of(2026, 3, 12);
  const LocalDay this_monday = day_of(2026, 3, 9);
  std::set<LocalDay> met = {this_monday - 7, this_monday - 14, this_monday - 28};
  CHECK(week_streak(met, today) == 2);  // the week three back was missed
  met.insert(this_monday);
  CHECK(week_streak(met, today) == 3);
}
