#pragma once
// A walk of the clock and the zone that once crashed every start: a year each way, 2100 and
// 9999 and back, both New York DST changes, and the date line crossed both ways.
namespace rp::test {

struct ClockStep {
  const char* zone;  // TZ
  const char* now;   // ROLEPATH_NOW: local time, or UTC with a Z
};

inline constexpr ClockStep clock_walk[] = {
    {"America/New_York", "2026-03-02T18:00:00"},
    {"America/New_York", "2027-03-02T18:00:00"},  // forward a year
    {"America/New_York", "2026-03-02T19:00:00"},  // and back
    {"America/New_York", "2025-03-02T18:00:00"},  // a year before any answer
    {"America/New_York", "2100-01-01T12:00:00"},
    {"America/New_York", "9999-12-31T12:00:00"},
    {"America/New_York", "2026-03-03T18:00:00"},  // back to 2026 with all of that stored
    {"America/New_York", "2026-03-07T23:30:00"},  // the eve of the spring change
    {"America/New_York", "2026-03-08T03:30:00"},  // just after it
    {"America/New_York", "2026-10-31T23:30:00"},  // the eve of the autumn change
    {"America/New_York", "2026-11-01T01:30:00"},  // the hour that happens twice
    {"Pacific/Kiritimati", "2026-11-03T09:30:00Z"},  // 23:30 on the 3rd at UTC+14
    {"Pacific/Pago_Pago", "2026-11-03T10:00:00Z"},   // half an hour on: 23:00 on the 2nd at UTC-11
    {"Pacific/Kiritimati", "2026-11-03T11:00:00Z"},  // and back over the line: the 4th
    {"UTC", "2026-03-02T18:00:00Z"},
};

}  // namespace rp::test
