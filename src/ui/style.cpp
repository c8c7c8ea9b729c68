#include "ui/style.hpp"

#include <imgui.h>

namespace rp::ui {

namespace {
constexpr ImU32 rgb(unsigned int hex, unsigned int alpha = 0xFF) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}
ImVec4 vec(unsigned int hex, float alpha = 1.0f) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(rgb(hex));
  c.w = alpha;
  return c;
}

// Each text colour reaches 4.5:1 on every background it is drawn on, chart marks 3:1
// (tests/contrast_test.cpp computes them all).
constexpr ThemeColours light_colours{
    .text = 0x1F2933, .muted_text = 0x5B6670, .background = 0xF6F7F9, .card = 0xFFFFFF, .card_border = 0xDDE2E8,
    .sidebar = 0xEDF0F4, .accent = 0x2F6690, .accent_soft = 0xDCE8F2, .primary = 0x2F6690, .primary_hovered = 0x3A74A0,
    .primary_active = 0x24557A, .on_primary = 0xFFFFFF,
    .button = 0xDCE8F2, .button_hovered = 0xC9DBEA, .button_active = 0xB7CFE3, .frame = 0xE4E8ED,
    .banner = 0xFBE3E0, .banner_text = 0x7A1F14, .notice = 0xE4EEF7, .notice_text = 0x1D3F5E,
    .right = 0x27704A, .wrong = 0xB23B30, .goal_line = 0xB45309,
    .series = {0x2F6690, 0xB45309, 0x27704A, 0xB23B30, 0x7C3AED, 0x0891B2, 0xBE185D, 0x656565}};
constexpr ThemeColours dark_colours{
    .text = 0xE6E8EB, .muted_text = 0x9AA5B1, .background = 0x1B1F24, .card = 0x242A31, .card_border = 0x333B44,
    .sidebar = 0x1E2328, .accent = 0x6FA8DC, .accent_soft = 0x27384A, .primary = 0x2F6FA8, .primary_hovered = 0x3676AE,
    .primary_active = 0x285F90, .on_primary = 0xFFFFFF,
    .button = 0x2C3E50, .button_hovered = 0x34495E, .button_active = 0x3D5770, .frame = 0x2C333B,
    .banner = 0x4A2320, .banner_text = 0xFFD9D3, .notice = 0x22364A, .notice_text = 0xD6E6F5,
    .right = 0x5CB88A, .wrong = 0xF08A80, .goal_line = 0xF0A04B,
    .series = {0x6FA8DC, 0xF0A04B, 0x5CB88A, 0xF08A80, 0xB39DF2, 0x4FC3DA, 0xF27CB0, 0xB0B0B0}};

Palette palette_of(const ThemeColours& c) {
  Palette p{rgb(c.accent),      rgb(c.accent_soft),     rgb(c.muted_text),     rgb(c.card),
            rgb(c.card_border), rgb(c.banner),          rgb(c.banner_text),    rgb(c.sidebar),
            rgb(c.notice),      rgb(c.notice_text),     rgb(c.primary),        rgb(c.primary_hovered),
            rgb(c.primary_active), rgb(c.on_primary),   rgb(c.right),          rgb(c.wrong),
            rgb(c.goal_line),   {}};
  for (std::size_t i = 0; i < c.series.size(); ++i) p.series[i] = rgb(c.series[i]);
  return p;
}
const Palette light_palette = palette_of(light_colours);
const Palette dark_palette = palette_of(dark_colours);
}  // namespace

const ThemeColours& theme_colours(app::Theme theme) { return theme == app::Theme::dark ? dark_colours : light_colours; }
const Palette& palette(app::Theme theme) { return theme == app::Theme::dark ? dark_palette : light_palette; }

void apply_theme(app::Theme theme, float scale) {
  ImGuiStyle style;
  if (theme == app::Theme::dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  const bool dark = theme == app::Theme::dark;
  const ThemeColours& tc = theme_colours(theme);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = vec(tc.text);
  c[ImGuiCol_TextDisabled] = vec(tc.muted_text);
  c[ImGuiCol_WindowBg] = vec(tc.background);
  c[ImGuiCol_ChildBg] = vec(tc.background, 0.0f);
  c[ImGuiCol_PopupBg] = vec(tc.card);
  c[ImGuiCol_Border] = vec(tc.card_border);
  c[ImGuiCol_FrameBg] = vec(tc.frame);
  c[ImGuiCol_FrameBgHovered] = vec(tc.frame, 0.8f);
  c[ImGuiCol_FrameBgActive] = vec(tc.accent, 0.35f);
  // Ordinary buttons are quiet; widgets::primary_button paints the one main action in the accent.
  c[ImGuiCol_Button] = vec(tc.button);
  c[ImGuiCol_ButtonHovered] = vec(tc.button_hovered);
  c[ImGuiCol_ButtonActive] = vec(tc.button_active);
  c[ImGuiCol_Header] = vec(tc.accent, 0.16f);
  c[ImGuiCol_HeaderHovered] = vec(tc.accent, 0.24f);
  c[ImGuiCol_HeaderActive] = vec(tc.accent, 0.32f);
  c[ImGuiCol_CheckMark] = vec(tc.accent);
  c[ImGuiCol_SliderGrab] = vec(tc.accent);
  c[ImGuiCol_SliderGrabActive] = vec(tc.accent, 0.8f);
  c[ImGuiCol_PlotHistogram] = vec(tc.accent);
  c[ImGuiCol_Separator] = vec(tc.card_border);
  c[ImGuiCol_TableHeaderBg] = vec(tc.sidebar);
  c[ImGuiCol_TableBorderStrong] = vec(tc.card_border);
  c[ImGuiCol_TableBorderLight] = vec(dark ? 0x2C333B : 0xE8EBEF);
  c[ImGuiCol_TableRowBgAlt] = vec(dark ? 0xFFFFFF : 0x000000, 0.03f);
  c[ImGuiCol_NavHighlight] = vec(tc.accent);

  style.WindowPadding = ImVec2(12, 10);  // tooltips and popups; the main window sets its own
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 1.0f;
  style.FramePadding = ImVec2(12, 7);
  style.ItemSpacing = ImVec2(12, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(10, 6);
  style.FrameRounding = 6.0f;
  style.ChildRounding = 8.0f;
  style.PopupRounding = 6.0f;
  style.GrabRounding = 6.0f;
  style.ScrollbarRounding = 6.0f;
  style.ScrollbarSize = 12.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace rp::ui
