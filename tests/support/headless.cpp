#include "support/headless.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <stdexcept>

#include "ui/screens.hpp"

namespace rp::test {

namespace {
HeadlessUi* recording = nullptr;  // the HeadlessUi drawing a frame now, which note_item_added fills

bool is_hex_id(std::string_view s) {
  return s.size() == 8 && s.find_first_not_of("0123456789ABCDEF") == std::string_view::npos;
}

// The id ImGui gives `part` under `seed`: GetID(label) or PushID(int).
ImGuiID id_of(const IdScope& scope, ImGuiID seed) {
  if (const auto* label = std::get_if<std::string>(&scope.part)) return ImHashStr(label->c_str(), 0, seed);
  const int number = std::get<int>(scope.part);
  return ImHashData(&number, sizeof number, seed);
}

// Whether the item's ID stack ends with `scope` and `label` names the item under it.
bool named(const DrawnItem& item, std::string_view label, const std::vector<IdScope>& scope) {
  const auto& stack = item.id_stack;
  if (item.id == 0 || stack.size() < scope.size() + 1) return false;
  if (item.id != id_of(IdScope(std::string(label).c_str()), stack.back())) return false;
  const std::size_t base = stack.size() - 1 - scope.size();  // the entry the first scope was pushed on
  for (std::size_t i = 0; i < scope.size(); ++i)
    if (stack[base + i + 1] != id_of(scope[i], stack[base + i])) return false;
  return true;
}
}  // namespace

std::string DrawnItem::window_name() const {
  std::string_view name(window);
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
    // BeginChild names a child "<parent>/<name>_<id as 8 hex digits>".
    if (const auto underscore = name.rfind('_');
        underscore != std::string_view::npos && is_hex_id(name.substr(underscore + 1)))
      name = name.substr(0, underscore);
  }
  return std::string(name);
}

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
  io.KeyMap[ImGuiKey_LeftArrow] = 263;
  io.KeyMap[ImGuiKey_RightArrow] = 262;
  io.KeyMap[ImGuiKey_UpArrow] = 265;
  io.KeyMap[ImGuiKey_DownArrow] = 264;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the window has it
  keep_fonts();
}

void HeadlessUi::keep_fonts() {
  const float scale = static_cast<float>(app_.view().text_size) / 100.0f;
  if (!fonts_.update(scale, app_.view().characters, {state_.new_profile.data(), state_.rename.data()})) return;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ui::apply_theme(app_.view().theme, fonts_.fonts().scale);
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::pass_time(float seconds) {
  ImGui::GetIO().DeltaTime = seconds;
  frame();
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
}

void HeadlessUi::scroll_to_end(std::string_view window) {
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    DrawnItem probe;
    probe.window = w->Name;
    if (probe.window_name() != window) continue;
    ImGui::SetScrollY(w, w->ScrollMax.y > 0 ? w->ScrollMax.y : FLT_MAX);
    frames(2);
    return;
  }
  throw std::runtime_error("no window named '" + std::string(window) + "'");
}

void HeadlessUi::note_item_added(const ImRect& bb, ImGuiID id, bool shown) {
  if (recording == nullptr) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiWindow* window = g.CurrentWindow;
  DrawnItem item;
  item.id = id;
  item.id_stack.assign(window->IDStack.begin(), window->IDStack.end());
  item.window = window->Name;
  item.min = bb.Min;
  item.max = bb.Max;
  item.clip_min = window->ClipRect.Min;
  item.clip_max = window->ClipRect.Max;
  item.clipped = !shown;
  item.disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  recording->drawing_.push_back(std::move(item));
}

void HeadlessUi::note_text_drawn(const char* text, const char* text_end) {
  if (recording == nullptr || text == text_end || recording->drawing_.empty()) return;
  DrawnItem& last = recording->drawing_.back();
  if (last.window != ImGui::GetCurrentContext()->CurrentWindow->Name) return;
  if (!last.text.empty()) last.text += ' ';
  last.text.append(text, text_end);
}

void HeadlessUi::note_text_cut() {
  if (recording == nullptr || recording->drawing_.empty()) return;
  DrawnItem& last = recording->drawing_.back();
  if (last.window == ImGui::GetCurrentContext()->CurrentWindow->Name) last.text_cut = true;
}

