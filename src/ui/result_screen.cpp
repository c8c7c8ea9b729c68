// The role-fit result: the latest in full (or an earlier one from the history), what would tip
// it, the next steps on the suggested role's path, and the decision panel also shown on Home.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {

void draw_reasons(const Frame& f, const char* id, std::string_view title, const std::vector<app::FitReasonLine>& lines) {
  text_in(f.fonts.bold, title);
  if (lines.empty()) {
    muted("None of your answers pointed this way.");
    return;
  }
  ImGui::PushID(id);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::Bullet();
    ImGui::SameLine();
    paragraph(fmt::format("{} — you said: {}", lines[i].statement, lines[i].answer));
    ImGui::PopID();
  }
  ImGui::PopID();
}

void gap(const Frame& f, float pixels = 4) { ImGui::Dummy(ImVec2(0, pixels * f.fonts.scale)); }

}  // namespace

void draw_role_bars(const Frame& f, const std::vector<app::FitRoleBar>& bars) {
  const float s = f.fonts.scale;
  float label_width = 0;
  for (const auto& bar : bars) label_width = std::max(label_width, ImGui::CalcTextSize(bar.name.c_str()).x);
  label_width += 24 * s;
  const float available = ImGui::GetContentRegionAvail().x;
  const float value_width = ImGui::CalcTextSize("100  (100 to 100)").x + 2 * ImGui::GetStyle().ItemSpacing.x;
  // In a narrow window each name gets a line of its own, so the bar and its figures still fit.
  const bool stacked = available - label_width - value_width < 160 * s;
  const float width = std::max(60 * s, std::min(available - value_width - (stacked ? 0 : label_width), 420 * s));
  const float height = ImGui::GetFontSize() * 1.1f;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    ImGui::PushID(static_cast<int>(i));
    const float line_start = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    text(bar.name);
    if (!stacked) ImGui::SameLine(line_start + label_width);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float y = origin.y + (ImGui::GetFrameHeight() - height) / 2;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto x_at = [&](double score) { return origin.x + static_cast<float>(score / 100.0) * width; };
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + height), f.colors.accent_soft, 4 * s);
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(x_at(bar.score), y + height), f.colors.accent, 4 * s);
    // The 90% interval as a whisker across the bar.
    const float mid = y + height / 2;
    const ImU32 whisker = ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddLine(ImVec2(x_at(bar.low), mid), ImVec2(x_at(bar.high), mid), whisker, 2 * s);
    draw->AddLine(ImVec2(x_at(bar.low), y + 2 * s), ImVec2(x_at(bar.low), y + height - 2 * s), whisker, 2 * s);
    draw->AddLine(ImVec2(x_at(bar.high), y + 2 * s), ImVec2(x_at(bar.high), y + height - 2 * s), whisker, 2 * s);
    ImGui::InvisibleButton("bar", ImVec2(width, ImGui::GetFrameHeight()));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", fmt::format("{}: {:.0f} of 100 (90% interval {:.0f} to {:.0f})", bar.name, bar.score,
                                          bar.low, bar.high).c_str());
    ImGui::SameLine();
    text(fmt::format("{:.0f}  ({:.0f} to {:.0f})", bar.score, bar.low, bar.high));
    ImGui::PopID();
  }
  note(f, "Fit from 0 to 100; 50 is neutral. The line across each bar is its 90% interval.");
}

