// Progress: this week against the goal, a calendar of study days, weekly figures, mastery over
// time, role-fit history, reviews coming up, and (opt-in) streaks. Charts use ImGui draw lists;
// exact numbers are in tooltips.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {

ImU32 with_alpha(ImU32 colour, float alpha) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  c.w = alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

void goal_section(const Frame& f) {
  const auto& p = f.view.progress;
  auto& ui = f.ui;
  section_title(f, "This week");
  if (p.has_goal && !ui.editing_goal) {
    const float fraction = static_cast<float>(std::min(1.0, p.this_week / std::max(1, p.goal.target)));
    const std::string overlay = fmt::format("{:.0f} of {} {}", p.this_week, p.goal.target, core::to_string(p.goal.unit));
    // The bar leaves room for its button on the same line, however narrow the window.
    const float button = ImGui::CalcTextSize("Change goal").x + 2 * ImGui::GetStyle().FramePadding.x;
    const float room = ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x;
    ImGui::ProgressBar(fraction, ImVec2(std::clamp(room, 120 * f.fonts.scale, 520 * f.fonts.scale), 0), overlay.c_str());
    ButtonRow row(true);
    if (row.button("Change goal")) {
      ui.editing_goal = true;
      ui.goal_unit = static_cast<int>(p.goal.unit);
      ui.goal_target = p.goal.target;
    }
  } else {
    if (!p.has_goal) paragraph(fmt::format("{:.0f} answers so far this week. Set a weekly goal to track it.", p.this_week));
    ImGui::AlignTextToFramePadding();
    text("Weekly goal:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::InputInt("##target", &ui.goal_target, 5, 25);
    ui.goal_target = std::clamp(ui.goal_target, 1, core::WeeklyGoal::max_target);
    ButtonRow row(true);
    row.radio("answers", &ui.goal_unit, static_cast<int>(core::WeeklyGoal::Unit::answers));
    row.radio("minutes", &ui.goal_unit, static_cast<int>(core::WeeklyGoal::Unit::minutes));
    if (row.primary(f, "Save goal")) {
      f.actions.push(app::action::SetGoal{{static_cast<core::WeeklyGoal::Unit>(ui.goal_unit), ui.goal_target}});
      ui.editing_goal = false;
    }
    if (p.has_goal && row.button("Cancel")) ui.editing_goal = false;
  }
  if (f.view.study.settings.streaks) {
    muted(fmt::format("{}-day study streak ({} rest day{} a week allowed) · {} week{} in a row meeting your goal",
                      p.day_streak, f.view.study.settings.rest_days, f.view.study.settings.rest_days == 1 ? "" : "s",
                      p.week_streak, p.week_streak == 1 ? "" : "s"));
  }
}

void heatmap(const Frame& f) {
  const auto& heat = f.view.progress.heat;
  section_title(f, "Study days, last 26 weeks");
  const float s = f.fonts.scale;
  const float gap = 3 * s;
  const float label_width = 34 * s;
  // Cells grow with the window, up to a size that still reads as a calendar.
  const float cell = std::clamp((ImGui::GetContentRegionAvail().x - label_width) / 26 - gap, 10 * s, 22 * s);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  static constexpr const char* rows[] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
  ImGui::PushFont(f.fonts.small);
  for (int r = 0; r < 7; ++r)
    if (*rows[r]) draw->AddText(ImVec2(at.x, at.y + static_cast<float>(r) * (cell + gap) - 1), f.colors.muted_text, rows[r]);
  ImGui::PopFont();
  const ImU32 empty = ImGui::GetColorU32(ImGuiCol_FrameBg);
  std::optional<std::size_t> hovered;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < heat.size(); ++i) {
    const float x = at.x + label_width + static_cast<float>(i / 7) * (cell + gap);
    const float y = at.y + static_cast<float>(i % 7) * (cell + gap);
    const auto& day = heat[i];
    ImU32 colour = empty;
    if (day.level > 0) colour = with_alpha(f.colors.accent, 0.25f + 0.25f * static_cast<float>(day.level - 1));
    if (!day.future) draw->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), colour, 2 * s);
    if (mouse.x >= x && mouse.x < x + cell && mouse.y >= y && mouse.y < y + cell) hovered = i;
  }
  const float width = label_width + 26 * (cell + gap);
  ImGui::InvisibleButton("heatmap", ImVec2(width, 7 * (cell + gap)));
  if (hovered && ImGui::IsItemHovered() && !heat[*hovered].future) {
    const auto& day = heat[*hovered];
    ImGui::SetTooltip("%s", day.answers == 0 ? fmt::format("{}: no study", day.date).c_str()
                                              : fmt::format("{}: {} answers, {} right, {:.0f} min", day.date,
                                                            day.answers, day.correct, day.minutes).c_str());
  }
}

