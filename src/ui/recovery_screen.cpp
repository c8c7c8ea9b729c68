#include "ui/recovery_screen.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/widgets.hpp"

namespace rp::ui {

RecoveryChoice draw_recovery(const RecoveryView& view, RecoveryState& state, const Fonts& fonts) {
  RecoveryChoice choice;
  if (!state.filled) {
    view.suggested_new_path.copy(state.new_path.data(), std::min(view.suggested_new_path.size(), state.new_path.size() - 1));
    state.filled = true;
  }
  const Palette& colors = palette(app::Theme::light);
  const float s = fonts.scale;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(56 * s, 48 * s));
  ImGui::Begin("recovery", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  ImGui::PushStyleColor(ImGuiCol_Text, colors.accent);
  text_in(fonts.heading, "RolePath");
  ImGui::PopStyleColor();
  text_in(fonts.title, view.in_use ? "Your study database is open elsewhere" : "Your study database could not be opened");
  ImGui::Dummy(ImVec2(0, 6 * s));
  ImGui::PushStyleColor(ImGuiCol_Text, colors.muted_text);
  text("File");
  ImGui::PopStyleColor();
  paragraph(view.path);
  ImGui::PushStyleColor(ImGuiCol_Text, colors.muted_text);
  text("Problem");
  ImGui::PopStyleColor();
  paragraph(view.problem);
  ImGui::Dummy(ImVec2(0, 10 * s));
  if (!view.in_use) paragraph("Nothing has been changed in that file. Choose how to go on:");
  ImGui::Dummy(ImVec2(0, 6 * s));

  const float field = std::min(ImGui::GetContentRegionAvail().x - 260 * s, 560 * s);
  if (view.in_use) {
    if (ImGui::Button("Try again")) choice.kind = RecoveryChoice::Kind::retry;
  } else {
    if (view.latest_backup) {
      text_in(fonts.bold, "Restore the latest backup");
      muted(fmt::format("From {}. The current file is kept aside first, so nothing is lost.", view.latest_backup_date));
      if (ImGui::Button("Restore backup")) choice.kind = RecoveryChoice::Kind::restore;
      ImGui::Dummy(ImVec2(0, 8 * s));
    }
    text_in(fonts.bold, "Open another database file");
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##other", "/path/to/rolepath.db", state.other_path.data(), state.other_path.size());
    ImGui::SameLine();
    if (ImGui::Button("Open") && state.other_path[0] != '\0') {
      choice.kind = RecoveryChoice::Kind::open_other;
      choice.path = state.other_path.data();
    }
    ImGui::Dummy(ImVec2(0, 8 * s));
    text_in(fonts.bold, "Start a new database elsewhere");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("##new", state.new_path.data(), state.new_path.size());
    ImGui::SameLine();
    if (ImGui::Button("Start new") && state.new_path[0] != '\0') {
      choice.kind = RecoveryChoice::Kind::start_new;
      choice.path = state.new_path.data();
    }
  }
  ImGui::Dummy(ImVec2(0, 12 * s));
  if (ImGui::Button("Quit")) choice.kind = RecoveryChoice::Kind::quit;
  ImGui::End();
  return choice;
}

}  // namespace rp::ui
