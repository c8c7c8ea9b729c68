#pragma once
// Settings whose value is always one the app offers. Each takes any input (a slider, a stored
// string, an old file) in its one constructor and keeps the nearest allowed value, so no caller
// clamps on its own and no two places can disagree on the range.
#include <fmt/format.h>

namespace rp::core {

// A number kept in [Min, Max]: anything assigned to it (a slider, a stored string read back, an
// old file) is clamped on the way in, and it reads as a plain number. NaN becomes Min.
template <class T, T Min, T Max>
class Bounded {
 public:
  static_assert(Min <= Max);
  using value_type = T;
  static constexpr T min = Min, max = Max;

  constexpr Bounded(T value)  // NOLINT(google-explicit-constructor): clamping on assignment is the point
      : value_(!(value >= Min) ? Min : (value > Max ? Max : value)) {}
  constexpr operator T() const { return value_; }  // NOLINT(google-explicit-constructor)
  constexpr T get() const { return value_; }

 private:
  T value_;
};

// The study settings' ranges (the learner's own choices in Settings).
using DesiredRetention = Bounded<double, 0.70, 0.97>;  // the recall FSRS schedules for
using DailyLimit = Bounded<int, 1, 1000>;              // review questions a day
using RestDays = Bounded<int, 0, 2>;                   // days off a week that keep a streak
using DayStartHour = Bounded<int, 0, 23>;              // when the learner's day begins, local

// The text size, in percent of the monitor's own scale, in steps of 10.
class TextSize {
 public:
  static constexpr int min = 90, max = 160, step = 10, normal = 100;
  static constexpr int steps = (max - min) / step;  // a slider's positions, less one

  constexpr TextSize() = default;
  // Clamped first, so no input can overflow; the range's ends are steps, so rounding stays in it.
  constexpr explicit TextSize(int percent) : percent_(nearest_step(percent < min ? min : (percent > max ? max : percent))) {}

  constexpr int percent() const { return percent_; }
  friend constexpr bool operator==(TextSize, TextSize) = default;

 private:
  static constexpr int nearest_step(int percent) { return (percent + step / 2) / step * step; }
  int percent_ = normal;
};

}  // namespace rp::core

template <class T, T Min, T Max>
struct fmt::formatter<rp::core::Bounded<T, Min, Max>> : fmt::formatter<T> {
  template <class FormatContext>
  auto format(const rp::core::Bounded<T, Min, Max>& value, FormatContext& ctx) const {
    return fmt::formatter<T>::format(value.get(), ctx);
  }
};
