#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "core/settings.hpp"
#include "core/text.hpp"
#include "ui/screens.hpp"

namespace rp::ui {

namespace {
// Whether the settings tables put each label above its value, as they do when a small window or a
// large text size leaves too little room beside the labels; set by begin_facts for its table.
bool stacked = false;

// A label in the muted colour and its value beside it (or under it), in a settings table.
void fact_row(std::string_view label, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text(label);
  ImGui::PopStyleColor();
  if (!stacked) ImGui::TableNextColumn();
  paragraph(value);
}

// The label column fits the longest label on the screen, so every table's values line up and a
// large text size leaves the values their room.
float label_width() {
  float widest = 0;
  for (const char* label : {"Theme", "Text size", "Target recall", "Daily review limit", "New day starts at",
                            "Ask how sure I am", "Show streaks", "Rest days a week", "Profile", "Database file", "Schema version",
                            "Window layout", "Title", "Loaded from", "Contents"})
    widest = std::max(widest, ImGui::CalcTextSize(label).x);
  return widest + ImGui::GetStyle().ItemSpacing.x * 2;
}

bool begin_facts(const char* id) {
  const float labels = label_width();
  stacked = ImGui::GetContentRegionAvail().x < labels + ImGui::GetFontSize() * 16;
  if (!ImGui::BeginTable(id, stacked ? 1 : 2, ImGuiTableFlags_SizingStretchProp)) return false;
  if (!stacked) ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labels);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

// What is wrong with a name typed in a field, checked as App checks it (so the learner reads it
// beside the field, not in the banner), plus two things only the window knows: another profile
// has the name, or ImGui replaced a character. Debian's ImGui keeps 16-bit characters, so an
// emoji typed or edited here becomes U+FFFD; `before` is the name the field started from.
bool replaced_characters(const std::string& typed, const std::string& before) {
  return core::replacement_characters(typed) > core::replacement_characters(before);
}

std::optional<std::string> name_problem(const Frame& f, const std::string& typed, const std::string& before,
                                        std::optional<std::int64_t> self) {
  if (auto problem = core::profile_name_problem(typed, core::max_profile_name)) return problem;
  if (replaced_characters(typed, before))
    return std::string("this window cannot type characters such as emoji (they show as \xEF\xBF\xBD); please leave them out");
  for (const auto& profile : f.view.profiles)
    if (profile.name == typed && profile.id != self) return fmt::format("a profile called \"{}\" exists already", typed);
  return std::nullopt;
}

void inline_error(const Frame& f, const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, f.colors.banner_text);
  paragraph(message);
  ImGui::PopStyleColor();
}

// Whether the learner has pressed Add or Save since the field was last cleared; kept in ImGui's
// storage for the current ID scope, so an empty field says nothing until it is submitted.
bool submitted(const char* id) { return ImGui::GetStateStorage()->GetBool(ImGui::GetID(id), false); }
void set_submitted(const char* id, bool value) { ImGui::GetStateStorage()->SetBool(ImGui::GetID(id), value); }

// Why the app refused the name now in a field: the field is the new-profile one (no `profile`) or
// that profile's rename, and the name is still the one that was sent.
const std::string* refused(const Frame& f, std::optional<std::int64_t> profile, const std::string& typed) {
  const auto& problem = f.view.name_problem;
  return problem && problem->profile == profile && problem->name == typed ? &problem->message : nullptr;
}

// Draws a control over the learner's own copy of a setting while it is held or typed in, so the
// stored value, re-read every frame, never overrides a drag or snaps it back; returns the value
// to save once the control is let go after an edit. `draw` gets the value to show and change.
template <typename T, typename Draw>
std::optional<T> edit_then_commit(std::optional<T>& buffer, T stored, Draw&& draw) {
  T value = buffer.value_or(stored);
  draw(value);
  const bool commit = ImGui::IsItemDeactivatedAfterEdit();
  buffer = ImGui::IsItemActive() ? std::optional<T>(value) : std::nullopt;
  return commit ? std::optional<T>(value) : std::nullopt;
}

// One row of a settings table: the label, aligned with the control in the next column (or above it).
void setting_label(std::string_view label) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (!stacked) ImGui::AlignTextToFramePadding();
  text(label);
  if (!stacked) ImGui::TableNextColumn();
}

