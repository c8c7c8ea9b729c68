// The App's progress and profile parts: weekly figures kept current as answers are recorded,
// mastery snapshots, and the list of learners.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "app/app.hpp"

namespace rp::app {

namespace {
std::size_t utf8_length(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}
}  // namespace

std::string App::checked_profile_name(const std::string& name) {
  if (name.find_first_not_of(" \t\r\n") == std::string::npos) throw std::invalid_argument("a profile needs a name");
  if (utf8_length(name) > max_profile_name)
    throw std::invalid_argument(fmt::format("a profile name may be at most {} characters", max_profile_name));
  return name;
}

void App::refresh_profiles() {
  view_.profiles.clear();
  for (const auto& profile : store::Profiles(*store_).list())
    view_.profiles.push_back(
        {profile.id, profile.name, store::Answers(*store_).count(profile.id), profile.id == profile_.id});
}

void App::record_mastery_snapshot() {
  const auto monday = core::monday_of(Clock::local_day(clock_.now()));
  const auto topics = study_->mastery();
  store_->in_transaction([&] {
    store::MasterySnapshots snapshots(*store_);
    for (const auto& t : topics)
      snapshots.put(profile_.id, {monday, bank_.roles[t.role].id, bank_.topics[t.topic].id, t.mastery.score});
  });
}

void App::refresh_recent_days() {
  // Answers only ever land on today (or, around midnight, yesterday): re-read those two rows.
  const auto today = Clock::local_day(clock_.now());
  const auto fresh = store::DailyActivity(*store_).range(profile_.id, today - 1, today);
  std::erase_if(days_, [&](const core::DayTotals& d) { return d.day >= today - 1; });
  days_.insert(days_.end(), fresh.begin(), fresh.end());
}

std::optional<store::Goal> App::goal() const { return store::Goals(*store_).get(profile_.id); }

std::vector<core::WeekTotals> App::weekly(int weeks) const {
  const auto today = Clock::local_day(clock_.now());
  const auto first = core::monday_of(today) - static_cast<core::LocalDay>(weeks - 1) * 7;
  const auto row = goal();
  std::optional<core::WeeklyGoal> weekly_goal;
  if (row)
    weekly_goal = core::WeeklyGoal{row->unit == "minutes" ? core::WeeklyGoal::Unit::minutes : core::WeeklyGoal::Unit::answers,
                                   row->weekly_target};
  return core::weekly_totals(store::DailyActivity(*store_).range(profile_.id, first, today), first, weeks, weekly_goal);
}

void App::refresh_progress_view() {
  ProgressView& v = view_.progress;
  const auto today = Clock::local_day(clock_.now());
  const auto goal_row = store::Goals(*store_).get(profile_.id);
  std::optional<core::WeeklyGoal> goal;
  if (goal_row) {
    goal = core::WeeklyGoal{goal_row->unit == "minutes" ? core::WeeklyGoal::Unit::minutes : core::WeeklyGoal::Unit::answers,
                            goal_row->weekly_target};
    v.has_goal = true;
    v.goal_unit = goal_row->unit;
    v.goal_target = goal_row->weekly_target;
  } else {
    v.has_goal = false;
  }

  // Weekly figures for the last 52 weeks; the screen shows the last weeks_shown of them.
  const auto this_monday = core::monday_of(today);
  const auto weeks = core::weekly_totals(days_, this_monday - 51 * 7, 52, goal);
  v.this_week = goal ? core::goal_value(weeks.back(), *goal) : static_cast<double>(weeks.back().graded);
  v.weeks.clear();
  for (std::size_t i = weeks.size() - static_cast<std::size_t>(v.weeks_shown); i < weeks.size(); ++i) {
    const auto& w = weeks[i];
    v.weeks.push_back({core::to_string(w.week), core::format_day(w.monday), w.graded, w.accuracy(), w.minutes(),
                       w.true_retention(), w.goal_met});
  }

  // The calendar: 26 weeks of days, coloured by answers relative to the busiest day shown.
  v.heat.clear();
  const auto first_day = this_monday - 25 * 7;
  std::int64_t busiest = 1;
  for (const auto& d : days_)
    if (d.day >= first_day) busiest = std::max(busiest, d.graded);
  for (auto day = first_day; day < this_monday + 7; ++day) {
    HeatDay cell;
    cell.date = core::format_day(day);
    cell.future = day > today;
    const auto it = std::find_if(days_.begin(), days_.end(), [&](const core::DayTotals& d) { return d.day == day; });
    if (it != days_.end()) {
      cell.answers = it->graded;
      cell.correct = it->correct;
      cell.minutes = static_cast<double>(it->study_ms) / 60'000.0;
      cell.level = it->graded == 0 ? 0 : 1 + static_cast<int>(3 * (it->graded - 1) / busiest);
    }
    v.heat.push_back(std::move(cell));
  }

  // Mastery over the shown weeks for the chosen role, a line per topic.
  v.mastery.clear();
  const auto first_monday = this_monday - (v.weeks_shown - 1) * 7;
  const auto points = store::MasterySnapshots(*store_).since(profile_.id, first_monday);
  const auto& role_id = bank_.roles.empty() ? std::string() : bank_.roles[std::min(v.mastery_role, bank_.roles.size() - 1)].id;
  for (const auto& topic : bank_.topics) {
    MasteryLine line{topic.name, std::vector<std::optional<double>>(static_cast<std::size_t>(v.weeks_shown))};
    for (const auto& p : points)
      if (p.role == role_id && p.topic == topic.id) line.scores[static_cast<std::size_t>((p.week_monday - first_monday) / 7)] = p.score;
    v.mastery.push_back(std::move(line));
  }

  // Streaks (shown only when the learner turned them on).
  std::set<core::LocalDay> studied, weeks_met;
  for (const auto& d : days_)
    if (d.answers > 0) studied.insert(d.day);
  for (const auto& w : weeks)
    if (w.goal_met) weeks_met.insert(w.monday);
  v.day_streak = core::day_streak(studied, today, study_->settings().rest_days);
  v.week_streak = goal ? core::week_streak(weeks_met, today) : 0;
}

}  // namespace rp::app
