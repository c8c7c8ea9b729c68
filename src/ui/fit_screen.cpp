// "Which role suits you?": the questionnaire, its result and how the result moved over time.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {
using app::FitFlow;

constexpr const char* likert_labels[] = {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"};

void draw_role_bars(const Frame& f) {
  const auto& bars = f.view.fit.bars;
  const float s = f.fonts.scale;
  float label_width = 0;
  for (const auto& bar : bars) label_width = std::max(label_width, ImGui::CalcTextSize(bar.name.c_str()).x);
  label_width += 24 * s;
  const float width = std::min(ImGui::GetContentRegionAvail().x - label_width - 60 * s, 420 * s);
  const float height = ImGui::GetFontSize() * 1.1f;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    ImGui::PushID(static_cast<int>(i));
    const float line_start = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    text(bar.name);
    ImGui::SameLine(line_start + label_width);
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
    text(fmt::format("{:.0f}", bar.score));
    ImGui::PopID();
  }
  note(f, "Fit from 0 to 100; 50 is neutral. The line across each bar is its 90% interval.");
}

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

}  // namespace

// How the suggestion moved: one dot per completed result, above the line for the first role.
void draw_fit_history(const Frame& f) {
  const auto& history = f.view.fit.history;
  if (history.empty()) return;
  section_title(f, "How your result has moved");
  const float s = f.fonts.scale;
  const float width = std::min(ImGui::GetContentRegionAvail().x, 640 * s);
  const float height = 120 * s;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float left = origin.x + 8 * s, right = origin.x + width - 8 * s;
  const float mid = origin.y + height / 2;
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), f.colors.card, 6 * s);
  draw->AddLine(ImVec2(left, mid), ImVec2(right, mid), f.colors.card_border, 1.5f * s);
  ImGui::PushFont(f.fonts.small);
  draw->AddText(ImVec2(left, origin.y + 4 * s), f.colors.muted_text, f.view.fit.first_role.c_str());
  draw->AddText(ImVec2(left, origin.y + height - ImGui::GetFontSize() - 4 * s), f.colors.muted_text,
                f.view.fit.second_role.c_str());
  ImGui::PopFont();
  const std::size_t n = history.size();
  ImVec2 previous;
  for (std::size_t i = 0; i < n; ++i) {
    const float x = n == 1 ? (left + right) / 2 : left + 40 * s + (right - left - 60 * s) * static_cast<float>(i) / static_cast<float>(n - 1);
    const float y = mid - static_cast<float>(std::clamp(history[i].lean, -1.0, 1.0)) * (height / 2 - 14 * s);
    if (i > 0) draw->AddLine(previous, ImVec2(x, y), f.colors.accent, 2 * s);
    draw->AddCircleFilled(ImVec2(x, y), 5 * s, f.colors.accent);
    previous = ImVec2(x, y);
  }
  ImGui::InvisibleButton("history", ImVec2(width, height));
  if (ImGui::IsItemHovered()) {
    // The nearest result under the mouse, with its exact figures.
    const float mouse = ImGui::GetIO().MousePos.x;
    std::size_t nearest = 0;
    float best = 1e9f;
    for (std::size_t i = 0; i < n; ++i) {
      const float x = n == 1 ? (left + right) / 2 : left + 40 * s + (right - left - 60 * s) * static_cast<float>(i) / static_cast<float>(n - 1);
      if (std::abs(x - mouse) < best) {
        best = std::abs(x - mouse);
        nearest = i;
      }
    }
    const auto& point = history[nearest];
    ImGui::SetTooltip("%s", fmt::format("{}: {} ({:.0f}% sure)", point.date, point.outcome,
                                        std::min(99.0, point.sure * 100)).c_str());
  }
  note(f, fmt::format("{} result{}, oldest on the left. Hover for dates.", n, n == 1 ? "" : "s"));
}

