#include "support/headless.hpp"

#include "ui/screens.hpp"

namespace rp::test {

HeadlessUi::HeadlessUi(app::App& application, ImVec2 size) : app_(application) {
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = size;
  io.DeltaTime = 1.0f / 60.0f;
  io.KeyMap[ImGuiKey_Enter] = 257;  // GLFW's codes, as the real backend maps them
  io.KeyMap[ImGuiKey_Escape] = 256;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Tab] = 258;
  io.KeyMap[ImGuiKey_Backspace] = 259;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
  io.KeyMap[ImGuiKey_Z] = 'Z';
  fonts_ = ui::load_fonts(1.0f);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ui::apply_theme(app_.view().theme, 1.0f);
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::frame() {
  ImGui::NewFrame();
  ui::draw_frame(app_.view(), app_.actions(), fonts_, state_);
  ImGui::Render();
  app_.apply_pending();
}

void HeadlessUi::frames(int count) {
  for (int i = 0; i < count; ++i) frame();
}

void HeadlessUi::click(ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame();
}

void HeadlessUi::ctrl_digit(char digit) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown[static_cast<int>(digit)] = true;
  frame();
  io.KeysDown[static_cast<int>(digit)] = false;
  io.KeyCtrl = false;
  frame();
}

void HeadlessUi::key(int code) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[code] = true;
  frame();
  io.KeysDown[code] = false;
  frame();
}

}  // namespace rp::test
