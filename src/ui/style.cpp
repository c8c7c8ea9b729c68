#include "ui/style.hpp"

#include <imgui.h>

#include <filesystem>

namespace rp::ui {

namespace {
constexpr const char* regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr const char* italic_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf";
constexpr const char* mono_font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

// Latin with accents, general punctuation (dashes, curly quotes, bullets) and arrows.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2500, 0x25FF, 0x2713, 0x2713, 0};

constexpr ImU32 rgb(unsigned int hex, unsigned int alpha = 0xFF) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}
ImVec4 vec(unsigned int hex, float alpha = 1.0f) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(rgb(hex));
  c.w = alpha;
  return c;
}

const Palette light_palette{rgb(0x2F6690), rgb(0xDCE8F2), rgb(0x5B6670), rgb(0xFFFFFF),
                            rgb(0xDDE2E8), rgb(0xFBE3E0), rgb(0x7A1F14), rgb(0xEDF0F4),
                            rgb(0xE4EEF7), rgb(0x1D3F5E)};
const Palette dark_palette{rgb(0x6FA8DC), rgb(0x27384A), rgb(0x9AA5B1), rgb(0x242A31),
                           rgb(0x333B44), rgb(0x4A2320), rgb(0xFFD9D3), rgb(0x1E2328),
                           rgb(0x22364A), rgb(0xD6E6F5)};
}  // namespace

const Palette& palette(app::Theme theme) { return theme == app::Theme::dark ? dark_palette : light_palette; }

Fonts load_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  Fonts fonts;
  fonts.scale = scale;
  std::error_code ec;
  if (!std::filesystem::exists(regular_font, ec) || !std::filesystem::exists(bold_font, ec)) {
    fonts.warning = "The DejaVu fonts were not found (install fonts-dejavu-core); using ImGui's built-in font.";
    ImFontConfig config;
    config.SizePixels = 13.0f * scale;
    fonts.body = fonts.bold = fonts.small = fonts.heading = fonts.title = fonts.italic = fonts.mono =
        io.Fonts->AddFontDefault(&config);
    return fonts;
  }
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  auto add = [&](const char* file, float size) {
    return io.Fonts->AddFontFromFileTTF(file, size * scale, &config, glyph_ranges);
  };
  fonts.body = add(regular_font, 18.0f);  // first added is ImGui's default
  fonts.bold = add(bold_font, 18.0f);
  fonts.small = add(regular_font, 15.0f);
  fonts.heading = add(bold_font, 30.0f);
  fonts.title = add(bold_font, 21.0f);
  // Mono comes with fonts-dejavu-core, Oblique with fonts-dejavu-extra; without either, a
  // lesson's code or emphasis is drawn in the body font.
  fonts.italic = std::filesystem::exists(italic_font, ec) ? add(italic_font, 18.0f) : fonts.body;
  fonts.mono = std::filesystem::exists(mono_font, ec) ? add(mono_font, 17.0f) : fonts.body;
  return fonts;
}

void apply_theme(app::Theme theme, float scale) {
  ImGuiStyle style;
  if (theme == app::Theme::dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  const bool dark = theme == app::Theme::dark;
  const unsigned int text = dark ? 0xE6E8EB : 0x1F2933;
  const unsigned int background = dark ? 0x1B1F24 : 0xF6F7F9;
  const unsigned int accent = dark ? 0x6FA8DC : 0x2F6690;
  const unsigned int frame = dark ? 0x2C333B : 0xE4E8ED;
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = vec(text);
  c[ImGuiCol_TextDisabled] = vec(dark ? 0x8B96A1 : 0x7B8794);
  c[ImGuiCol_WindowBg] = vec(background);
  c[ImGuiCol_ChildBg] = vec(background, 0.0f);
  c[ImGuiCol_PopupBg] = vec(dark ? 0x242A31 : 0xFFFFFF);
  c[ImGuiCol_Border] = vec(dark ? 0x333B44 : 0xDDE2E8);
  c[ImGuiCol_FrameBg] = vec(frame);
  c[ImGuiCol_FrameBgHovered] = vec(frame, 0.8f);
  c[ImGuiCol_FrameBgActive] = vec(accent, 0.35f);
  // Ordinary buttons are quiet; widgets::primary_button paints the one main action in the accent.
  c[ImGuiCol_Button] = vec(dark ? 0x2C3E50 : 0xDCE8F2);
  c[ImGuiCol_ButtonHovered] = vec(dark ? 0x34495E : 0xC9DBEA);
  c[ImGuiCol_ButtonActive] = vec(dark ? 0x3D5770 : 0xB7CFE3);
  c[ImGuiCol_Header] = vec(accent, 0.16f);
  c[ImGuiCol_HeaderHovered] = vec(accent, 0.24f);
  c[ImGuiCol_HeaderActive] = vec(accent, 0.32f);
  c[ImGuiCol_CheckMark] = vec(accent);
  c[ImGuiCol_SliderGrab] = vec(accent);
  c[ImGuiCol_SliderGrabActive] = vec(accent, 0.8f);
  c[ImGuiCol_PlotHistogram] = vec(accent);
  c[ImGuiCol_Separator] = vec(dark ? 0x333B44 : 0xDDE2E8);
  c[ImGuiCol_TableHeaderBg] = vec(dark ? 0x242A31 : 0xEDF0F4);
  c[ImGuiCol_TableBorderStrong] = vec(dark ? 0x333B44 : 0xDDE2E8);
  c[ImGuiCol_TableBorderLight] = vec(dark ? 0x2C333B : 0xE8EBEF);
  c[ImGuiCol_TableRowBgAlt] = vec(dark ? 0xFFFFFF : 0x000000, 0.03f);
  c[ImGuiCol_NavHighlight] = vec(accent);

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
