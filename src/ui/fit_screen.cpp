// "Which role suits you?": the questionnaire, its result and how the result moved over time.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {
using app::FitStage;

constexpr const char* likert_labels[] = {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"};

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
  auto x_of = [&](std::size_t i) {
    return n == 1 ? (left + right) / 2
                  : left + 40 * s + (right - left - 60 * s) * static_cast<float>(i) / static_cast<float>(n - 1);
  };
  auto y_of = [&](std::size_t i) {
    return mid - static_cast<float>(std::clamp(history[i].lean, -1.0, 1.0)) * (height / 2 - 14 * s);
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) draw->AddLine(ImVec2(x_of(i - 1), y_of(i - 1)), ImVec2(x_of(i), y_of(i)), f.colors.accent, 2 * s);
    draw->AddCircleFilled(ImVec2(x_of(i), y_of(i)), 5 * s, f.colors.accent);
  }
  // The result the result screen shows is ringed.
  if (f.view.screen == app::Screen::result && f.view.result.has_result && f.view.result.shown.index < n) {
    const std::size_t i = f.view.result.shown.index;
    draw->AddCircle(ImVec2(x_of(i), y_of(i)), 9 * s, ImGui::GetColorU32(ImGuiCol_Text), 0, 2 * s);
  }
  const bool clicked = ImGui::InvisibleButton("history", ImVec2(width, height));
  if (ImGui::IsItemHovered() || clicked) {
    // The nearest result under the mouse, with its exact figures; a click opens it in full.
    const float mouse = ImGui::GetIO().MousePos.x;
    std::size_t nearest = 0;
    float best = 1e9f;
    for (std::size_t i = 0; i < n; ++i) {
      if (std::abs(x_of(i) - mouse) < best) {
        best = std::abs(x_of(i) - mouse);
        nearest = i;
      }
    }
    const auto& point = history[nearest];
    if (clicked) f.actions.push(app::action::ResultOpen{nearest});
    ImGui::SetTooltip("%s", fmt::format("{}: {} ({:.0f}% sure). Click to open it.", point.date, point.outcome,
                                        std::min(99.0, point.sure * 100)).c_str());
  }
  note(f, fmt::format("{} result{}, oldest on the left. Hover for dates; click a point to open that result.", n,
                      n == 1 ? "" : "s"));
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
  if (f.view.result.has_result && ImGui::Button("See your full result"))
    f.actions.push(app::action::Navigate{app::Screen::result});
  draw_fit_history(f);
}

void draw_asking(const Frame& f) {
  const auto& fit = f.view.fit;
  const float s = f.fonts.scale;
  ImGui::ProgressBar(fit.progress, ImVec2(std::min(ImGui::GetContentRegionAvail().x, 640 * s), 8 * s), "");
  note(f, fmt::format("{} of at most {} answered · it ends as soon as your result is clear, for most people after 12 to 20",
                      fit.answered, fit.statements_total));
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
  // While answering more after a result, leaving goes back to that result rather than saving a
  // questionnaire for later.
  if (ImGui::Button(fit.answering_more ? "Back to my result" : "Save and leave")) f.actions.push(app::action::FitQuit{});
  if (fit.can_finish) {
    ImGui::SameLine();
    if (primary_button(f, "See my result")) f.actions.push(app::action::FitFinish{});
  }
  note(f, fit.answering_more
              ? "Keys: 1 to 5 answer, S skips, Backspace goes back, Esc goes back to your result. Every answer is saved "
                "as you give it."
              : "Keys: 1 to 5 answer, S skips, Backspace goes back, Esc saves and leaves. Every answer is saved as you "
                "give it.");

  // Keyboard: GLFW's key codes for digits and letters are their ASCII codes.
  if (!ImGui::GetIO().KeyCtrl && !ImGui::GetIO().WantTextInput) {
    for (int likert = 1; likert <= 5; ++likert)
      if (ImGui::IsKeyPressed('0' + likert, false)) f.actions.push(app::action::FitAnswer{likert});
    if (ImGui::IsKeyPressed('S', false)) f.actions.push(app::action::FitSkip{});
    if (fit.can_go_back && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
      f.actions.push(app::action::FitBack{});
  }
}

// The questionnaire just ended: the result in full, then where to go from it.
void draw_done(const Frame& f) {
  if (!f.view.result.has_result) return;
  draw_result_detail(f, f.view.result.latest);
  draw_next_steps(f);
  draw_fit_history(f);
  ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
  if (primary_button(f, "Answer more statements")) f.actions.push(app::action::FitAnswerMore{});
  ImGui::SameLine();
  if (ImGui::Button("Start again")) f.actions.push(app::action::FitStart{});
  ImGui::SameLine();
  if (ImGui::Button("Open the result page")) f.actions.push(app::action::Navigate{app::Screen::result});
}
}  // namespace

void draw_fit(const Frame& f) {
  screen_heading(f, "Which role suits you?",
                 "Find out which of the two careers fits the work you enjoy.");
  switch (f.view.fit.stage) {
    case FitStage::idle: draw_intro(f); break;
    case FitStage::asking: draw_asking(f); break;
    case FitStage::done: draw_done(f); break;
  }
}

}  // namespace rp::ui
