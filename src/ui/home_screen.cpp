#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {
void draw_role_cards(const Frame& f) {
  const auto& roles = f.view.roles;
  if (roles.empty()) return;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(roles.size() - 1)) /
                      static_cast<float>(roles.size());
  // Cards share one height: the tallest summary decides it.
  const float inner = width - 2 * Card::padding_x(f);
  float summary = 0;
  for (const auto& role : roles) summary = std::max(summary, wrapped_height(f.fonts.body, role.summary, inner));
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float height =
      2 * Card::padding_y(f) + f.fonts.title->FontSize + summary + f.fonts.small->FontSize + 2 * spacing;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    {
      Card card(f, "##role", width, height);
      text_in(f.fonts.title, roles[i].name);
      paragraph(roles[i].summary);
      note(f, fmt::format("{} questions in the bank", roles[i].questions));
    }
    ImGui::PopID();
  }
}
}  // namespace

void draw_home(const Frame& f) {
  screen_heading(f, fmt::format("Welcome, {}", f.view.profile_name),
                 "Two careers in AI, side by side. Find out which one suits you, then learn what it takes.");
  draw_role_cards(f);

  if (const auto& left = f.view.unfinished_session) {
    section_title(f, "Where you left off");
    const char* what = left->kind == core::SessionKind::review ? "review" : "quiz";
    paragraph(fmt::format("A {} from {}: {} of {} questions answered.", what, left->started, left->answered, left->total));
    if (primary_button(f, fmt::format("Carry on with the {}", what).c_str())) f.actions.push(app::action::QuizResume{});
  }

  section_title(f, "Where to start");
  if (primary_button(f, "Which role suits you?")) f.actions.push(app::action::Navigate{app::Screen::fit});
  ImGui::SameLine();
  if (ImGui::Button("Quiz yourself on a topic")) f.actions.push(app::action::Navigate{app::Screen::quiz});
  ImGui::SameLine();
  if (ImGui::Button("Review weak topics")) f.actions.push(app::action::Navigate{app::Screen::review});
  ImGui::Dummy(ImVec2(0, 8 * f.fonts.scale));
  draw_decision_panel(f);

  section_title(f, "Your study so far");
  if (f.view.answers_total == 0) {
    paragraph("You have not answered anything yet. Every answer you give is kept on this computer.");
  } else {
    paragraph(fmt::format("{} answers recorded · {} questions due today.", f.view.answers_total,
                          f.view.study.due_by_day[0]));
  }
  const auto& study = f.view.study;
  if (!study.weak.empty()) {
    section_title(f, "Weakest topics");
    for (std::size_t i = 0; i < std::min<std::size_t>(3, study.weak.size()); ++i) {
      const auto& row = study.topics[study.weak[i]];
      ImGui::Bullet();
      ImGui::SameLine();
      text(fmt::format("{} · {}: {}, {:.0f}% likely recalled in a week", row.role, row.topic, row.level, row.score * 100));
    }
    if (ImGui::Button("Review them")) f.actions.push(app::action::ReviewStart{});
  }
}

}  // namespace rp::ui
