#pragma once
// Progress over weeks, for the window and the report: the per-day totals of the last year kept
// current as answers are recorded, the weekly goal, streaks, and this week's mastery snapshot. It
// owns its slices of the view state (ViewState::progress and the answer counts Home shows) and
// the goal and chart actions.
#include <cstdint>
#include <optional>
#include <vector>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/clock.hpp"
#include "core/bank.hpp"
#include "core/progress.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class Study;
struct TopicStatus;

class ProgressController {
 public:
  ProgressController(store::Store& store, const core::Bank& bank, std::int64_t profile_id, const Clock& clock,
                     const Study& study, ViewState& view);

  Changes handle(const action::SetGoal&);
  Changes handle(const action::SetProgressWeeks&);
  Changes handle(const action::SetMasteryRole&);

  void refresh();
  // The mastery-over-time lines alone, from the weekly snapshots (after one was recorded).
  void refresh_mastery_lines();
  // After answers were recorded: today's totals and the answer counts (cheap: a few rows), then
  // the figures drawn from them.
  void refresh_after_answers();
  // Keeps this week's mastery of every role and topic for the mastery-over-time chart; writes
  // only the pairs whose score moved since it was last stored.
  void record_mastery_snapshot(const std::vector<TopicStatus>& topics);

  // The last `weeks` ISO weeks (this one included), oldest first, from the per-day totals.
  std::vector<core::WeekTotals> weekly(int weeks) const;
  std::optional<core::WeeklyGoal> goal() const;

 private:
  // Re-reads the per-day totals of the last days after answers were recorded (two rows).
  void refresh_recent_days();
  void refresh_answer_counts();
  // Figures from the per-day totals (redone after each answer) and the mastery lines from the
  // weekly snapshots (redone only when those or the chart's choices change).
  void refresh_figures();

  store::Store& store_;
  const core::Bank& bank_;
  std::int64_t profile_id_;
  const Clock& clock_;
  const Study& study_;
  ViewState& view_;
  std::vector<core::DayTotals> days_;  // the last 53 weeks of per-day totals, kept current
  // This week's snapshot as stored, per role x topic, so a snapshot writes only what changed.
  std::optional<core::LocalDay> written_week_;
  std::vector<std::optional<double>> written_scores_;
};

}  // namespace rp::app
