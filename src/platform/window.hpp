#pragma once
// The real window: GLFW, an OpenGL 3.3 core context, ImGui's GLFW and OpenGL 3 backends, the
// event loop, and screenshots.
#include <filesystem>
#include <functional>
#include <memory>
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

// Runs the window on the App `open` makes, until it is closed (or, with a screenshot, until the
// PNG is written). `open` runs on a second thread while the window (hidden until the first
// frame) and its OpenGL context are made on this one; then the fonts are built on that thread
// for what the App will show. Whatever `open` throws (a bank that does not
// load, a database that cannot be used) is thrown here before any frame is drawn, and the window
// is gone by then. Without a display it throws NoDisplayError before `open` runs.
void run_window(const std::function<std::unique_ptr<app::App>()>& open, const WindowOptions& options);

// When the database cannot be opened: a window that names the path and the problem and offers
// what makes sense. Returns the learner's choice (Kind::none when the window was closed).
ui::RecoveryChoice run_recovery_window(const ui::RecoveryView& view, const WindowOptions& options);

}  // namespace rp::platform
