#include "platform/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cstdio>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <functional>
#include <string>
#include <vector>

#include "ui/recovery_screen.hpp"
#include "ui/screens.hpp"

namespace rp::platform {

namespace {
std::string last_glfw_error;

void remember_glfw_error(int code, const char* description) {
  last_glfw_error = fmt::format("{} (GLFW error {:#x})", description ? description : "unknown", code);
}

// Idle frames are not drawn: after any event a few frames settle hover and layout, then the
// loop sleeps in glfwWaitEvents until the next event.
constexpr int frames_after_event = 3;

void save_screenshot(const std::filesystem::path& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows run bottom-up; PNG's top-down.
  const int stride = width * 4;
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data() + static_cast<std::ptrdiff_t>(height - 1) * stride,
                      -stride)) {
    throw std::runtime_error(fmt::format("{}: cannot write the screenshot", path.string()));
  }
}

struct GlfwSession {
  GlfwSession() {
    glfwSetErrorCallback(remember_glfw_error);
    if (!glfwInit()) throw NoDisplayError(fmt::format("cannot open a window: {}", last_glfw_error));
  }
  ~GlfwSession() { glfwTerminate(); }
};

struct ImGuiSession {
  ImGuiSession(GLFWwindow* window, const std::string& ini_file) : ini(ini_file) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = ini.empty() ? nullptr : ini.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  std::string ini;  // ImGui keeps the pointer, so the string lives as long as the context
};
}  // namespace

void require_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((!x11 || !*x11) && (!wayland || !*wayland)) {
    throw NoDisplayError("no display: neither DISPLAY nor WAYLAND_DISPLAY is set");
  }
}

namespace {
// Dear ImGui 1.86 reads keys as "down" flags once per frame, so a key pressed and released before
// the next frame (a quick tap, or xdotool) would never be seen. Releases that come after a press
// the next frame has not seen yet are held back and handed over after that frame.
struct KeyTaps {
  std::vector<int> pressed_this_frame;
  std::vector<std::array<int, 4>> held_releases;  // key, scancode, action, mods
};
KeyTaps key_taps;

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (action == GLFW_PRESS) key_taps.pressed_this_frame.push_back(key);
  // Any release after a press the next frame has not seen waits for it, modifiers included, so
  // "Ctrl+3" tapped across two polls still reaches the frame as Ctrl held with 3.
  if (action == GLFW_RELEASE && (!key_taps.pressed_this_frame.empty() || !key_taps.held_releases.empty())) {
    key_taps.held_releases.push_back({key, scancode, action, mods});
    return;
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// After a frame: the presses it saw may now be released.
void release_held_keys(GLFWwindow* window) {
  key_taps.pressed_this_frame.clear();
  for (const auto& [key, scancode, action, mods] : std::exchange(key_taps.held_releases, {}))
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// What one frame of a window does, between NewFrame and Render, and whether anything changed
// (so the loop keeps drawing a few more frames before it sleeps again).
struct FrameHooks {
  std::function<app::Theme()> theme;
  std::function<bool(const ui::Fonts&)> draw;  // returns true when the window should close
  std::function<bool()> after;                 // applies what the frame queued; true if anything changed
  std::function<void(const std::string&)> warn;
};

void run_frames(const WindowOptions& options, const FrameHooks& hooks) {
  require_display();
  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "RolePath", nullptr, nullptr);
  if (!window) throw NoDisplayError(fmt::format("cannot open a window: {}", last_glfw_error));
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  if (!options.ini_file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.ini_file.parent_path(), ec);
  }
  {
    ImGuiSession imgui(window, options.ini_file.string());
    glfwSetKeyCallback(window, on_key);  // in front of the backend's, see KeyTaps
    float scale_x = 1.0f, scale_y = 1.0f;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    const float scale = std::max(1.0f, scale_y);
    const ui::Fonts fonts = ui::load_fonts(scale);
    if (!fonts.warning.empty() && hooks.warn) hooks.warn(fonts.warning);
    app::Theme applied_theme = hooks.theme();
    ui::apply_theme(applied_theme, scale);

    int frames_left = frames_after_event;
    int frame_number = 0;
    bool close = false;
    while (!close && !glfwWindowShouldClose(window)) {
      if (frames_left > 0 || options.screenshot) {
        glfwPollEvents();
      } else {
        glfwWaitEvents();
        frames_left = frames_after_event;
      }
      if (hooks.theme() != applied_theme) {
        applied_theme = hooks.theme();
        ui::apply_theme(applied_theme, scale);
      }
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      close = hooks.draw(fonts);
      ImGui::Render();
      const bool tapped = !key_taps.held_releases.empty();
      release_held_keys(window);

      int width = 0, height = 0;
      glfwGetFramebufferSize(window, &width, &height);
      glViewport(0, 0, width, height);
      const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      glClearColor(clear.x, clear.y, clear.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      ++frame_number;
      if (options.screenshot && frame_number >= options.frames_before_screenshot) {
        save_screenshot(*options.screenshot, width, height);
        break;
      }
      glfwSwapBuffers(window);
      if (options.exit_after_first_frame) {
        glFinish();  // the frame is on screen, not just queued
        std::fputs("first frame\n", stdout);
        std::fflush(stdout);
        break;
      }
      if (hooks.after() || tapped) frames_left = frames_after_event;
      --frames_left;
    }
  }
  glfwDestroyWindow(window);
}
}  // namespace

void run_window(app::App& app, const WindowOptions& options) {
  ui::UiState ui_state;
  FrameHooks hooks;
  hooks.theme = [&] { return app.view().theme; };
  hooks.draw = [&](const ui::Fonts& fonts) {
    ui::draw_frame(app.view(), app.actions(), fonts, ui_state);
    return false;
  };
  hooks.after = [&] {
    const bool changed = !app.actions().empty();
    app.apply_pending();
    return changed;
  };
  hooks.warn = [&](const std::string& warning) { app.apply(app::action::ShowError{warning}); };
  run_frames(options, hooks);
}

ui::RecoveryChoice run_recovery_window(const ui::RecoveryView& view, const WindowOptions& options) {
  ui::RecoveryState state;
  ui::RecoveryChoice choice;
  FrameHooks hooks;
  hooks.theme = [] { return app::Theme::light; };
  hooks.draw = [&](const ui::Fonts& fonts) {
    choice = ui::draw_recovery(view, state, fonts);
    return choice.kind != ui::RecoveryChoice::Kind::none;
  };
  hooks.after = [] { return true; };
  run_frames(options, hooks);
  return choice;  // none when the window was closed (or only a screenshot was taken)
}

}  // namespace rp::platform
