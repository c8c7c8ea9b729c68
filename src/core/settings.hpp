#pragma once
// Settings whose value is always one the app offers. Each takes any input (a slider, a stored
// string, an old file) in its one constructor and keeps the nearest allowed value, so no caller
// clamps on its own and no two places can disagree on the range.
namespace rp::core {

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
