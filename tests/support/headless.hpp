#pragma once
// A headless Dear ImGui context (no window, no GPU): the app's real screens are drawn into it
// frame by frame, with mouse and keys simulated through ImGuiIO, as in imgui's example_null.
//
// Tests find widgets by their ImGui id, never by trying screen positions. Debian's ImGui 1.86 is
// built without IMGUI_ENABLE_TEST_ENGINE, so its item hook is compiled out; instead a test binary
// that links support/item_hook.cpp (see tests/CMakeLists.txt) routes ImGui::ItemAdd and ImGui's
// text renderers, as its widgets call them, through wrappers that record each item's id, the
// ID-stack seed it was made with, its window, its rectangle and the text it drew. A label then
// names exactly one item: the one whose id is ImHashStr(label, 0, seed), which is how ImGui itself
// turned that label into an id.
#include <imgui.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/app.hpp"
#include "ui/style.hpp"
#include "ui/ui_state.hpp"

struct ImRect;

namespace rp::test {

// One entry of ImGui's ID stack as ImGui::PushID made it, from a string or from an int.
struct IdScope {
  IdScope(const char* label) : part(std::string(label)) {}
  IdScope(int number) : part(number) {}
  std::variant<std::string, int> part;
};

// One item ImGui added during the last frame.
struct DrawnItem {
  ImGuiID id = 0;                 // 0 for plain text, which has no id
  std::vector<ImGuiID> id_stack;  // its window's ID stack when it was added, the window's own id first
  std::string window;  // the window's full name ("RolePath/content_1A2B3C4D/banner_...")
  ImVec2 min, max;     // its rectangle on screen
  ImVec2 clip_min, clip_max;  // the visible part of its window at that moment
  bool clipped = false;       // outside the visible part, so ImGui skipped it
  bool disabled = false;      // inside BeginDisabled
  std::string text;           // the text it drew (parts joined by a space), as ImGui drew it
  bool text_cut = false;      // some of that text ran past its box and was clipped (a label wider than its button)

  // The window's own name: the last part of `window`, without the id ImGui appends to a child's.
  std::string window_name() const;
};

class HeadlessUi {
 public:
  explicit HeadlessUi(app::App& application, ImVec2 size = ImVec2(1280, 800));
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // Draws one frame of the app and applies the actions it queued, as the real loop does.
  void frame();
  void frames(int count);
  // Presses and releases the left button at `at` (two frames), then lets the result settle.
  void click(ImVec2 at);
  // Finds the item labelled `label` (see item()), moves the mouse to the middle of its visible
  // part, and requires ImGui to report that very item hovered before pressing and releasing.
  void click(std::string_view label, std::string_view window = {}, const std::vector<IdScope>& scope = {});
  // Holds Ctrl and presses a digit key for one frame.
  void ctrl_digit(char digit);
  // Presses and releases a key (a GLFW key code: digits and letters are their ASCII codes).
  void key(int code);
  // Lets `seconds` pass on ImGui's clock during the next frame.
  void pass_time(float seconds);
  // Scrolls the window of that own name (a child such as "lesson") to its end for the next frame.
  void scroll_to_end(std::string_view window);
  // Scrolls the item's window so the item sits in the middle of its visible part, as a learner
  // scrolls to a button below the fold.
  void scroll_into_view(std::string_view label, std::string_view window = {}, const std::vector<IdScope>& scope = {});

  // The items of the last frame (empty unless the test binary links support/item_hook.cpp).
  const std::vector<DrawnItem>& items() const { return items_; }
  // The one item of the last frame whose id is `label`'s, in a window whose own name is `window`
  // (any window when empty), directly inside the PushID scopes `scope` (outermost first; any when
  // empty). Throws std::runtime_error when there is none or more than one.
  const DrawnItem& item(std::string_view label, std::string_view window = {}, const std::vector<IdScope>& scope = {}) const;
  bool has_item(std::string_view label, std::string_view window = {}, const std::vector<IdScope>& scope = {}) const;
  // What the items in windows of that own name drew as text last frame, in order.
  std::vector<std::string> texts_in(std::string_view window) const;
  // The item ImGui saw under the mouse, and the one being used (typed into, held), last frame.
  ImGuiID hovered_id() const;
  ImGuiID focused_id() const;  // the item holding the keyboard focus (ImGui's NavId)
  ImGuiID active_id() const;

  const ui::Fonts& fonts() const { return fonts_.fonts(); }

  // For support/item_hook.cpp: records an item the current frame just added, and text ImGui just
  // drew for the item added last in the current window.
  static void note_item_added(const ImRect& bb, ImGuiID id, bool shown);
  static void note_text_drawn(const char* text, const char* text_end);
  static void note_text_cut();

 private:
  void press_and_release();  // the left button down for a frame, up, then the mouse away
  // As the window does between frames: fonts for the text size and the characters in use.
  void keep_fonts();
  std::vector<const DrawnItem*> matches(std::string_view label, std::string_view window,
                                        const std::vector<IdScope>& scope) const;

  app::App& app_;
  ImGuiContext* context_;
  ui::FontKeeper fonts_;
  ui::UiState state_;
  std::vector<DrawnItem> items_;    // the last frame's
  std::vector<DrawnItem> drawing_;  // the frame being drawn
};

}  // namespace rp::test