// Starts a rename with the whole name in the field, or an empty field (the name then shows as
// the hint) when it does not fit: a character is never cut in the middle.
template <std::size_t N>
void start_rename(std::array<char, N>& buffer, const std::string& name) {
  buffer.fill('\0');
  if (core::utf8_prefix_bytes(name, N - 1) == name.size()) name.copy(buffer.data(), name.size());
}

// After Save or Add the app has answered (actions are applied between frames): a field whose
// name was taken closes or empties; one whose name was refused stays, with the reason beside it.
void settle_sent_names(const Frame& f) {
  auto& ui = f.ui;
  if (std::exchange(ui.rename_sent, false) && !(ui.renaming && refused(f, ui.renaming, ui.rename.data())))
    ui.renaming.reset();
  if (std::exchange(ui.new_profile_sent, false) && !refused(f, std::nullopt, ui.new_profile.data())) {
    ui.new_profile.fill('\0');
    set_submitted("new-profile-submitted", false);
  }
}

// Text size, 90% to 160% of what the monitor's scale gives, for this profile. Fonts and spacing
// are rebuilt between frames once the slider is let go, not while it moves.
void text_size_row(const Frame& f) {
  setting_label("Text size");
  constexpr int lowest = core::TextSize::min, step = core::TextSize::step;
  constexpr int steps = core::TextSize::steps;
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 14));
  const auto chosen = edit_then_commit(f.ui.text_size_edit, (f.view.text_size - lowest) / step, [&](int& index) {
    // The slider moves over the steps and shows the size they stand for ("%%" is ImGui's "%").
    const std::string shown = fmt::format("{}%%", lowest + index * step);
    ImGui::SliderInt("##text-size", &index, 0, steps, shown.c_str(), ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
  });
  if (chosen) f.actions.push(app::action::SetTextSize{lowest + *chosen * step});
  note(f, "For every screen, remembered for this profile; 100% is the size your monitor's scale gives.");
}

