#include "core/calendar.hpp"

#include <fmt/format.h>

namespace rp::core {

namespace {
constexpr std::int64_t ms_in_day = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }
}  // namespace

LocalDay local_day(TimeMs instant, int utc_offset_minutes) {
  return floor_div(instant + static_cast<std::int64_t>(utc_offset_minutes) * 60'000, ms_in_day);
}

CivilDate civil_from_day(LocalDay day) {
  const std::int64_t z = day + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

int weekday(LocalDay day) {
  // 1970-01-01 was a Thursday (ISO 4).
  return static_cast<int>(((day + 3) % 7 + 7) % 7) + 1;
}

LocalDay monday_of(LocalDay day) { return day - (weekday(day) - 1); }

IsoWeek iso_week(LocalDay day) {
  // The ISO year is the calendar year of the week's Thursday.
  const LocalDay thursday = monday_of(day) + 3;
  const int year = civil_from_day(thursday).year;
  const LocalDay first_thursday_year_start = days_from_civil(year, 1, 1);
  const int week = static_cast<int>((thursday - first_thursday_year_start) / 7) + 1;
  return {year, week};
}

std::string to_string(const IsoWeek& week) { return fmt::format("{:04}-W{:02}", week.year, week.week); }

std::string format_day(LocalDay day) {
  const auto d = civil_from_day(day);
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::optional<std::size_t> period_index(LocalDay day, LocalDay first, LocalDay period_days, std::size_t count) {
  if (period_days <= 0 || day < first) return std::nullopt;
  // Unsigned subtraction: exact for day >= first, with no overflow even for a corrupt stored day.
  const auto index = (static_cast<std::uint64_t>(day) - static_cast<std::uint64_t>(first)) /
                     static_cast<std::uint64_t>(period_days);
  if (index >= count) return std::nullopt;
  return static_cast<std::size_t>(index);
}

int day_streak(const std::set<LocalDay>& studied, LocalDay today, int rest_days) {
  int streak = 0;
  LocalDay day = today;
  LocalDay week = monday_of(today);
  int rests_this_week = 0;
  // Today, not studied yet, is neither counted nor a rest day.
  if (!studied.count(today)) --day;
  for (; day > today - 3660; --day) {
    if (monday_of(day) != week) {
      week = monday_of(day);
      rests_this_week = 0;
    }
    if (studied.count(day)) {
      ++streak;
      continue;
    }
    if (++rests_this_week > rest_days) break;
  }
  return streak;
}

int week_streak(const std::set<LocalDay>& week_mondays_met, LocalDay today) {
  LocalDay week = monday_of(today);
  int streak = 0;
  if (!week_mondays_met.count(week)) week -= 7;  // the current week is still in progress
  while (week_mondays_met.count(week)) {
    ++streak;
    week -= 7;
  }
  return streak;
}

}  // namespace rp::core
