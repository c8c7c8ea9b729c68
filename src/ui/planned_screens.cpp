// Screens whose features are still being built. Each says so plainly and shows only real data.
#include <fmt/format.h>
#include <imgui.h>

#include "ui/screens.hpp"

namespace rp::ui {

void draw_quiz(const Frame& f) {
  screen_heading(f, "Topic quiz", "Test what you know about each role, topic by topic.");
  not_built_notice(f,
                   "Topic quizzes are not built yet. You will pick roles, topics and a length, answer one "
                   "question at a time by mouse or keyboard, and read an explanation after each answer.");
  section_title(f, "What the question bank covers");
  const auto& roles = f.view.roles;
  const int columns = 1 + static_cast<int>(roles.size());
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 50);
  if (ImGui::BeginTable("coverage", columns, flags, ImVec2(width, 0))) {
    ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (const auto& role : roles) ImGui::TableSetupColumn(role.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    for (const auto& topic : f.view.topics) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(topic.name);
      for (int count : topic.questions_per_role) {
        ImGui::TableNextColumn();
        text(fmt::format("{}", count));
      }
    }
    ImGui::EndTable();
  }
  ImGui::PushFont(f.fonts.small);
  muted("Questions per topic and role. A question about both roles counts for each.");
  ImGui::PopFont();
}

void draw_review(const Frame& f) {
  screen_heading(f, "Review", "Come back to what you keep missing until it sticks.");
  not_built_notice(f,
                   "Spaced review is not built yet. It will schedule each question you have answered with the "
                   "FSRS algorithm, serve what is due first, show the study card of a weak topic before its "
                   "questions, and list the questions you keep missing.");
}

void draw_progress(const Frame& f) {
  screen_heading(f, "Progress", "Your study, week by week.");
  not_built_notice(f,
                   "Progress charts are not built yet. They will show this week against your goal, a calendar "
                   "of study days, weekly accuracy and time, and how your mastery of each topic changes.");
  section_title(f, "So far");
  paragraph(fmt::format("Answers recorded for {}: {}", f.view.profile_name, f.view.answers_total));
  if (f.view.fit.history.empty()) {
    muted("Take the questionnaire on the \"Which role suits you?\" screen to see how your result moves over time.");
  } else {
    draw_fit_history(f);
  }
}

}  // namespace rp::ui
