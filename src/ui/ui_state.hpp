#pragma once
// What the screens remember between frames that is not the learner's data: text being typed and
// which confirmation is open. Owned by the window (or a test), passed to every frame.
#include <array>
#include <cstdint>
#include <optional>

namespace rp::ui {

struct UiState {
  // Room for the longest name, 64 characters of up to four bytes, and the closing NUL.
  std::array<char, 64 * 4 + 1> new_profile{};
  std::optional<std::int64_t> renaming;  // profile whose name is being edited
  std::array<char, 64 * 4 + 1> rename{};
  std::optional<std::int64_t> confirm_delete;  // profile awaiting "delete?" confirmation
  bool focus_rename = false;       // the rename field takes the keyboard focus on its next frame
  bool rename_sent = false;        // Save was pressed: the field closes unless the app refused the name
  bool new_profile_sent = false;   // Add was pressed: the field empties unless the app refused the name
  // Settings being changed: the learner's value while the control is held or typed in, so the
  // stored value the view re-reads each frame never overrides a drag; it is committed on release.
  std::optional<float> retention_edit;
  std::optional<int> daily_limit_edit;
  std::optional<int> text_size_edit;
  int goal_unit = 0;                           // a core::WeeklyGoal::Unit, while editing the goal
  int goal_target = 50;
  bool editing_goal = false;
  // The Learn screen: which opening of a lesson the reader has set up (scrolled to the top or to
  // the asked-for section), and when that opening began, in ImGui's clock.
  int lesson_opening = 0;
  double lesson_opened_at = 0;

  // Layout: the screen drawn last frame, so a screen opened anew starts at its top.
  int last_screen = -1;
  // Progress: the topic whose mastery line is picked out (-1: none, every line in its colour).
  int mastery_focus = -1;
  bool show_keys = false;  // the F1 overlay of keys
};

}  // namespace rp::ui