void draw_result_detail(const Frame& f, const app::ResultDetail& d) {
  ImGui::PushID("detail");
  if (d.suggested) ImGui::PushStyleColor(ImGuiCol_Text, f.colors.accent);
  ImGui::PushFont(f.fonts.title);
  paragraph(d.sentence);
  ImGui::PopFont();
  if (d.suggested) ImGui::PopStyleColor();
  note(f, d.answered > 0 ? fmt::format("Given on {}, from {} answers.", d.date, d.answered)
                         : fmt::format("Given on {}.", d.date));
  if (!d.caution.empty()) paragraph(d.caution);
  if (!d.said_then.empty())
    note(f, fmt::format("When it was given it read: \"{}\". The statements or the scoring have changed since; above is "
                        "what your answers give today.",
                        d.said_then));
  gap(f);
  draw_role_bars(f, d.bars);
  if (!d.answers_found) {
    muted("The answers behind this result are no longer in the question bank, so its reasons cannot be shown.");
    ImGui::PopID();
    return;
  }

  section_title(f, "Why");
  draw_reasons(f, "leader", fmt::format("Pointing to {}", d.leader), d.toward_leader);
  gap(f);
  draw_reasons(f, "runner", fmt::format("Pointing to {}", d.runner_up), d.toward_runner_up);

  section_title(f, "What would tip it");
  for (const auto& sentence : d.tip) paragraph(sentence);

  if (!d.split_topics.empty()) {
    section_title(f, "What would separate the roles for you");
    paragraph(fmt::format("Your answers pointed both ways on {}. Reading about the work there, then answering more "
                          "statements, would tell the roles apart for you.",
                          d.split_topics.size() == 1 ? "one topic" : fmt::format("{} topics", d.split_topics.size())));
    ImGui::PushID("split");
    for (std::size_t i = 0; i < d.split_topics.size(); ++i) {
      const auto& topic = d.split_topics[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::AlignTextToFramePadding();
      ImGui::Bullet();
      ImGui::SameLine();
      text(fmt::format("{}: {} toward {}, {} toward {}", topic.topic, topic.toward_leader, d.leader,
                       topic.toward_runner_up, d.runner_up));
      if (!topic.lesson_id.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Read the lesson")) f.actions.push(app::action::LearnOpen{topic.lesson_id, ""});
      }
      ImGui::PopID();
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

void draw_next_steps(const Frame& f) {
  const auto& all = f.view.result.next_steps;
  if (all.empty()) return;
  section_title(f, all.size() == 1 ? fmt::format("Next steps toward {}", all.front().role_name)
                                   : std::string("Next steps: try both paths"));
  const bool same_start = all.size() > 1 && std::all_of(all.begin(), all.end(), [&](const app::NextSteps& steps) {
    return steps.start_lesson_id == all.front().start_lesson_id;
  });
  if (same_start && !all.front().start_lesson_id.empty())
    paragraph("Both paths begin with the same overview lessons, so the first steps are the same whichever way you go.");
  ImGui::PushID("next-steps");
  for (const auto& steps : all) {
    ImGui::PushID(static_cast<int>(steps.role));
    if (all.size() > 1) text_in(f.fonts.bold, steps.role_name);
    paragraph(fmt::format("Readiness: {}. {} of {} lessons of its path read.",
                          steps.readiness.measured ? steps.readiness.level : "not measured yet (quiz yourself to see)",
                          steps.read_count, steps.path_size));
    for (std::size_t i = 0; i < steps.first_lessons.size(); ++i)
      text(fmt::format("{}. {} ({} min)", i + 1, steps.first_lessons[i].title, steps.first_lessons[i].minutes));
    if (!steps.start_lesson_id.empty()) {
      if (primary_button(f, "Start the first lesson")) f.actions.push(app::action::LearnOpen{steps.start_lesson_id, ""});
    } else {
      paragraph("Every lesson of this path is read.");
      if (primary_button(f, "Review this role")) f.actions.push(app::action::ReviewStart{steps.role});
    }
    ImGui::SameLine();
    if (ImGui::Button("See the whole path")) {
      f.actions.push(app::action::LearnChooseRole{steps.role});
      f.actions.push(app::action::Navigate{app::Screen::learn});
    }
    gap(f, 6);
    ImGui::PopID();
  }
  ImGui::PopID();
}

void draw_decision_panel(const Frame& f) {
  const auto& d = f.view.result.decision;
  const float s = f.fonts.scale;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float inner = std::min(ImGui::GetContentRegionAvail().x, 760 * s) - 2 * Card::padding_x(f);
  const float height = 2 * Card::padding_y(f) + f.fonts.title->FontSize + spacing +
                       wrapped_height(f.fonts.bold, d.lean_text, inner) + spacing +
                       static_cast<float>(d.roles.size()) * (ImGui::GetFrameHeight() + spacing) +
                       wrapped_height(f.fonts.body, d.next_text, inner) + spacing + ImGui::GetFrameHeight() + 4 * s;
  Card card(f, "##decision", std::min(ImGui::GetContentRegionAvail().x, 760 * s), height);
  text_in(f.fonts.title, "Your decision so far");
  ImGui::PushFont(f.fonts.bold);
  paragraph(d.lean_text);
  ImGui::PopFont();
  float name_width = 0;
  for (const auto& role : d.roles) name_width = std::max(name_width, ImGui::CalcTextSize(role.name.c_str()).x);
  for (const auto& role : d.roles) {
    ImGui::PushID(static_cast<int>(role.role));
    const float start = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    text(role.name);
    ImGui::SameLine(start + name_width + 16 * s);
    // The bar is the share of the path's questions likely recalled; the words say the level.
    const std::string overlay = role.measured ? fmt::format("{:.0f}%", role.score * 100) : std::string("-");
    ImGui::ProgressBar(role.measured ? static_cast<float>(role.score) : 0.0f, ImVec2(120 * s, 0), overlay.c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", fmt::format("{}: {:.0f}% of its questions likely recalled", role.name, role.score * 100).c_str());
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    // In a narrow card the level moves into a tooltip rather than running past the card's edge.
    const std::string full = fmt::format("{} · {} of {} lessons read", role.measured ? role.level : "not measured yet",
                                         role.lessons_read, role.lessons);
    if (ImGui::CalcTextSize(full.c_str()).x <= ImGui::GetContentRegionAvail().x) {
      text(full);
    } else {
      text(fmt::format("{} of {} lessons read", role.lessons_read, role.lessons));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
    }
    ImGui::PopID();
  }
  paragraph(d.next_text);
  if (!d.next_lesson_id.empty()) {
    if (ImGui::Button("Open that lesson")) f.actions.push(app::action::LearnOpen{d.next_lesson_id, ""});
  } else if (!d.roles.empty()) {
    if (ImGui::Button("Review it")) f.actions.push(app::action::ReviewStart{d.next_role});
  }
  if (d.taken && f.view.screen != app::Screen::result) {
    ImGui::SameLine();
    if (ImGui::Button("See your full result")) f.actions.push(app::action::Navigate{app::Screen::result});
  } else if (!d.taken) {
    ImGui::SameLine();
    if (ImGui::Button("Take the questionnaire")) f.actions.push(app::action::Navigate{app::Screen::fit});
  }
}

void draw_result(const Frame& f) {
  const auto& result = f.view.result;
  screen_heading(f, app::screen_title(app::Screen::result),
                 "Which role suits you, why, what would change it, and where to go from here.");
  if (!result.has_result) {
    paragraph("You have no role-fit result yet. The questionnaire takes about three minutes.");
    if (primary_button(f, "Take the questionnaire")) f.actions.push(app::action::Navigate{app::Screen::fit});
    gap(f, 8);
    draw_decision_panel(f);
    return;
  }
  if (!result.showing_latest) {
    paragraph(fmt::format("An earlier result, from {}.", result.shown.date));
    if (ImGui::Button("Back to your latest result")) f.actions.push(app::action::ResultLatest{});
    gap(f, 6);
  }
  draw_result_detail(f, result.shown);
  if (result.showing_latest) {
    draw_next_steps(f);
    gap(f, 4);
    draw_decision_panel(f);
  }
  draw_fit_history(f);
  gap(f, 6);
  if (ImGui::Button("Take the questionnaire again")) {
    f.actions.push(app::action::Navigate{app::Screen::fit});
    f.actions.push(app::action::FitStart{});
  }
}

}  // namespace rp::ui
