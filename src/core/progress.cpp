#include "core/progress.hpp"

namespace rp::core {

std::optional<double> WeekTotals::accuracy() const {
  if (graded == 0) return std::nullopt;
  return static_cast<double>(correct) / static_cast<double>(graded);
}

std::optional<double> WeekTotals::true_retention() const {
  if (due_reviews == 0) return std::nullopt;
  return static_cast<double>(due_correct) / static_cast<double>(due_reviews);
}

double goal_value(const WeekTotals& week, const WeeklyGoal& goal) {
  return goal.unit == WeeklyGoal::Unit::answers ? static_cast<double>(week.graded) : week.minutes();
}

std::vector<WeekTotals> weekly_totals(const std::vector<DayTotals>& days, LocalDay first_day, int weeks,
                                      const std::optional<WeeklyGoal>& goal) {
  std::vector<WeekTotals> out(static_cast<std::size_t>(std::max(weeks, 0)));
  const LocalDay first_monday = monday_of(first_day);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].monday = first_monday + static_cast<LocalDay>(i) * 7;
    out[i].week = iso_week(out[i].monday);
  }
  for (const auto& d : days) {
    const auto index = period_index(d.day, first_monday, 7, out.size());
    if (!index) continue;
    auto& w = out[*index];
    w.answers += d.answers;
    w.graded += d.graded;
    w.correct += d.correct;
    w.study_ms += d.study_ms;
    w.due_reviews += d.due_reviews;
    w.due_correct += d.due_correct;
    if (d.answers > 0) ++w.days_studied;
  }
  if (goal)
    for (auto& w : out) w.goal_met = goal_value(w, *goal) >= goal->target;
  return out;
}

}  // namespace rp::core
