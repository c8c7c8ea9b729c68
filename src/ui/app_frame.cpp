#include <algorithm>
#include <optional>
#include <utility>
#include <variant>
#include <vector>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover: closes what a throwing screen left open

#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

namespace rp::ui {

namespace {
// The sidebar narrows with the window, so a small laptop keeps room for the screen itself.
float sidebar_width(const Frame& f) {
  const float s = f.fonts.scale;
  return std::clamp(ImGui::GetMainViewport()->Size.x * 0.2f, 232 * s, 250 * s);
}

// Past this width a screen's column stops growing and is centred: lines and charts stay readable
// on a large monitor, and screens with room for two columns use them (see wide_layout).
float column_max_width(const Frame& f) { return 1400 * f.fonts.scale; }

void draw_sidebar(const Frame& f) {
  const float s = f.fonts.scale;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, f.colors.sidebar);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16 * s, 24 * s));
  ImGui::BeginChild("sidebar", ImVec2(sidebar_width(f), 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PushStyleColor(ImGuiCol_Text, f.colors.accent);
  text_in(f.fonts.heading, "RolePath");
  ImGui::PopStyleColor();
  note(f, "AI Architect or ML Software Engineer?");
  ImGui::Dummy(ImVec2(0, 18 * s));

  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  int shortcut = 1;
  for (auto screen : app::all_screens) {
    ImGui::PushID(static_cast<int>(screen));
    const bool current = app::sidebar_entry(f.view.screen) == screen;
    ImGui::PushFont(current ? f.fonts.bold : f.fonts.body);
    const std::string label(app::screen_title(screen));
    if (ImGui::Selectable(label.c_str(), current, 0, ImVec2(0, 36 * s))) f.actions.push(app::action::Navigate{screen});
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+%d", shortcut);
    ImGui::PopID();
    ++shortcut;
  }
  ImGui::PopStyleVar();

  // The learner's name sits at the foot of the sidebar.
  const float foot = ImGui::GetWindowHeight() - ImGui::GetTextLineHeightWithSpacing() * 2.2f - 24 * s;
  if (ImGui::GetCursorPosY() < foot) ImGui::SetCursorPosY(foot);
  note(f, "Studying as");
  text_in(f.fonts.bold, f.view.profile_name);
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

// Narrows the current window's column to `max_width`, centred, and returns the margin it indented
// by (0 when the window is narrower). Every screen measures its width with GetContentRegionAvail,
// which reads the content region this moves in, so none of them need to know.
float centre_column(float max_width) {
  const float available = ImGui::GetContentRegionAvail().x;
  if (available <= max_width) return 0;
  const float margin = (available - max_width) / 2;
  ImGui::Indent(margin);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->ContentRegionRect.Max.x -= margin;
  window->WorkRect.Max.x -= margin;
  return margin;
}

void draw_banner(const Frame& f) {
  if (f.view.error_banner.empty()) return;
  const bool notice = f.view.banner_is_notice;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, notice ? f.colors.notice : f.colors.banner);
  ImGui::PushStyleColor(ImGuiCol_Text, notice ? f.colors.notice_text : f.colors.banner_text);
  const ImVec2 padding(16 * f.fonts.scale, 10 * f.fonts.scale);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
  // Tall enough for the whole message as it wraps at this width, so nothing is cut off.
  const float wrap_width = ImGui::GetContentRegionAvail().x - 3 * padding.x - 110 * f.fonts.scale;
  const float message_height =
      ImGui::CalcTextSize(f.view.error_banner.c_str(), nullptr, false, std::max(wrap_width, 50.0f)).y;
  const float height = 2 * padding.y + ImGui::GetTextLineHeightWithSpacing() + message_height + 4 * f.fonts.scale;
  ImGui::BeginChild("banner", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  text_in(f.fonts.bold, notice ? "Please note" : "Something went wrong");
  ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - 110 * f.fonts.scale);
  text(f.view.error_banner);
  ImGui::PopTextWrapPos();
  ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() - 110 * f.fonts.scale, padding.y));
  ImGui::PopStyleColor();  // button text in the normal colour
  if (ImGui::Button("Dismiss")) f.actions.push(app::action::DismissError{});
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
}

void handle_shortcuts(const Frame& f) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  // GLFW's key codes for digits are their ASCII codes, so '1'..'7' index io.KeysDown directly.
  for (std::size_t i = 0; i < app::all_screens.size(); ++i) {
    if (ImGui::IsKeyPressed(static_cast<int>('1' + i), false))
      f.actions.push(app::action::Navigate{app::all_screens[i]});
  }
}

