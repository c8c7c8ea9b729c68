#include "core/time.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/calendar.hpp"

namespace rp::core {

namespace {
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // Reads exactly `digits` decimal digits.
  std::optional<int> number(int digits) {
    int value = 0;
    for (int i = 0; i < digits; ++i) {
      if (pos_ >= text_.size() || !std::isdigit(static_cast<unsigned char>(text_[pos_]))) return std::nullopt;
      value = value * 10 + (text_[pos_++] - '0');
    }
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}
}  // namespace

std::optional<CivilTime> parse_iso8601(std::string_view text) {
  Cursor in(text);
  CivilTime t;
  auto year = in.number(4);
  if (!year || !in.take('-')) return std::nullopt;
  auto month = in.number(2);
  if (!month || !in.take('-')) return std::nullopt;
  auto day = in.number(2);
  if (!day) return std::nullopt;
  t.year = *year;
  t.month = *month;
  t.day = *day;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) return std::nullopt;
  if (in.done()) return t;
  if (!in.take('T') && !in.take(' ')) return std::nullopt;
  auto hour = in.number(2);
  if (!hour || !in.take(':')) return std::nullopt;
  auto minute = in.number(2);
  if (!minute) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  if (in.take(':')) {
    auto second = in.number(2);
    if (!second) return std::nullopt;
    t.second = *second;
    if (in.take('.')) {
      auto millis = in.number(3);
      if (!millis) return std::nullopt;
      t.millisecond = *millis;
    }
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
  if (in.take('Z')) {
    t.utc_offset_minutes = 0;
  } else if (in.peek() == '+' || in.peek() == '-') {
    const bool negative = in.peek() == '-';
    in.take(in.peek());
    auto oh = in.number(2);
    if (!oh || !in.take(':')) return std::nullopt;
    auto om = in.number(2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    t.utc_offset_minutes = (negative ? -1 : 1) * (*oh * 60 + *om);
  }
  if (!in.done()) return std::nullopt;
  return t;
}

std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

TimeMs to_utc_ms(const CivilTime& t, int utc_offset_minutes) {
  const std::int64_t days = days_from_civil(t.year, t.month, t.day);
  const std::int64_t seconds = days * 86400 + t.hour * 3600 + t.minute * 60 + t.second -
                               static_cast<std::int64_t>(utc_offset_minutes) * 60;
  return seconds * 1000 + t.millisecond;
}

std::string format_iso8601_utc(TimeMs time) {
  std::int64_t seconds = time / 1000;
  if (time % 1000 < 0) --seconds;
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const CivilDate date = civil_from_day(days);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", date.year, date.month, date.day, rem / 3600, (rem % 3600) / 60, rem % 60);
}

std::string format_local_date(TimeMs time, int utc_offset_minutes) {
  return format_iso8601_utc(time + static_cast<TimeMs>(utc_offset_minutes) * 60'000).substr(0, 10);
}

}  // namespace rp::core
