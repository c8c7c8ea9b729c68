#include "platform/window.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <malloc.h>
#include <stb_image_write.h>

#include <cstdio>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>
#include <functional>
#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "core/codepoints.hpp"
#include "ui/fonts.hpp"
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
  ImGuiSession(GLFWwindow* window, const std::string& ini_file, ImFontAtlas* fonts) : ini(ini_file) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(fonts);
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
  std::function<float()> text_size;  // the learner's text size: 1 is 100%
  // What the fonts must draw: every character the view may show, and text being typed.
  std::function<const core::CodepointSet&()> characters;
  std::function<std::vector<std::string_view>()> typed;
  std::function<bool(const ui::Fonts&)> draw;  // returns true when the window should close
  std::function<bool()> after;                 // applies what the frame queued; true if anything changed
  std::function<void(const std::string&, bool notice)> warn;
};

// The window's fonts, kept right between frames: built before the first one, and built again when
// the monitor's content scale or the learner's text size changes, or text appears that needs
// glyphs the atlas lacks. The atlas is RolePath's, lent to ImGui's context, so it can be built
// before that context exists. ImGui's OpenGL backend makes its font texture on the first
// NewFrame; after a rebuild the texture is made again.
class WindowFonts {
 public:
  explicit WindowFonts(const FrameHooks& hooks) : hooks_(hooks) {}

  // Before the window exists (on another thread): the atlas for the primary monitor's scale,
  // which is the window's unless it opens on another monitor.
  void prepare(float content_scale) { keeper_.update(atlas_, scale_for(content_scale), characters(), typed()); }
  ImFontAtlas* atlas() { return &atlas_; }

  // Between frames. True when the fonts were rebuilt, so the style must be scaled anew.
  bool update(GLFWwindow* window) {
    float scale_x = 1.0f, scale_y = 1.0f;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    if (!keeper_.update(atlas_, scale_for(scale_y), characters(), typed())) return false;
    if (texture_made_) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    tell();
    return true;
  }
  // Says once: no font at all (a warning), or characters no installed font has (a notice).
  void tell() {
    const ui::Fonts& fonts = keeper_.fonts();
    const std::string message = fonts.warning.empty() ? ui::missing_fonts_notice(fonts.uncovered) : fonts.warning;
    if (!message.empty() && message != told_ && hooks_.warn) hooks_.warn(message, fonts.warning.empty());
    told_ = message;
  }
  void texture_made() { texture_made_ = true; }
  const ui::Fonts& fonts() const { return keeper_.fonts(); }

 private:
  float scale_for(float content_scale) const {
    return std::max(1.0f, content_scale) * (hooks_.text_size ? hooks_.text_size() : 1.0f);
  }
  const core::CodepointSet& characters() const {
    static const core::CodepointSet none;
    return hooks_.characters ? hooks_.characters() : none;
  }
  std::vector<std::string_view> typed() const { return hooks_.typed ? hooks_.typed() : std::vector<std::string_view>{}; }

  const FrameHooks& hooks_;
  ImFontAtlas atlas_;
  ui::FontKeeper keeper_;
  bool texture_made_ = false;
  std::string told_;
};

// The window, destroyed however the start ends (glfwTerminate would, but only later).
struct GlfwWindow {
  GLFWwindow* window = nullptr;
  ~GlfwWindow() {
    if (window) glfwDestroyWindow(window);
  }
};

