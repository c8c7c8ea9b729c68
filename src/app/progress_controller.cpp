#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "app/progress_controller.hpp"
#include "app/study.hpp"
#include "store/repositories.hpp"
#include "store/local_day_queries.hpp"

namespace rp::app {

ProgressController::ProgressController(store::Store& store, const core::Bank& bank, std::int64_t profile_id,
                                       const Clock& clock, const Study& study, ViewState& view)
    : store_(store), bank_(bank), profile_id_(profile_id), clock_(clock), study_(study), view_(view) {
  const auto today = Clock::local_day(clock_.now());
  days_ = store::DailyActivity(store_).range(profile_id_, core::monday_of(today) - 52 * 7, today);
}

void ProgressController::record_mastery_snapshot(const std::vector<TopicStatus>& topics) {
  const auto monday = core::monday_of(Clock::local_day(clock_.now()));
  const core::BankIndex& index = study_.index();
  // What this week's snapshot already holds, read once a week: a start or a session's end then
  // writes only the pairs whose mastery moved, not every role x topic of a large bank.
  if (written_week_ != monday || written_scores_.size() != index.slots()) {
    std::unordered_map<std::string_view, std::size_t> role_of, topic_of;
    for (std::size_t r = 0; r < bank_.roles.size(); ++r) role_of.emplace(bank_.roles[r].id, r);
    for (std::size_t t = 0; t < bank_.topics.size(); ++t) topic_of.emplace(bank_.topics[t].id, t);
    written_scores_.assign(index.slots(), std::nullopt);
    for (const auto& point : store::mastery_week(store_, profile_id_, monday)) {
      const auto role = role_of.find(point.role);
      const auto topic = topic_of.find(point.topic);
      if (role != role_of.end() && topic != topic_of.end()) written_scores_[index.slot(role->second, topic->second)] = point.score;
    }
    written_week_ = monday;
  }
  std::vector<std::pair<std::size_t, double>> changed;
  for (const auto& t : topics) {
    const auto slot = index.slot(t.role, t.topic);
    if (slot < written_scores_.size() && written_scores_[slot] != t.mastery.score) changed.emplace_back(slot, t.mastery.score);
  }
  if (changed.empty()) return;
  store_.in_transaction([&] {
    store::MasterySnapshots snapshots(store_);
    for (const auto& [slot, score] : changed)
      snapshots.put(profile_id_, {monday, bank_.roles[index.role_of(slot)].id, bank_.topics[index.topic_of(slot)].id, score});
  });
  // Only once committed: a failed write leaves the cache saying "not stored yet".
  for (const auto& [slot, score] : changed) written_scores_[slot] = score;
}

void ProgressController::refresh_recent_days() {
  // Answers only ever land on today (or, around midnight, yesterday): re-read those two rows.
  const auto today = Clock::local_day(clock_.now());
  const auto fresh = store::DailyActivity(store_).range(profile_id_, today - 1, today);
  std::erase_if(days_, [&](const core::DayTotals& d) { return d.day >= today - 1; });
  days_.insert(days_.end(), fresh.begin(), fresh.end());
}

std::optional<core::WeeklyGoal> ProgressController::goal() const {
  const auto row = store::Goals(store_).get(profile_id_);
  if (!row) return std::nullopt;
  return core::WeeklyGoal{row->unit == "minutes" ? core::WeeklyGoal::Unit::minutes : core::WeeklyGoal::Unit::answers,
                          row->weekly_target};
}

std::vector<core::WeekTotals> ProgressController::weekly(int weeks) const {
  const auto today = Clock::local_day(clock_.now());
  const auto first = core::monday_of(today) - static_cast<core::LocalDay>(weeks - 1) * 7;
  return core::weekly_totals(store::DailyActivity(store_).range(profile_id_, first, today), first, weeks, goal());
}

Changes ProgressController::handle(const action::SetGoal& a) {
  if (!a.goal.valid())
    throw std::invalid_argument(fmt::format("a weekly goal is a number of answers or minutes from 1 to {}", core::WeeklyGoal::max_target));
  store::Goals(store_).set(profile_id_, {std::string(core::to_string(a.goal.unit)), a.goal.target}, clock_.now());
  return Changes::progress;
}

Changes ProgressController::handle(const action::SetProgressWeeks& a) {
  view_.progress.weeks_shown = a.weeks == 52 ? 52 : (a.weeks == 26 ? 26 : 12);
  return Changes::progress;
}

Changes ProgressController::handle(const action::SetMasteryRole& a) {
  if (a.role < bank_.roles.size()) view_.progress.mastery_role = a.role;
  return Changes::progress;
}

void ProgressController::refresh_answer_counts() {
  store::Answers answers(store_);
  view_.answers_total = answers.count(profile_id_);
  view_.graded_answers_total = answers.count_graded(profile_id_);
}

void ProgressController::refresh_after_answers() {
  refresh_recent_days();
  refresh_answer_counts();
  refresh_figures();
}

void ProgressController::refresh() {
  refresh_answer_counts();
  refresh_figures();
  refresh_mastery_lines();
}

void ProgressController::refresh_figures() {
  ProgressView& v = view_.progress;
  const auto today = Clock::local_day(clock_.now());
  const auto goal = this->goal();
  v.has_goal = goal.has_value();
  if (goal) v.goal = *goal;

  // Weekly figures for the last 52 weeks; the screen shows the last weeks_shown of them.
  const auto this_monday = core::monday_of(today);
  const auto weeks = core::weekly_totals(days_, this_monday - 51 * 7, 52, goal);
  v.this_week = goal ? core::goal_value(weeks.back(), *goal) : static_cast<double>(weeks.back().graded);
  v.weeks.clear();
  const auto shown = std::min(weeks.size(), static_cast<std::size_t>(std::max(v.weeks_shown, 1)));
  for (std::size_t i = weeks.size() - shown; i < weeks.size(); ++i) {
    const auto& w = weeks[i];
    v.weeks.push_back({core::to_string(w.week), core::format_day(w.monday), w.graded, w.accuracy(), w.minutes(),
                       w.true_retention(), w.goal_met});
  }

  // The calendar: 26 weeks of days, coloured by answers relative to the busiest day shown. Days
  // kept from another clock setting (later than today, or long ago) fall outside and are left out.
  constexpr std::size_t calendar_days = 26 * 7;
  const auto first_day = this_monday - 25 * 7;
  v.heat.assign(calendar_days, HeatDay{});
  std::int64_t busiest = 1;
  for (const auto& d : days_)
    if (core::period_index(d.day, first_day, 1, calendar_days) && d.day <= today) busiest = std::max(busiest, d.graded);
  for (std::size_t i = 0; i < calendar_days; ++i) {
    const auto day = first_day + static_cast<core::LocalDay>(i);
    v.heat[i].date = core::format_day(day);
    v.heat[i].future = day > today;
  }
  for (const auto& d : days_) {
    const auto i = core::period_index(d.day, first_day, 1, calendar_days);
    if (!i || d.day > today) continue;
    HeatDay& cell = v.heat[*i];
    cell.answers = d.graded;
    cell.correct = d.correct;
    cell.minutes = static_cast<double>(d.study_ms) / 60'000.0;
    cell.level = d.graded <= 0 ? 0 : 1 + static_cast<int>(3 * (d.graded - 1) / busiest);
  }

  // Streaks (shown only when the learner turned them on); days after today do not count.
  std::set<core::LocalDay> studied, weeks_met;
  for (const auto& d : days_)
    if (d.answers > 0 && d.day <= today) studied.insert(d.day);
  for (const auto& w : weeks)
    if (w.goal_met) weeks_met.insert(w.monday);
  v.day_streak = core::day_streak(studied, today, study_.settings().rest_days);
  v.week_streak = goal ? core::week_streak(weeks_met, today) : 0;
}

void ProgressController::refresh_mastery_lines() {
  // Mastery over the shown weeks for the chosen role, a line per topic. Each week's rows are
  // read by their week, so a snapshot dated after today (the clock was set back) is never read.
  ProgressView& v = view_.progress;
  v.mastery.clear();
  if (bank_.roles.empty()) return;
  const auto weeks = static_cast<std::size_t>(std::clamp(v.weeks_shown, 1, 52));
  const auto first_monday = core::monday_of(Clock::local_day(clock_.now())) - static_cast<core::LocalDay>(weeks - 1) * 7;
  const auto role = std::min(v.mastery_role, bank_.roles.size() - 1);
  const auto& role_id = bank_.roles[role].id;
  std::unordered_map<std::string_view, std::size_t> topic_of;
  v.mastery.reserve(bank_.topics.size());
  for (std::size_t t = 0; t < bank_.topics.size(); ++t) {
    if (view_.topics[t].questions_per_role[role] == 0) continue;  // not on this role's path
    topic_of.emplace(bank_.topics[t].id, v.mastery.size());
    v.mastery.push_back({bank_.topics[t].name, std::vector<std::optional<double>>(weeks)});
  }
  for (std::size_t w = 0; w < weeks; ++w)
    for (const auto& p : store::mastery_week(store_, profile_id_, first_monday + static_cast<core::LocalDay>(w) * 7, role_id))
      if (const auto topic = topic_of.find(p.topic); topic != topic_of.end()) v.mastery[topic->second].scores[w] = p.score;
}

}  // namespace rp::app
