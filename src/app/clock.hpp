#pragma once
// The one place RolePath asks what time it is. ROLEPATH_NOW (ISO 8601, e.g. 2026-03-02T18:00:00,
// read as local time unless it names a zone) moves the clock to that instant at start-up; from
// there it runs at the normal pace, so demos and tests can stand on any day.
#include <chrono>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/review.hpp"
#include "core/time.hpp"

namespace rp::app {

class Clock {
 public:
  // Reads ROLEPATH_NOW; an unreadable value is an error naming the variable.
  static Clock from_environment();
  static Clock starting_at(core::TimeMs start);
  static Clock system();
  // A clock that stands still at `time` (and wherever set() moves it): for tests that compare
  // figures computed a moment apart, where a running clock would move them.
  static Clock fixed_at(core::TimeMs time);

  core::TimeMs now() const;
  // Moves the clock to `time`, from where it runs on; for demos, simulations and tests.
  void set(core::TimeMs time);
  // Minutes to add to UTC for the local wall clock at `at` (DST-aware, from the C library).
  static int local_offset_minutes(core::TimeMs at);
  // "2026-03-02 at 18:05": an instant as the learner's wall clock read it.
  static std::string local_date_time(core::TimeMs at);
  // The learner's calendar day of an instant, in the zone in force then.
  static core::LocalDay local_day(core::TimeMs at);
  // The instant the local wall clock reads `wall` (a local date and time counted as if it were UTC),
  // in the zone in force then: a first guess with the offset at `wall`, refined once. A time a DST
  // change skips lands an hour later.
  static core::TimeMs from_local_wall(core::TimeMs wall);
  // The learner day of an instant (the day starts at `start.hour` local time, not at midnight).
  static core::LocalDay learner_day(core::TimeMs at, core::DayStart start);
  // The instant learner day `day` begins: its local date at the day-start hour, in the zone in
  // force then (a start hour that a DST change skips falls an hour later).
  static core::TimeMs learner_day_start(core::LocalDay day, core::DayStart start);

 private:
  std::optional<core::TimeMs> start_;
  bool fixed_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace rp::app