// Bars for one weekly figure; `value` gives each week's number (or nothing to leave it blank).
template <typename Value>
void weekly_bars(const Frame& f, const char* id, const char* title, Value value, double top, const char* format,
                 std::optional<double> goal_line) {
  const auto& weeks = f.view.progress.weeks;
  const float s = f.fonts.scale;
  text_in(f.fonts.bold, title);
  const float width = ImGui::GetContentRegionAvail().x - 12 * s;
  const float height = std::clamp(width * 0.18f, 64 * s, 120 * s);
  const float slot = width / static_cast<float>(weeks.size());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(at.x, at.y + height), ImVec2(at.x + width, at.y + height), f.colors.card_border, 1 * s);
  std::optional<std::size_t> hovered;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const float x = at.x + static_cast<float>(i) * slot;
    if (mouse.x >= x && mouse.x < x + slot && mouse.y >= at.y && mouse.y < at.y + height) hovered = i;
    const std::optional<double> v = value(weeks[i]);
    if (!v || top <= 0) continue;
    const float h = static_cast<float>(std::min(1.0, *v / top)) * height;
    const ImU32 colour = i + 1 == weeks.size() ? f.colors.accent : with_alpha(f.colors.accent, 0.55f);
    draw->AddRectFilled(ImVec2(x + slot * 0.15f, at.y + height - h), ImVec2(x + slot * 0.85f, at.y + height), colour, 2 * s);
  }
  if (goal_line && top > 0) {
    const float y = at.y + height - static_cast<float>(std::min(1.0, *goal_line / top)) * height;
    draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + width, y), with_alpha(f.colors.goal_line, 0.8f), 1.5f * s);
  }
  bool any = false;
  for (const auto& w : weeks) any = any || value(w).has_value();
  if (!any) {
    const char* none = "No data yet";
    const ImVec2 size = ImGui::CalcTextSize(none);
    draw->AddText(ImVec2(at.x + (width - size.x) / 2, at.y + (height - size.y) / 2), f.colors.muted_text, none);
  }
  ImGui::InvisibleButton(id, ImVec2(width, height));
  if (hovered && ImGui::IsItemHovered()) {
    const auto& w = weeks[*hovered];
    const auto v = value(w);
    const std::string figure = v ? fmt::format(fmt::runtime(format), *v) : std::string("no data");
    ImGui::SetTooltip("%s", fmt::format("{} (from {}): {}", w.label, w.starts, figure).c_str());
  }
  note(f, fmt::format("{} to {}", weeks.front().label, weeks.back().label));
}