namespace {

void draw_intro(const Frame& f) {
  const auto& fit = f.view.fit;
  paragraph(fmt::format("You will see short statements about work you might enjoy, one at a time. Say how much you "
                        "agree, from 1 (strongly disagree) to 5 (strongly agree). There are no right answers. "
                        "Most people finish in 12 to 20 statements, about three minutes; the bank holds {}.",
                        fit.statements_total));
  ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
  if (fit.unfinished_answers > 0) {
    paragraph(fmt::format("You have an unfinished questionnaire with {} answer{}.", fit.unfinished_answers,
                          fit.unfinished_answers == 1 ? "" : "s"));
    if (primary_button(f, "Continue where you left off")) f.actions.push(app::action::FitResume{});
    ImGui::SameLine();
    if (ImGui::Button("Start over")) f.actions.push(app::action::FitStart{});
  } else {
    if (primary_button(f, "Start the questionnaire")) f.actions.push(app::action::FitStart{});
  }
  if (!fit.sentence.empty()) {
    ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
    muted(fit.sentence);
  }
  draw_fit_history(f);
}

void draw_asking(const Frame& f) {
  const auto& fit = f.view.fit;
  const float s = f.fonts.scale;
  ImGui::ProgressBar(fit.progress, ImVec2(std::min(ImGui::GetContentRegionAvail().x, 640 * s), 8 * s), "");
  note(f, fmt::format("{} answered — most people need 12 to 20", fit.answered));
  ImGui::Dummy(ImVec2(0, 6 * s));

  {
    const float inner = ImGui::GetContentRegionAvail().x - 2 * Card::padding_x(f);
    const float height = 2 * Card::padding_y(f) + f.fonts.small->FontSize + ImGui::GetStyle().ItemSpacing.y +
                         wrapped_height(f.fonts.title, fit.statement, inner);
    Card card(f, "##statement", 0, height + 8 * s);
    note(f, fit.topic);
    ImGui::PushFont(f.fonts.title);
    paragraph(fit.statement);
    ImGui::PopFont();
  }
  ImGui::Dummy(ImVec2(0, 4 * s));

  // Five equal buttons; the earlier answer (when revisiting) is marked in the accent colour.
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float button_width = (std::min(ImGui::GetContentRegionAvail().x, 900 * s) - 4 * gap) / 5;
  for (int likert = 1; likert <= 5; ++likert) {
    if (likert > 1) ImGui::SameLine();
    const bool earlier = fit.earlier_answer == likert;
    ImGui::PushID(likert);
    if (earlier) ImGui::PushStyleColor(ImGuiCol_Border, f.colors.accent);
    if (earlier) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2 * s);
    if (two_line_button(f, fmt::format("{}", likert), likert_labels[likert - 1], ImVec2(button_width, 64 * s)))
      f.actions.push(app::action::FitAnswer{likert});
    if (earlier) {
      ImGui::PopStyleVar();
      ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, 4 * s));
  ImGui::BeginDisabled(!fit.can_go_back);
  if (ImGui::Button("Back")) f.actions.push(app::action::FitBack{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Skip")) f.actions.push(app::action::FitSkip{});
  ImGui::SameLine();
  if (ImGui::Button("Save and leave")) f.actions.push(app::action::FitQuit{});
  if (fit.can_finish) {
    ImGui::SameLine();
    if (primary_button(f, "See my result")) f.actions.push(app::action::FitFinish{});
  }
  note(f, "Keys: 1 to 5 answer, S skips, Backspace goes back, Esc saves and leaves. Every answer is saved as you give it.");

  // Keyboard: GLFW's key codes for digits and letters are their ASCII codes.
  if (!ImGui::GetIO().KeyCtrl && !ImGui::GetIO().WantTextInput) {
    for (int likert = 1; likert <= 5; ++likert)
      if (ImGui::IsKeyPressed('0' + likert, false)) f.actions.push(app::action::FitAnswer{likert});
    if (ImGui::IsKeyPressed('S', false)) f.actions.push(app::action::FitSkip{});
    if (fit.can_go_back && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
      f.actions.push(app::action::FitBack{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) f.actions.push(app::action::FitQuit{});
  }
}

void draw_result(const Frame& f) {
  const auto& fit = f.view.fit;
  if (fit.clear) ImGui::PushStyleColor(ImGuiCol_Text, f.colors.accent);
  ImGui::PushFont(f.fonts.title);
  paragraph(fit.sentence);
  ImGui::PopFont();
  if (fit.clear) ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  draw_role_bars(f);

  section_title(f, "Why");
  draw_reasons(f, "leader", fmt::format("Pointing to {}", fit.leader), fit.toward_leader);
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  draw_reasons(f, "runner", fmt::format("Pointing to {}", fit.runner_up), fit.toward_runner_up);
  if (!fit.pivot.empty()) {
    ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
    text_in(f.fonts.bold, "The answer that matters most");
    paragraph(fit.pivot);
  }

  section_title(f, "Are you ready for it?");
  for (const auto& line : fit.readiness) {
    ImGui::PushID(static_cast<int>(line.role));
    ImGui::AlignTextToFramePadding();
    text(fmt::format("{}: {}", line.name, line.level));
    ImGui::SameLine();
    if (ImGui::SmallButton("Read its path")) {
      f.actions.push(app::action::LearnChooseRole{line.role});
      f.actions.push(app::action::Navigate{app::Screen::learn});
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Study for this role")) f.actions.push(app::action::ReviewStart{line.role});
    ImGui::PopID();
  }
  note(f, "Readiness is your mastery of the role's topics, from quizzes and review. \"Read its path\" opens the role's "
        "lessons in order; \"Study for this role\" starts a review of its weakest topics.");

  draw_fit_history(f);
  ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
  if (primary_button(f, "Answer more statements")) f.actions.push(app::action::FitAnswerMore{});
  ImGui::SameLine();
  if (ImGui::Button("Start again")) f.actions.push(app::action::FitStart{});
}
}  // namespace

void draw_fit(const Frame& f) {
  screen_heading(f, "Which role suits you?",
                 "Find out which of the two careers fits the work you enjoy.");
  switch (f.view.fit.stage) {
    case FitFlow::Stage::idle: draw_intro(f); break;
    case FitFlow::Stage::asking: draw_asking(f); break;
    case FitFlow::Stage::done: draw_result(f); break;
  }
}

}  // namespace rp::ui
