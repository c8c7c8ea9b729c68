#pragma once
// The real window: GLFW, an OpenGL 3.3 core context, ImGui's GLFW and OpenGL 3 backends, the
// event loop, and screenshots.
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "app/app.hpp"
#include "ui/recovery_screen.hpp"

namespace rp::platform {

// There is no display to open a window on (no X11 or Wayland server, or GLFW could not use it).
class NoDisplayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct WindowOptions {
  int width = 1280;
  int height = 800;
  std::filesystem::path ini_file;                  // ImGui's layout file; empty keeps none
  std::optional<std::filesystem::path> screenshot;  // render, save a PNG, and return
  int frames_before_screenshot = 4;                // lets auto-sized tables and windows settle
  bool exit_after_first_frame = false;             // for the benchmark: print "first frame" and exit
};

// Throws NoDisplayError before touching anything when no display is reachable.
void require_display();

// Runs the window until it is closed (or, with a screenshot, until the PNG is written).
void run_window(app::App& app, const WindowOptions& options);

// When the database cannot be opened: a window that names the path and the problem and offers
// what makes sense. Returns the learner's choice (Kind::none when the window was closed).
ui::RecoveryChoice run_recovery_window(const ui::RecoveryView& view, const WindowOptions& options);

}  // namespace rp::platform
