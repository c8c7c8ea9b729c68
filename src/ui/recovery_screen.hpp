#pragma once
// The screen shown instead of the app when the database cannot be opened.
#include <array>
#include <optional>
#include <string>

#include "ui/style.hpp"

namespace rp::ui {

struct RecoveryView {
  std::string path;
  std::string problem;
  bool in_use = false;                       // another RolePath has it open: only retry or quit
  std::optional<std::string> latest_backup;  // a backup file that can be restored
  std::string latest_backup_date;
  std::string suggested_new_path;
};

struct RecoveryChoice {
  enum class Kind { none, restore, open_other, start_new, retry, quit };
  Kind kind = Kind::none;
  std::string path;  // for open_other and start_new
};

struct RecoveryState {
  std::array<char, 1024> other_path{};
  std::array<char, 1024> new_path{};
  bool filled = false;
};

// Draws the whole window; returns what the learner chose this frame, if anything.
RecoveryChoice draw_recovery(const RecoveryView& view, RecoveryState& state, const Fonts& fonts);

}  // namespace rp::ui