// Where Esc goes from each screen and stage: out of what is open, else back to Home.
std::optional<app::Action> back_action(const app::ViewState& view) {
  using app::Screen;
  switch (view.screen) {
    case Screen::home: return std::nullopt;
    case Screen::fit:
      if (view.fit.stage == app::FitStage::asking) return app::action::FitQuit{};
      break;
    case Screen::quiz:
    case Screen::review:
      if (view.session.stage != app::SessionStage::none) return app::action::QuizQuit{};
      break;
    case Screen::learn:
      if (view.learn.open) return app::action::LearnClose{};
      break;
    default: break;
  }
  return app::action::Navigate{Screen::home};
}

// The keys of each screen, for the F1 overlay.
std::vector<std::pair<const char*, const char*>> keys_for(app::Screen screen) {
  std::vector<std::pair<const char*, const char*>> keys{
      {"Tab / Shift+Tab", "Next / previous button or field"},
      {"Arrow keys", "Move between buttons"},
      {"Enter or Space", "Press the focused button"},
      {"Esc", "Go back (leave a question set, close a lesson, return Home)"},
      {"Ctrl+1 to Ctrl+7", "Open a screen of the sidebar"},
      {"F1 or ?", "Show or hide these keys"}};
  switch (screen) {
    case app::Screen::fit:
      keys.insert(keys.end(), {{"1 to 5", "Answer, from strongly disagree to strongly agree"},
                               {"S", "Skip the statement"},
                               {"Backspace", "Back to the previous statement"}});
      break;
    case app::Screen::quiz:
    case app::Screen::review:
      keys.insert(keys.end(), {{"1 to 9", "Choose an option"},
                               {"Enter", "Check the answer, then go on (when no button has the focus)"},
                               {"Ctrl+Z", "Undo the last answer"}});
      break;
    default: break;
  }
  return keys;
}

void draw_keys_help(const Frame& f) {
  if (f.ui.show_keys) ImGui::OpenPopup("Keys");
  const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Keys", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoTitleBar)) return;
  text_in(f.fonts.title, fmt::format("Keys on {}", app::screen_title(f.view.screen)));
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const auto& [key, what] : keys_for(f.view.screen)) {
      ImGui::TableNextColumn();
      text_in(f.fonts.bold, key);
      ImGui::TableNextColumn();
      text(what);
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Close") || !f.ui.show_keys) {
    f.ui.show_keys = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SetItemDefaultFocus();
  ImGui::EndPopup();
}

void handle_keys(const Frame& f) {
  if (keyboard::keys_help_pressed()) f.ui.show_keys = !f.ui.show_keys;
  if (!keyboard::escape_pressed()) return;
  keyboard::hide_focus();  // no stray focus frame is left around a pane
  if (f.ui.show_keys) {
    f.ui.show_keys = false;
    return;
  }
  if (auto back = back_action(f.view)) std::visit([&](auto&& action) { f.actions.push(std::move(action)); }, std::move(*back));
}

void draw_current_screen(const Frame& f) {
  switch (f.view.screen) {
    case app::Screen::home: draw_home(f); break;
    case app::Screen::fit: draw_fit(f); break;
    case app::Screen::learn: draw_learn(f); break;
    case app::Screen::quiz: draw_quiz(f); break;
    case app::Screen::review: draw_review(f); break;
    case app::Screen::progress: draw_progress(f); break;
    case app::Screen::settings: draw_settings(f); break;
    case app::Screen::result: draw_result(f); break;
  }
}
}  // namespace

void guarded(app::ActionQueue& actions, const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    actions.push(app::action::ShowError{fmt::format("This screen could not be drawn: {}", e.what())});
  }
}

void draw_frame(const app::ViewState& view, app::ActionQueue& actions, const Fonts& fonts, UiState& ui) {
  const Frame f{view, actions, fonts, palette(view.theme), ui};
  guarded(actions, [&] {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("RolePath", nullptr, flags);
    ImGui::PopStyleVar();
    keyboard::begin_frame();
    handle_shortcuts(f);
    handle_keys(f);
    draw_sidebar(f);
    ImGui::SameLine(0, 0);
    const float pad = (ImGui::GetContentRegionAvail().x < 900 * fonts.scale ? 24 : 36) * fonts.scale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f));
    // A screen opened anew starts at its top, not where the last one was scrolled to.
    if (ui.last_screen != static_cast<int>(view.screen)) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ui.last_screen = static_cast<int>(view.screen);
    ImGui::BeginChild("content", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    keyboard::enter_content_on_tab();
    const float margin = centre_column(column_max_width(f));
    draw_banner(f);
    ImGui::PushID(static_cast<int>(view.screen));
    draw_current_screen(f);
    ImGui::PopID();
    if (margin > 0) ImGui::Unindent(margin);
    ImGui::EndChild();
    draw_keys_help(f);
    ImGui::End();
    keyboard::end_frame();
  });
}

}  // namespace rp::ui
