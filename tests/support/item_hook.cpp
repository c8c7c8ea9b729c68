// ImGui's item hook, rebuilt for a library compiled without IMGUI_ENABLE_TEST_ENGINE.
//
// Every widget in imgui_widgets.cpp and imgui_tables.cpp registers itself through ImGui::ItemAdd
// and draws its text through ImGui::RenderText, RenderTextWrapped or RenderTextClipped, all of
// which live in another object file of libimgui.a (imgui.o). The linker option --wrap=<symbol>
// (tests/CMakeLists.txt) sends those calls here first; each wrapper calls the real function and
// tells HeadlessUi what was added or drawn. Calls made inside imgui.o itself (a child window's own
// frame, a title bar) are not seen, and need not be: they are no widgets of the app.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "support/headless.hpp"

// The symbols below are the mangled names of exactly these signatures, as Debian's libimgui-dev
// 1.86 declares them; another version must be checked against its imgui_internal.h.
static_assert(IMGUI_VERSION_NUM == 18600, "check the wrapped functions' signatures and symbols for this ImGui version");
static_assert(std::is_same_v<decltype(&ImGui::ItemAdd), bool (*)(const ImRect&, ImGuiID, const ImRect*, ImGuiItemFlags)>);
static_assert(std::is_same_v<decltype(&ImGui::RenderText), void (*)(ImVec2, const char*, const char*, bool)>);
static_assert(std::is_same_v<decltype(&ImGui::RenderTextWrapped), void (*)(ImVec2, const char*, const char*, float)>);
static_assert(std::is_same_v<decltype(&ImGui::RenderTextClipped),
                             void (*)(const ImVec2&, const ImVec2&, const char*, const char*, const ImVec2*, const ImVec2&,
                                      const ImRect*)>);

using rp::test::HeadlessUi;

extern "C" {
// The real functions, under the names the linker gives them, then the wrappers it calls instead.
bool __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* nav_bb, ImGuiItemFlags flags);
void __real__ZN5ImGui10RenderTextE6ImVec2PKcS2_b(ImVec2 pos, const char* text, const char* text_end, bool hide_after_hash);
void __real__ZN5ImGui17RenderTextWrappedE6ImVec2PKcS2_f(ImVec2 pos, const char* text, const char* text_end, float wrap);
void __real__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(const ImVec2& pos_min, const ImVec2& pos_max,
                                                                             const char* text, const char* text_end,
                                                                             const ImVec2* text_size, const ImVec2& align,
                                                                             const ImRect* clip);

bool __wrap__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* nav_bb, ImGuiItemFlags flags) {
  const bool shown = __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(bb, id, nav_bb, flags);
  HeadlessUi::note_item_added(bb, id, shown);
  return shown;
}

void __wrap__ZN5ImGui10RenderTextE6ImVec2PKcS2_b(ImVec2 pos, const char* text, const char* text_end, bool hide_after_hash) {
  __real__ZN5ImGui10RenderTextE6ImVec2PKcS2_b(pos, text, text_end, hide_after_hash);
  HeadlessUi::note_text_drawn(text, hide_after_hash ? ImGui::FindRenderedTextEnd(text, text_end)
                                                    : (text_end ? text_end : text + std::strlen(text)));
}

void __wrap__ZN5ImGui17RenderTextWrappedE6ImVec2PKcS2_f(ImVec2 pos, const char* text, const char* text_end, float wrap) {
  __real__ZN5ImGui17RenderTextWrappedE6ImVec2PKcS2_f(pos, text, text_end, wrap);
  HeadlessUi::note_text_drawn(text, text_end ? text_end : text + std::strlen(text));
}

void __wrap__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(const ImVec2& pos_min, const ImVec2& pos_max,
                                                                             const char* text, const char* text_end,
                                                                             const ImVec2* text_size, const ImVec2& align,
                                                                             const ImRect* clip) {
  __real__ZN5ImGui17RenderTextClippedERK6ImVec2S2_PKcS4_PS1_S2_PK6ImRect(pos_min, pos_max, text, text_end, text_size, align,
                                                                         clip);
  const char* shown_end = ImGui::FindRenderedTextEnd(text, text_end);  // it hides "##..." too
  HeadlessUi::note_text_drawn(text, shown_end);
  // Cut when the text, placed as RenderTextClipped places it, runs past its box or clip rectangle:
  // a button's label wider than the button, say.
  const ImVec2 size = text_size ? *text_size : ImGui::CalcTextSize(text, shown_end, false, 0.0f);
  const ImVec2 room(pos_max.x - pos_min.x, pos_max.y - pos_min.y);
  const ImVec2 at(pos_min.x + (room.x > size.x ? align.x * (room.x - size.x) : 0.0f),
                  pos_min.y + (room.y > size.y ? align.y * (room.y - size.y) : 0.0f));
  const ImVec2 limit = clip ? ImVec2(std::min(clip->Max.x, pos_max.x), std::min(clip->Max.y, pos_max.y)) : pos_max;
  if (at.x + size.x > limit.x + 1.0f || at.y + size.y > limit.y + 1.0f) HeadlessUi::note_text_cut();
}
}
