#include "ui/keyboard.hpp"

#include <imgui_internal.h>  // the navigation state 1.86 keeps there

namespace rp::ui::keyboard {

namespace {
bool focused_item_was_drawn = false;  // the last frame drew the item holding the focus
bool tab_pressed() {
  const ImGuiIO& io = ImGui::GetIO();
  return ImGui::IsKeyPressed(tab, true) && !io.KeyCtrl && !io.KeyAlt && !io.WantTextInput;
}
}  // namespace

bool item_has_focus() {
  const ImGuiContext& g = *GImGui;
  return g.NavId != 0 && !g.NavDisableHighlight && g.NavWindow != nullptr && focused_item_was_drawn;
}

void begin_frame() {
  ImGuiContext& g = *GImGui;
  // NewFrame has turned Tab into a tabbing request over text fields only; asking it as the focus
  // API does (ImGuiNavMoveFlags_FocusApi, what SetKeyboardFocusHere uses) makes every item a stop,
  // and the focus is moved, never an item pressed.
  if (g.NavMoveScoringItems && (g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) != 0 &&
      (g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi) == 0) {
    g.NavMoveFlags |= ImGuiNavMoveFlags_FocusApi;
    // From the focused item on; from the first item when the focus is on nothing drawn any more (a
    // button of the screen before), which ImGui would otherwise never move away from.
    const bool from_item = g.NavId != 0 && focused_item_was_drawn;
    g.NavTabbingDir = from_item ? (g.IO.KeyShift ? -1 : +1) : 0;
  }
  // Enter presses the focused item exactly as Space (ImGuiNavInput_Activate) would.
  if (item_has_focus() && g.ActiveId == 0 && !g.IO.WantTextInput &&
      (ImGui::IsKeyPressed(enter, false) || ImGui::IsKeyPressed(keypad_enter, false))) {
    g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = g.NavId;
  }
}

void end_frame() { focused_item_was_drawn = GImGui->NavIdIsAlive; }

void enter_content_on_tab() {
  const ImGuiContext& g = *GImGui;
  if (!tab_pressed() || g.NavWindow == ImGui::GetCurrentWindow()) return;
  if (g.NavWindow != nullptr && (g.NavWindow->Flags & ImGuiWindowFlags_NavFlattened) != 0 &&
      g.NavWindow->ParentWindow == ImGui::GetCurrentWindow())
    return;  // already inside: a card of this screen
  ImGui::SetKeyboardFocusHere();
  GImGui->NavDisableHighlight = false;
}

bool enter_pressed() {
  return !item_has_focus() && (ImGui::IsKeyPressed(enter, false) || ImGui::IsKeyPressed(keypad_enter, false));
}

bool escape_pressed() { return !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(escape, false); }

void hide_focus() { GImGui->NavDisableHighlight = true; }

bool keys_help_pressed() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return false;
  if (ImGui::IsKeyPressed(f1, false)) return true;
  for (const ImWchar c : io.InputQueueCharacters)
    if (c == '?') return true;
  return false;
}

}  // namespace rp::ui::keyboard