void weekly_section(const Frame& f) {
  const auto& p = f.view.progress;
  section_title(f, "Week by week");
  ButtonRow ranges;
  for (int weeks : {12, 26, 52}) {
    ImGui::PushID(weeks);
    int shown = p.weeks_shown;
    if (ranges.radio(fmt::format("{} weeks", weeks).c_str(), &shown, weeks) && shown != p.weeks_shown)
      f.actions.push(app::action::SetProgressWeeks{weeks});
    ImGui::PopID();
  }
  double most_answers = 1, most_minutes = 1;
  for (const auto& w : p.weeks) {
    most_answers = std::max(most_answers, static_cast<double>(w.answers));
    most_minutes = std::max(most_minutes, w.minutes);
  }
  const bool answers_goal = p.has_goal && p.goal.unit == core::WeeklyGoal::Unit::answers;
  const bool minutes_goal = p.has_goal && p.goal.unit == core::WeeklyGoal::Unit::minutes;
  if (answers_goal) most_answers = std::max(most_answers, static_cast<double>(p.goal.target));
  if (minutes_goal) most_minutes = std::max(most_minutes, static_cast<double>(p.goal.target));
  // Two charts a row keep the four weekly figures on one screen.
  if (!ImGui::BeginTable("weekly-charts", 2, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::TableNextColumn();
  weekly_bars(f, "answers", "Answers", [](const app::WeekBar& w) { return std::optional<double>(static_cast<double>(w.answers)); },
              most_answers, "{:.0f} answers", answers_goal ? std::optional<double>(p.goal.target) : std::nullopt);
  ImGui::TableNextColumn();
  weekly_bars(f, "accuracy", "Accuracy", [](const app::WeekBar& w) {
    return w.accuracy ? std::optional<double>(*w.accuracy * 100) : std::nullopt;
  }, 100.0, "{:.0f}% right", std::nullopt);
  ImGui::TableNextColumn();
  weekly_bars(f, "minutes", "Minutes studied", [](const app::WeekBar& w) { return std::optional<double>(w.minutes); },
              most_minutes, "{:.0f} minutes", minutes_goal ? std::optional<double>(p.goal.target) : std::nullopt);
  ImGui::TableNextColumn();
  weekly_bars(f, "retention", "True retention (due reviews right)", [](const app::WeekBar& w) {
    return w.retention ? std::optional<double>(*w.retention * 100) : std::nullopt;
  }, 100.0, "{:.0f}% of due reviews right", std::nullopt);
  ImGui::EndTable();
  if (p.has_goal) {
    note(f, "The orange line is your weekly goal.");
  }
}

void mastery_section(const Frame& f) {
  const auto& p = f.view.progress;
  const float s = f.fonts.scale;
  auto& focus = f.ui.mastery_focus;
  section_title(f, "Mastery over time");
  ButtonRow roles;
  for (std::size_t r = 0; r < f.view.roles.size(); ++r) {
    ImGui::PushID(static_cast<int>(r));
    int shown = static_cast<int>(p.mastery_role);
    if (roles.radio(f.view.roles[r].name.c_str(), &shown, static_cast<int>(r)) && r != p.mastery_role) {
      f.actions.push(app::action::SetMasteryRole{r});
      focus = -1;
    }
    ImGui::PopID();
  }
  if (focus >= static_cast<int>(p.mastery.size())) focus = -1;

  // The legend sits beside the chart when there is room, below it otherwise.
  float legend_width = 0;
  ImGui::PushFont(f.fonts.small);
  for (const auto& line : p.mastery) legend_width = std::max(legend_width, ImGui::CalcTextSize(line.topic.c_str()).x);
  ImGui::PopFont();
  legend_width += 40 * s;
  const float available = ImGui::GetContentRegionAvail().x;
  const bool legend_beside = available - legend_width >= 360 * s;
  const float width = legend_beside ? available - legend_width - ImGui::GetStyle().ItemSpacing.x : available;
  const float height = std::clamp(width * 0.3f, 140 * s, 260 * s);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), f.colors.card, 6 * s);
  for (double level : {0.40, 0.65, 0.85}) {
    const float y = at.y + height - static_cast<float>(level) * height;
    draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + width, y), f.colors.card_border, 1 * s);
  }
  const std::size_t n = static_cast<std::size_t>(p.weeks_shown);
  auto x_of = [&](std::size_t i) { return at.x + 8 * s + (width - 16 * s) * static_cast<float>(i) / static_cast<float>(std::max<std::size_t>(1, n - 1)); };
  // Many topics' lines cross; a picked topic is drawn last and strong, the others faint behind it.
  auto draw_line = [&](std::size_t t, ImU32 colour, float thickness) {
    std::optional<ImVec2> previous;
    for (std::size_t i = 0; i < p.mastery[t].scores.size(); ++i) {
      const auto& score = p.mastery[t].scores[i];
      if (!score) {
        previous.reset();
        continue;
      }
      const ImVec2 point(x_of(i), at.y + height - static_cast<float>(*score) * height);
      if (previous) draw->AddLine(*previous, point, colour, thickness);
      draw->AddCircleFilled(point, thickness + 0.5f * s, colour);
      previous = point;
    }
  };
  const ImU32 faint = with_alpha(f.colors.muted_text, 0.3f);
  for (std::size_t t = 0; t < p.mastery.size(); ++t)
    if (static_cast<int>(t) != focus)
      draw_line(t, focus < 0 ? f.colors.series[t % f.colors.series.size()] : faint, focus < 0 ? 2 * s : 1 * s);
  if (focus >= 0) draw_line(static_cast<std::size_t>(focus), f.colors.series[static_cast<std::size_t>(focus) % f.colors.series.size()], 3 * s);
  ImGui::InvisibleButton("mastery-chart", ImVec2(width, height));
  if (ImGui::IsItemHovered() && n > 0) {
    const float mouse = ImGui::GetIO().MousePos.x;
    const auto i = static_cast<std::size_t>(std::clamp(std::lround((mouse - at.x - 8 * s) / (width - 16 * s) * static_cast<float>(n - 1)), 0L,
                                                       static_cast<long>(n - 1)));
    std::string tip = fmt::format("{} (from {})", p.weeks.size() == n ? p.weeks[i].label : "", p.weeks.size() == n ? p.weeks[i].starts : "");
    for (const auto& line : p.mastery)
      tip += line.scores[i] ? fmt::format("\n{}: {:.0f}%", line.topic, *line.scores[i] * 100) : fmt::format("\n{}: no record", line.topic);
    ImGui::SetTooltip("%s", tip.c_str());
  }
  // The legend: a click picks a topic's line out, another click shows them all again.
  if (legend_beside) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(f.fonts.small);
  for (std::size_t t = 0; t < p.mastery.size(); ++t) {
    ImGui::PushID(static_cast<int>(t));
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const bool picked = focus == static_cast<int>(t);
    if (ImGui::Selectable("##topic", picked, 0, ImVec2(legend_width - 8 * s, 0))) focus = picked ? -1 : static_cast<int>(t);
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(c);
    const float middle = ImGui::GetTextLineHeight() / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x + 2 * s, c.y + middle - 5 * s), ImVec2(c.x + 12 * s, c.y + middle + 5 * s),
                                              f.colors.series[t % f.colors.series.size()], 2 * s);
    ImGui::Dummy(ImVec2(16 * s, 0));
    ImGui::SameLine(0, 0);
    text(p.mastery[t].topic);
    ImGui::PopID();
  }
  ImGui::PopFont();
  ImGui::EndGroup();
  note(f, focus < 0 ? "Lines: Familiar at 40%, Proficient at 65%, Mastered at 85%. A week with no record leaves a gap. "
                      "Click a topic to pick out its line."
                    : "Lines: Familiar at 40%, Proficient at 65%, Mastered at 85%. Click the topic again to see them all.");
}
}  // namespace

void draw_progress(const Frame& f) {
  screen_heading(f, "Progress", "Your study, week by week.");
  goal_section(f);
  heatmap(f);
  weekly_section(f);
  mastery_section(f);
  section_title(f, "Which role suits you, over time");
  if (f.view.fit.history.empty()) {
    muted("Take the questionnaire on the \"Which role suits you?\" screen to see how your result moves.");
  } else {
    draw_fit_history(f);
  }
  section_title(f, "Reviews due in the next two weeks");
  draw_due_chart(f, 15);
}

}  // namespace rp::ui
