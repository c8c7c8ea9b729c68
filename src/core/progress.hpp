#pragma once
// Weekly figures from per-day totals: answers, accuracy, minutes, true retention and the goal.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace rp::core {

struct DayTotals {
  LocalDay day = 0;
  std::int64_t answers = 0;      // every answer, questionnaire included
  std::int64_t graded = 0;       // answers that were right or wrong
  std::int64_t correct = 0;
  std::int64_t study_ms = 0;     // time spent, each answer capped at two minutes
  std::int64_t due_reviews = 0;  // review answers to questions that were due
  std::int64_t due_correct = 0;
};

// A goal in answers counts quiz and review answers (graded ones); questionnaire answers have no
// right or wrong and would make a week look busier and less accurate than it was.
struct WeeklyGoal {
  enum class Unit { answers, minutes };
  static constexpr int max_target = 100'000;
  Unit unit = Unit::answers;
  int target = 50;

  bool valid() const { return target >= 1 && target <= max_target; }
  friend bool operator==(const WeeklyGoal&, const WeeklyGoal&) = default;
};

// "answers" or "minutes", as the goal's unit is stored and written.
constexpr std::string_view to_string(WeeklyGoal::Unit unit) { return unit == WeeklyGoal::Unit::minutes ? "minutes" : "answers"; }

struct WeekTotals {
  LocalDay monday = 0;
  IsoWeek week;
  std::int64_t answers = 0, graded = 0, correct = 0, study_ms = 0, due_reviews = 0, due_correct = 0;
  int days_studied = 0;
  bool goal_met = false;

  double minutes() const { return static_cast<double>(study_ms) / 60'000.0; }
  std::optional<double> accuracy() const;        // right share of graded answers
  std::optional<double> true_retention() const;  // right share of due reviews
};

// `weeks` consecutive ISO weeks starting at the week holding `first_day`, oldest first, with
// empty weeks included. `days` may come in any order and hold days outside the range.
std::vector<WeekTotals> weekly_totals(const std::vector<DayTotals>& days, LocalDay first_day, int weeks,
                                      const std::optional<WeeklyGoal>& goal);

// How far a week has come toward the goal, in the goal's unit.
double goal_value(const WeekTotals& week, const WeeklyGoal& goal);

}  // namespace rp::core
