#pragma once
// A headless Dear ImGui context (no window, no GPU): the app's real screens are drawn into it
// frame by frame, with mouse and keys simulated through ImGuiIO, as in imgui's example_null.
#include <imgui.h>

#include "app/app.hpp"
#include "ui/style.hpp"
#include "ui/ui_state.hpp"

namespace rp::test {

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
  // Holds Ctrl and presses a digit key for one frame.
  void ctrl_digit(char digit);
  // Presses and releases a key (a GLFW key code: digits and letters are their ASCII codes).
  void key(int code);

  const ui::Fonts& fonts() const { return fonts_; }

 private:
  app::App& app_;
  ImGuiContext* context_;
  ui::Fonts fonts_;
  ui::UiState state_;
};

}  // namespace rp::test
