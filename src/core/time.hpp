#pragma once
// Calendar arithmetic on UTC milliseconds. Pure: the local zone's offset is always passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rp::core {

using TimeMs = std::int64_t;  // milliseconds since 1970-01-01T00:00:00Z

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
  // Set when the text named its zone ("Z" or "+hh:mm"); unset means "local time".
  std::optional<int> utc_offset_minutes;
};

// Accepts YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.fff]] and a trailing Z or +hh:mm / -hh:mm.
std::optional<CivilTime> parse_iso8601(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day);

// The UTC instant of a civil time read with the given offset (local = UTC + offset).
TimeMs to_utc_ms(const CivilTime& time, int utc_offset_minutes);

// "2026-03-02T18:00:00Z" for an instant; for logs, exports and reports.
std::string format_iso8601_utc(TimeMs time);

// The local calendar date of an instant, "2026-03-02", given the zone's offset at that instant.
std::string format_local_date(TimeMs time, int utc_offset_minutes);

}  // namespace rp::core
