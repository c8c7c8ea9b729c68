#pragma once
// Local days, ISO weeks and streaks. Pure: the caller turns an instant into a local day with the
// zone offset in force at that instant, so tests can cross DST changes and year ends.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/time.hpp"

namespace rp::core {

using LocalDay = std::int64_t;  // days since 1970-01-01 in the learner's local calendar

LocalDay local_day(TimeMs instant, int utc_offset_minutes);

struct CivilDate {
  int year = 1970, month = 1, day = 1;
};
CivilDate civil_from_day(LocalDay day);
int weekday(LocalDay day);  // 1 Monday .. 7 Sunday (ISO)

struct IsoWeek {
  int year = 1970;  // the ISO week-numbering year, which can differ from the calendar year
  int week = 1;     // 1 .. 52 or 53
  auto operator<=>(const IsoWeek&) const = default;
};
IsoWeek iso_week(LocalDay day);
LocalDay monday_of(LocalDay day);
std::string to_string(const IsoWeek& week);  // "2026-W09"
std::string format_day(LocalDay day);        // "2026-03-02"

// Which of `count` consecutive periods of `period_days` days, the first starting on `first`,
// holds `day`; nothing when it falls outside them. Stored days can lie anywhere relative to
// today (the clock may have been set back, or forward and back), so every per-day or per-week
// vector is indexed through this, never by raw subtraction.
std::optional<std::size_t> period_index(LocalDay day, LocalDay first, LocalDay period_days, std::size_t count);

// Days studied in a row up to `today`, where each ISO week may hold up to `rest_days` days off
// without breaking the run. Today not studied yet does not break it either.
int day_streak(const std::set<LocalDay>& studied, LocalDay today, int rest_days);

// Weeks in a row, up to the current one, that met the goal. The current week counts once met and
// does not break the run while still in progress.
int week_streak(const std::set<LocalDay>& week_mondays_met, LocalDay today);

}  // namespace rp::core
