#include "app/clock.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

namespace rp::app {

Clock Clock::system() { return Clock{}; }

Clock Clock::starting_at(core::TimeMs start) {
  Clock clock;
  clock.start_ = start;
  return clock;
}

Clock Clock::fixed_at(core::TimeMs time) {
  Clock clock = starting_at(time);
  clock.fixed_ = true;
  return clock;
}

Clock Clock::from_environment() {
  const char* text = std::getenv("ROLEPATH_NOW");
  if (!text || !*text) return system();
  const auto civil = core::parse_iso8601(text);
  if (!civil)
    throw std::runtime_error(fmt::format("ROLEPATH_NOW='{}' is not an ISO 8601 time such as 2026-03-02T18:00:00", text));
  if (civil->utc_offset_minutes) return starting_at(core::to_utc_ms(*civil, *civil->utc_offset_minutes));
  return starting_at(from_local_wall(core::to_utc_ms(*civil, 0)));
}

core::TimeMs Clock::now() const {
  using namespace std::chrono;
  if (start_ && fixed_) return *start_;
  if (start_) return *start_ + duration_cast<milliseconds>(steady_clock::now() - started_).count();
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void Clock::set(core::TimeMs time) {
  start_ = time;
  started_ = std::chrono::steady_clock::now();
}

core::LocalDay Clock::local_day(core::TimeMs at) { return core::local_day(at, local_offset_minutes(at)); }

core::LocalDay Clock::learner_day(core::TimeMs at, core::DayStart start) {
  return core::learner_day(at, local_offset_minutes(at), start);
}

core::TimeMs Clock::learner_day_start(core::LocalDay day, core::DayStart start) {
  return from_local_wall((day * 24 + std::clamp(start.hour, 0, 23)) * core::TimeMs{3'600'000});
}

core::TimeMs Clock::from_local_wall(core::TimeMs wall) {
  const auto guess = wall - core::TimeMs{60'000} * local_offset_minutes(wall);
  return wall - core::TimeMs{60'000} * local_offset_minutes(guess);
}

int Clock::local_offset_minutes(core::TimeMs at) {
  const std::time_t seconds = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::string Clock::local_date_time(core::TimeMs at) {
  const auto offset = local_offset_minutes(at);
  const auto minute_of_day = (((at + offset * 60'000LL) / 60'000) % 1440 + 1440) % 1440;
  return fmt::format("{} at {:02}:{:02}", core::format_local_date(at, offset), minute_of_day / 60, minute_of_day % 60);
}

}  // namespace rp::app
