#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {
// A label in the muted colour and its value beside it, aligned in a two-column table.
void fact_row(std::string_view label, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text(label);
  ImGui::PopStyleColor();
  ImGui::TableNextColumn();
  paragraph(value);
}

bool begin_facts(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  return true;
}
}  // namespace

void draw_settings(const Frame& f) {
  screen_heading(f, "Settings", "How RolePath looks, and where it keeps your data.");

  section_title(f, "Appearance");
  if (begin_facts("appearance")) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text("Theme");
    ImGui::TableNextColumn();
    int theme = f.view.theme == app::Theme::dark ? 1 : 0;
    if (ImGui::RadioButton("Light", &theme, 0)) f.actions.push(app::action::SetTheme{app::Theme::light});
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", &theme, 1)) f.actions.push(app::action::SetTheme{app::Theme::dark});
    ImGui::EndTable();
  }

  section_title(f, "Study");
  if (begin_facts("study")) {
    auto settings = f.view.study.settings;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text("Target recall");
    ImGui::TableNextColumn();
    float retention = static_cast<float>(settings.desired_retention * 100);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::SliderFloat("##retention", &retention, 70.0f, 97.0f, "%.0f%%", ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      settings.desired_retention = retention / 100.0;
      f.actions.push(app::action::SetStudySettings{settings});
    }
    ImGui::PushFont(f.fonts.small);
    muted("Higher means shorter gaps between reviews and more of them.");
    ImGui::PopFont();

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text("Daily review limit");
    ImGui::TableNextColumn();
    int limit = settings.daily_limit;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("##limit", &limit, 5, 25)) {
      settings.daily_limit = std::clamp(limit, 1, 1000);
      f.actions.push(app::action::SetStudySettings{settings});
    }

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    text("Ask how sure I am");
    ImGui::TableNextColumn();
    bool ask = settings.ask_confidence;
    if (ImGui::Checkbox("##confidence", &ask)) {
      settings.ask_confidence = ask;
      f.actions.push(app::action::SetStudySettings{settings});
    }
    ImGui::SameLine();
    muted("Before checking an answer, mark it sure or not sure; it tunes the next review.");
    ImGui::EndTable();
  }

  section_title(f, "Your data");
  if (begin_facts("data")) {
    fact_row("Profile", f.view.profile_name);
    fact_row("Database file", f.view.database_path);
    fact_row("Schema version", fmt::format("{}", f.view.schema_version));
    fact_row("Window layout", f.view.settings_file.empty() ? "not saved" : f.view.settings_file);
    ImGui::EndTable();
  }

  section_title(f, "Question bank");
  if (begin_facts("bank")) {
    fact_row("Title", f.view.bank_title);
    std::string sources;
    for (const auto& source : f.view.bank_sources) sources += (sources.empty() ? "" : "\n") + source;
    fact_row("Loaded from", sources);
    fact_row("Contents", fmt::format("{} roles, {} topics, {} questions, {} statements", f.view.roles.size(),
                                     f.view.topics.size(), f.view.question_total, f.view.statement_total));
    ImGui::EndTable();
  }
}

}  // namespace rp::ui