// `before_fonts`, when given, runs on the second thread first: it makes what the hooks draw from.
void run_frames(const WindowOptions& options, const FrameHooks& hooks, const std::function<void()>& before_fonts = {}) {
  require_display();
  GlfwSession glfw;
  WindowFonts fonts(hooks);
  float monitor_scale_x = 1.0f, monitor_scale_y = 1.0f;
  if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &monitor_scale_x, &monitor_scale_y);
  GlfwWindow made;
  // The App (bank and database) and then the fonts are made on a second thread while the window
  // and its OpenGL context are made here, the slowest steps of a start. The thread is joined
  // before ImGui's context exists: ImGui counts its allocations in that context, so no ImGui code
  // may run on two threads once it does. (Declared after `made` and `fonts`: if the window fails,
  // the thread is waited for before what it uses goes.)
  std::future<void> building = std::async(std::launch::async, [&] {
    if (before_fonts) before_fonts();
    fonts.prepare(monitor_scale_y);
  });
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  // Shown once there is something to draw: a start that fails (a bank error, a damaged
  // database) shows no empty window before its message or the recovery window.
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  made.window = glfwCreateWindow(options.width, options.height, "RolePath", nullptr, nullptr);
  GLFWwindow* window = made.window;
  if (!window) throw NoDisplayError(fmt::format("cannot open a window: {}", last_glfw_error));
  // Every screen is laid out for 800x600 and up (tests/layout_test.cpp); smaller would cut it.
  glfwSetWindowSizeLimits(window, 800, 600, GLFW_DONT_CARE, GLFW_DONT_CARE);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  if (!options.ini_file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.ini_file.parent_path(), ec);
  }
  building.get();
  glfwShowWindow(window);
  // What the font thread freed (the font files, stb_truetype's work) sits in its own malloc arena,
  // which the rest of the start never reuses: given back, it no longer adds to the peak memory.
  ::malloc_trim(0);
  {
    ImGuiSession imgui(window, options.ini_file.string(), fonts.atlas());
    glfwSetKeyCallback(window, on_key);  // in front of the backend's, see KeyTaps
    if (!fonts.update(window)) fonts.tell();
    app::Theme applied_theme = hooks.theme();
    ui::apply_theme(applied_theme, fonts.fonts().scale);

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
      // Between frames: never rebuild the fonts or restyle inside one.
      if (fonts.update(window) || hooks.theme() != applied_theme) {
        applied_theme = hooks.theme();
        ui::apply_theme(applied_theme, fonts.fonts().scale);
      }
      ImGui_ImplOpenGL3_NewFrame();
      fonts.texture_made();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      close = hooks.draw(fonts.fonts());
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
}

// The hooks of the App's window. `app` is read at each call, so the App may be made after them.
FrameHooks app_hooks(app::App* const& app, ui::UiState& ui_state) {
  FrameHooks hooks;
  hooks.theme = [&] { return app->view().theme; };
  hooks.text_size = [&] { return static_cast<float>(app->view().text_size) / 100.0f; };
  hooks.characters = [&]() -> const core::CodepointSet& { return app->view().characters; };
  hooks.typed = [&] { return std::vector<std::string_view>{ui_state.new_profile.data(), ui_state.rename.data()}; };
  hooks.draw = [&](const ui::Fonts& fonts) {
    ui::draw_frame(app->view(), app->actions(), fonts, ui_state);
    return false;
  };
  hooks.after = [&] {
    const bool changed = !app->actions().empty();
    app->apply_pending();
    return changed;
  };
  hooks.warn = [&](const std::string& message, bool notice) { app->apply(app::action::ShowError{message, notice}); };
  return hooks;
}
}  // namespace

void run_window(const std::function<std::unique_ptr<app::App>()>& open, const WindowOptions& options) {
  std::unique_ptr<app::App> owned;
  app::App* app = nullptr;  // set on the second thread; joining it makes it visible here
  ui::UiState ui_state;
  const FrameHooks hooks = app_hooks(app, ui_state);
  run_frames(options, hooks, [&] {
    owned = open();
    app = owned.get();
  });
}

ui::RecoveryChoice run_recovery_window(const ui::RecoveryView& view, const WindowOptions& options) {
  ui::RecoveryState state;
  ui::RecoveryChoice choice;
  FrameHooks hooks;
  hooks.theme = [] { return app::Theme::light; };
  core::CodepointSet characters;
  for (const auto* text : {&view.path, &view.problem, &view.latest_backup_date, &view.suggested_new_path})
    characters.add(*text);
  if (view.latest_backup) characters.add(*view.latest_backup);
  hooks.characters = [&]() -> const core::CodepointSet& { return characters; };
  hooks.typed = [&] { return std::vector<std::string_view>{state.other_path.data(), state.new_path.data()}; };
  hooks.draw = [&](const ui::Fonts& fonts) {
    choice = ui::draw_recovery(view, state, fonts);
    return choice.kind != ui::RecoveryChoice::Kind::none;
  };
  hooks.after = [] { return true; };
  run_frames(options, hooks);
  return choice;  // none when the window was closed (or only a screenshot was taken)
}

}  // namespace rp::platform
