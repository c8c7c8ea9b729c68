#include <doctest/doctest.h>

#include "core/time.hpp"

using namespace rp::core;

TEST_CASE("parse_iso8601 reads a local date and time without a zone") {
  auto t = parse_iso8601("2026-03-02T18:00:00");
  REQUIRE(t);
  CHECK(t->year == 2026);
  CHECK(t->month == 3);
  CHECK(t->day == 2);
  CHECK(t->hour == 18);
  CHECK_FALSE(t->utc_offset_minutes.has_value());
}

TEST_CASE("parse_iso8601 reads Z offsets milliseconds and bare dates") {
  CHECK(parse_iso8601("2026-03-02T18:00:00Z")->utc_offset_minutes == 0);
  CHECK(parse_iso8601("2026-03-02T18:00:00+05:30")->utc_offset_minutes == 330);
  CHECK(parse_iso8601("2026-03-02T18:00:00-08:00")->utc_offset_minutes == -480);
  CHECK(parse_iso8601("2026-03-02T18:00:00.250Z")->millisecond == 250);
  CHECK(parse_iso8601("2026-03-02T18:00")->minute == 0);
  CHECK(parse_iso8601("2024-02-29")->day == 29);
}

TEST_CASE("parse_iso8601 rejects malformed and impossible times") {
  for (const char* bad : {"", "2026", "2026-3-2", "2026-13-01", "2026-02-29", "2026-04-31", "2026-03-02T24:00:00",
                          "2026-03-02T18:60", "2026-03-02T18:00:00+5", "2026-03-02T18:00:00Zjunk", "yesterday"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso8601(bad).has_value());
  }
}

TEST_CASE("days_from_civil matches known dates") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2026, 11, 24) == 20781);
}

TEST_CASE("to_utc_ms applies the offset and round-trips through format_iso8601_utc") {
  const auto t = *parse_iso8601("2026-03-02T18:00:00");
  CHECK(format_iso8601_utc(to_utc_ms(t, 0)) == "2026-03-02T18:00:00Z");
  CHECK(format_iso8601_utc(to_utc_ms(t, 60)) == "2026-03-02T17:00:00Z");
  CHECK(format_iso8601_utc(to_utc_ms(t, -300)) == "2026-03-02T23:00:00Z");
  CHECK(format_iso8601_utc(-1000) == "1969-12-31T23:59:59Z");
  CHECK(format_iso8601_utc(to_utc_ms(*parse_iso8601("2024-12-31T23:59:59"), 0)) == "2024-12-31T23:59:59Z");
}