void HeadlessUi::frame() {
  keep_fonts();
  drawing_.clear();
  recording = this;
  ImGui::NewFrame();
  ui::draw_frame(app_.view(), app_.actions(), fonts_.fonts(), state_);
  ImGui::Render();
  recording = nullptr;
  items_ = std::move(drawing_);
  app_.apply_pending();
}

void HeadlessUi::frames(int count) {
  for (int i = 0; i < count; ++i) frame();
}

std::vector<const DrawnItem*> HeadlessUi::matches(std::string_view label, std::string_view window,
                                                  const std::vector<IdScope>& scope) const {
  std::vector<const DrawnItem*> found;
  for (const auto& item : items_)
    if (named(item, label, scope) && (window.empty() || item.window_name() == window)) found.push_back(&item);
  return found;
}

bool HeadlessUi::has_item(std::string_view label, std::string_view window, const std::vector<IdScope>& scope) const {
  return matches(label, window, scope).size() == 1;
}

const DrawnItem& HeadlessUi::item(std::string_view label, std::string_view window,
                                  const std::vector<IdScope>& scope) const {
  const auto found = matches(label, window, scope);
  if (found.size() == 1) return *found.front();
  const std::string where = window.empty() ? std::string() : " in window '" + std::string(window) + "'";
  if (items_.empty())
    throw std::runtime_error("the last frame recorded no items: link support/item_hook.cpp with --wrap (tests/CMakeLists.txt)");
  throw std::runtime_error(std::to_string(found.size()) + " items labelled '" + std::string(label) + "'" + where +
                           " in the last frame, which drew " + std::to_string(items_.size()) + " items");
}

std::vector<std::string> HeadlessUi::texts_in(std::string_view window) const {
  std::vector<std::string> texts;
  for (const auto& item : items_)
    if (!item.text.empty() && item.window_name() == window) texts.push_back(item.text);
  return texts;
}

ImGuiID HeadlessUi::hovered_id() const { return context_->HoveredId; }
ImGuiID HeadlessUi::active_id() const { return context_->ActiveId; }
ImGuiID HeadlessUi::focused_id() const { return context_->NavDisableHighlight ? 0 : context_->NavId; }

void HeadlessUi::click(ImVec2 at) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  frame();
  press_and_release();
}

void HeadlessUi::press_and_release() {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame();
}

void HeadlessUi::click(std::string_view label, std::string_view window, const std::vector<IdScope>& scope) {
  const DrawnItem target = item(label, window, scope);  // a copy: every frame replaces items_
  // Built by appending: GCC 12 misreads "'" + std::string at -O3 (-Wrestrict).
  std::string name(1, '\'');
  name.append(label).push_back('\'');
  const ImVec2 low(std::max(target.min.x, target.clip_min.x), std::max(target.min.y, target.clip_min.y));
  const ImVec2 high(std::min(target.max.x, target.clip_max.x), std::min(target.max.y, target.clip_max.y));
  if (target.clipped || low.x >= high.x || low.y >= high.y)
    throw std::runtime_error(name + " lies outside the visible part of its window");
  ImGuiIO& io = ImGui::GetIO();
  // The pointer arrives with a small move, as a hand's does: ImGui ignores hovering after keyboard
  // use until the mouse moves from somewhere to somewhere.
  const ImVec2 middle((low.x + high.x) / 2, (low.y + high.y) / 2);
  io.MousePos = ImVec2(middle.x - 1, middle.y);
  frame();
  io.MousePos = middle;
  frame();
  if (hovered_id() != target.id)
    throw std::runtime_error("the mouse over the middle of " + name + " is not over it: something covers it or it moved");
  press_and_release();
}

void HeadlessUi::scroll_into_view(std::string_view label, std::string_view window, const std::vector<IdScope>& scope) {
  const DrawnItem target = item(label, window, scope);
  ImGuiWindow* w = ImGui::FindWindowByName(target.window.c_str());
  if (!w) throw std::runtime_error("no window '" + target.window + "'");
  const float middle = (target.clip_min.y + target.clip_max.y) / 2;
  ImGui::SetScrollY(w, w->Scroll.y + (target.min.y + target.max.y) / 2 - middle);
  frames(2);
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
