#pragma once
// Fonts and colours: one calm look for every screen.
#include <array>
#include <cstdint>
#include <string>

#include "app/app.hpp"
#include "ui/fonts.hpp"

namespace rp::ui {

// Sets ImGui's colours and spacing for the theme.
void apply_theme(app::Theme theme, float scale);

// One theme's colours as 0xRRGGBB, the single source for ImGui's style and the Palette below.
struct ThemeColours {
  std::uint32_t text, muted_text, background, card, card_border, sidebar;
  std::uint32_t accent, accent_soft;  // links, chart marks, selection; accent is also text
  std::uint32_t primary, primary_hovered, primary_active, on_primary;  // the one main button of a screen
  std::uint32_t button, button_hovered, button_active, frame;
  std::uint32_t banner, banner_text, notice, notice_text;
  std::uint32_t right, wrong;  // feedback text and marks
  std::uint32_t goal_line;
  std::array<std::uint32_t, 8> series;  // one colour per line of a chart
};
const ThemeColours& theme_colours(app::Theme theme);

// Colours that screens use beyond ImGui's own, for the current theme (ImGui's packed form).
struct Palette {
  unsigned int accent;
  unsigned int accent_soft;
  unsigned int muted_text;
  unsigned int card;
  unsigned int card_border;
  unsigned int banner;
  unsigned int banner_text;
  unsigned int sidebar;
  unsigned int notice;       // the banner when it tells something to know, not a failure
  unsigned int notice_text;
  unsigned int primary;
  unsigned int primary_hovered;
  unsigned int primary_active;
  unsigned int on_primary;
  unsigned int right;
  unsigned int wrong;
  unsigned int goal_line;
  std::array<unsigned int, 8> series;
};
const Palette& palette(app::Theme theme);

}  // namespace rp::ui