void profiles_section(const Frame& f) {
  auto& ui = f.ui;
  settle_sent_names(f);
  section_title(f, "Profiles");
  muted("Several learners can share this computer; each has their own answers, results and goals.");
  // Two columns: who (the name, and under it how many answers) and the buttons, whose column fits
  // them exactly, so a name keeps the rest of the width at any text size.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = ImGui::CalcTextSize("Switch").x + ImGui::CalcTextSize("Rename").x +
                        ImGui::CalcTextSize("Delete").x + 6 * style.FramePadding.x + 2 * style.ItemSpacing.x;
  if (ImGui::BeginTable("profiles", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg,
                        ImVec2(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 44), 0))) {
    ImGui::TableSetupColumn("who", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthFixed, buttons);
    for (const auto& profile : f.view.profiles) {
      ImGui::PushID(static_cast<int>(profile.id));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      std::optional<std::string> rename_problem;
      bool save = false;
      if (ui.renaming == profile.id) {
        if (std::exchange(ui.focus_rename, false)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        save = ImGui::InputTextWithHint("##rename", profile.name.c_str(), ui.rename.data(), ui.rename.size(),
                                        ImGuiInputTextFlags_EnterReturnsTrue);
        // Esc in the field gives the rename up, as Cancel does.
        if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ui.renaming.reset();
        const std::string typed(ui.rename.data());
        rename_problem = name_problem(f, typed, profile.name, profile.id);
        const std::string* why_not = refused(f, profile.id, typed);
        if (why_not) {
          inline_error(f, *why_not);
        } else if (rename_problem && (!typed.empty() || submitted("rename-submitted"))) {
          inline_error(f, *rename_problem);
        }
      } else {
        // One line, cut with an ellipsis when too long (whole in a tooltip); a right-to-left name
        // starts at the left as every other name does.
        text_elided(profile.current ? f.fonts.bold : f.fonts.body, profile.name);
      }
      note(f, fmt::format("{}{} answer{}", profile.current ? "current · " : "", profile.answers, profile.answers == 1 ? "" : "s"));
      ImGui::TableNextColumn();
      if (ui.renaming == profile.id) {
        save = ImGui::SmallButton("Save") || save;
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) ui.renaming.reset();
        if (save) set_submitted("rename-submitted", true);
        // The app decides whether the name can be used and says why not (ViewState::name_problem);
        // only characters this window itself replaced are held back here.
        if (save && !replaced_characters(ui.rename.data(), profile.name)) {
          f.actions.push(app::action::RenameProfile{profile.id, std::string(ui.rename.data())});
          ui.rename_sent = true;
        }
      } else {
        // The same buttons on every row keep them aligned; the current profile's Switch is off.
        ImGui::BeginDisabled(profile.current);
        if (ImGui::SmallButton("Switch")) f.actions.push(app::action::SwitchProfile{profile.id});
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::SmallButton("Rename")) {
          ui.renaming = profile.id;
          ui.focus_rename = true;
          start_rename(ui.rename, profile.name);
          set_submitted("rename-submitted", false);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) {
          ui.confirm_delete = profile.id;
          ImGui::OpenPopup("Delete profile?");
        }
      }
      if (ImGui::BeginPopupModal("Delete profile?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        text(fmt::format("Delete \"{}\" and all of its {} answers, results and goals? Other profiles keep theirs. This "
                         "cannot be undone.", profile.name, profile.answers));
        ImGui::PopTextWrapPos();
        if (primary_button(f, "Delete")) {
          f.actions.push(app::action::DeleteProfile{profile.id});
          ui.confirm_delete.reset();
          ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
          ui.confirm_delete.reset();
          ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const bool entered = ImGui::InputTextWithHint("##new-profile", "New learner's name", ui.new_profile.data(),
                                                ui.new_profile.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool add = ImGui::Button("Add profile") || entered;
  const std::string typed(ui.new_profile.data());
  const std::string* why_not = refused(f, std::nullopt, typed);
  const auto problem = why_not ? std::optional<std::string>(*why_not) : name_problem(f, typed, "", std::nullopt);
  if (add) set_submitted("new-profile-submitted", true);
  if (add && !replaced_characters(typed, "")) {
    f.actions.push(app::action::CreateProfile{typed});
    ui.new_profile_sent = true;
  } else if (problem && (!typed.empty() || submitted("new-profile-submitted"))) {
    ImGui::SameLine();
    inline_error(f, *problem);
  }
}
}  // namespace

void draw_settings(const Frame& f) {
  screen_heading(f, "Settings", "How RolePath looks, who is studying, and where it keeps your data.");
  section_title(f, "Appearance");
  if (begin_facts("appearance")) {
    setting_label("Theme");
    int theme = f.view.theme == app::Theme::dark ? 1 : 0;
    if (ImGui::RadioButton("Light", &theme, 0)) f.actions.push(app::action::SetTheme{app::Theme::light});
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", &theme, 1)) f.actions.push(app::action::SetTheme{app::Theme::dark});
    text_size_row(f);
    ImGui::EndTable();
  }

  profiles_section(f);

  section_title(f, "Study");
  if (begin_facts("study")) {
    auto settings = f.view.study.settings;
    auto& ui = f.ui;
    setting_label("Target recall");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 14));
    const auto retention = edit_then_commit(ui.retention_edit, static_cast<float>(settings.desired_retention * 100),
                                            [](float& value) {
                                              ImGui::SliderFloat("##retention", &value, 70.0f, 97.0f, "%.0f%%",
                                                                 ImGuiSliderFlags_AlwaysClamp);
                                            });
    if (retention) {
      settings.desired_retention = *retention / 100.0;
      f.actions.push(app::action::SetStudySettings{settings});
    }
    note(f, "Higher means shorter gaps between reviews and more of them.");

    // Typed numbers are saved when the field is left (or Enter pressed), not at every key; the
    // buttons beside it step by 5.
    setting_label("Daily review limit");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    auto limit = edit_then_commit(ui.daily_limit_edit, settings.daily_limit.get(),
                                  [](int& value) { ImGui::InputInt("##limit", &value, 0, 0); });
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::Button("-##limit")) limit = settings.daily_limit - 5;
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::Button("+##limit")) limit = settings.daily_limit + 5;
    if (limit && core::DailyLimit(*limit) != settings.daily_limit) {
      settings.daily_limit = *limit;
      f.actions.push(app::action::SetStudySettings{settings});
    }

    setting_label("New day starts at");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    const std::string hour_label = fmt::format("{:02}:00", settings.day_start_hour);
    if (ImGui::BeginCombo("##day-start", hour_label.c_str())) {
      for (int hour = 0; hour < 24; ++hour) {
        const std::string label = fmt::format("{:02}:00", hour);
        if (ImGui::Selectable(label.c_str(), hour == settings.day_start_hour) && hour != settings.day_start_hour) {
          settings.day_start_hour = hour;
          f.actions.push(app::action::SetStudySettings{settings});
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    muted("\"Due today\" means due before this hour tomorrow, so a late session still counts for its evening.");

    setting_label("Ask how sure I am");
    bool ask = settings.ask_confidence;
    if (ImGui::Checkbox("##confidence", &ask)) {
      settings.ask_confidence = ask;
      f.actions.push(app::action::SetStudySettings{settings});
    }
    ImGui::SameLine();
    muted("Before checking an answer, mark it sure or not sure; it tunes the next review.");

    setting_label("Show streaks");
    bool streaks = settings.streaks;
    if (ImGui::Checkbox("##streaks", &streaks)) {
      settings.streaks = streaks;
      f.actions.push(app::action::SetStudySettings{settings});
    }
    // Rest days have a row of their own, so the choice never runs past a narrow column.
    setting_label("Rest days a week");
    ImGui::BeginDisabled(!settings.streaks);
    for (int rest = 0; rest <= 2; ++rest) {
      ImGui::PushID(rest);
      if (rest > 0) ImGui::SameLine();
      if (ImGui::RadioButton(fmt::format("{}", rest).c_str(), settings.rest_days == rest)) {
        settings.rest_days = rest;
        f.actions.push(app::action::SetStudySettings{settings});
      }
      ImGui::PopID();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    muted("Days off that do not break a day streak.");
    ImGui::EndTable();
  }

  section_title(f, "Questions set aside");
  const auto& suspended = f.view.study.suspended;
  if (suspended.empty())
    muted("None. From \"Questions you keep missing\" on the Review screen you can set a question aside; it is listed here.");
  for (std::size_t i = 0; i < suspended.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    paragraph(suspended[i].prompt);
    note(f, suspended[i].topic);
    if (ImGui::SmallButton("Bring it back")) f.actions.push(app::action::RestoreQuestion{suspended[i].question});
    ImGui::Dummy(ImVec2(0, 2 * f.fonts.scale));
    ImGui::PopID();
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
    fact_row("Loaded from", fmt::format("{}", fmt::join(f.view.bank_sources, "\n")));
    fact_row("Contents", fmt::format("{} roles, {} topics, {} questions, {} statements", f.view.roles.size(),
                                     f.view.topics.size(), f.view.question_total, f.view.statement_total));
    ImGui::EndTable();
  }
}

}  // namespace rp::ui
