#pragma once
// Keyboard use beyond what Dear ImGui 1.86 does by itself. Its keyboard navigation (arrows, Space)
// is on; on top of it:
//  - Tab and Shift+Tab walk every item of the screen in order (1.86 tabs only through text fields);
//  - Enter presses the item that has the keyboard focus, as Space does;
//  - Esc goes back (draw_frame decides where), and never leaves ImGui's frame around a pane;
//  - F1 or ? shows the keys of the current screen.
// A screen's own Enter (check the answer, go on) applies only while no item has the focus.
#include <imgui.h>

namespace rp::ui::keyboard {

// GLFW's key codes, which the backend puts in io.KeysDown (tests use the same numbers).
inline constexpr int enter = 257, keypad_enter = 335, escape = 256, tab = 258, f1 = 290;

// At the start of a frame, before any item: turns a pending Tab into a walk over every item, and an
// Enter into a press of the focused item.
void begin_frame();
// At the end of a frame: remembers whether the focused item was drawn, for the next frame's Enter.
void end_frame();
// Call first inside the content window: Tab from outside it (nothing focused yet, or the sidebar)
// moves the focus to the screen's first item.
void enter_content_on_tab();
// Whether an item shows the keyboard focus, so Enter belongs to it.
bool item_has_focus();
// Enter for the screen's own default action: false while an item has the focus.
bool enter_pressed();
// Esc, once, when no text is being typed.
bool escape_pressed();
// Hides the focus frame (after Esc went back, or on a new screen).
void hide_focus();
// F1, or "?" typed outside a text field.
bool keys_help_pressed();

}  // namespace rp::ui::keyboard
