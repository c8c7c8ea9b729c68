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
  // Side by side while each card keeps a readable width; one above the other in a narrow window.
  const float available = ImGui::GetContentRegionAvail().x;
  const bool side_by_side = available >= 620 * f.fonts.scale;
  const float columns = side_by_side ? static_cast<float>(roles.size()) : 1.0f;
  const float width = (available - gap * (columns - 1)) / columns;
  // Cards in a row share one height: the tallest title and summary decide it.
  const float inner = width - 2 * Card::padding_x(f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  auto height_of = [&](const app::RoleOverview& role) {
    return 2 * Card::padding_y(f) + wrapped_height(f.fonts.title, role.name, inner) +
           wrapped_height(f.fonts.body, role.summary, inner) + f.fonts.small->FontSize + 2 * spacing;
  };
  float shared = 0;
  for (const auto& role : roles) shared = std::max(shared, height_of(role));
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i > 0 && side_by_side) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    {
      Card card(f, "##role", width, side_by_side ? shared : height_of(roles[i]));
      paragraph_in(f.fonts.title, roles[i].name);
      paragraph(roles[i].summary);
      note(f, fmt::format("{} questions in the bank", roles[i].questions));
    }
    ImGui::PopID();
  }
}

void draw_where_to_start(const Frame& f) {
  if (const auto& left = f.view.unfinished_session) {
    section_title(f, "Where you left off");
    const char* what = left->kind == core::SessionKind::review ? "review" : "quiz";
    paragraph(fmt::format("A {} from {}: {} of {} questions answered.", what, left->started, left->answered, left->total));
    if (primary_button(f, fmt::format("Carry on with the {}", what).c_str())) f.actions.push(app::action::QuizResume{});
  }

  section_title(f, "Where to start");
  ButtonRow row;
  if (row.primary(f, "Which role suits you?")) f.actions.push(app::action::Navigate{app::Screen::fit});
  if (row.button("Quiz yourself on a topic")) f.actions.push(app::action::Navigate{app::Screen::quiz});
  if (row.button("Review weak topics")) f.actions.push(app::action::Navigate{app::Screen::review});
  ImGui::Dummy(ImVec2(0, 8 * f.fonts.scale));
}

void draw_study_so_far(const Frame& f) {
  section_title(f, "Your study so far");
  const auto answers = f.view.graded_answers_total;
  if (answers == 0) {
    paragraph("You have not answered any quiz or review questions yet. Every answer you give is kept on this computer.");
  } else {
    paragraph(fmt::format("{} quiz and review answer{} recorded · {} question{} due today.", answers,
                          answers == 1 ? "" : "s", f.view.study.due_by_day[0], f.view.study.due_by_day[0] == 1 ? "" : "s"));
  }
  const auto& study = f.view.study;
  if (answers == 0) return;
  section_title(f, "Weakest topics");
  if (study.weak.empty()) {
    paragraph("Nothing weak yet: every topic you have studied is at Mastered.");
    return;
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(3, study.weak.size()); ++i) {
    const auto& row = study.topics[study.weak[i]];
    bullet_paragraph(fmt::format("{} · {}: {}, {:.0f}% likely recalled in a week", row.role, row.topic, row.level, row.score * 100));
  }
  if (ImGui::Button("Review them")) f.actions.push(app::action::ReviewStart{});
}
}  // namespace

void draw_home(const Frame& f) {
  screen_heading(f, fmt::format("Welcome, {}", f.view.profile_name),
                 "Two careers in AI, side by side. Find out which one suits you, then learn what it takes.");
  draw_role_cards(f);
  // A wide window puts the decision beside the study record; a narrow one stacks them.
  if (ImGui::GetContentRegionAvail().x >= 1100 * f.fonts.scale &&
      ImGui::BeginTable("home-columns", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    draw_where_to_start(f);
    draw_decision_panel(f);
    ImGui::TableNextColumn();
    draw_study_so_far(f);
    ImGui::EndTable();
    return;
  }
  draw_where_to_start(f);
  draw_decision_panel(f);
  draw_study_so_far(f);
}

}  // namespace rp::ui
