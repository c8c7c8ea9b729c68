#pragma once
// Fonts and colours: one calm look for every screen.
#include <string>

#include "app/app.hpp"

struct ImFont;

namespace rp::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* small = nullptr;
  ImFont* heading = nullptr;  // screen titles
  ImFont* title = nullptr;    // section titles inside a screen
  ImFont* italic = nullptr;   // *emphasis* in lessons
  ImFont* mono = nullptr;     // `code` in lessons
  float scale = 1.0f;         // HiDPI factor the sizes were built for
  std::string warning;        // set when the DejaVu fonts were missing and ImGui's own was used
};

// Adds RolePath's fonts to the current ImGui context's atlas (call before building it).
Fonts load_fonts(float scale);

// Sets ImGui's colours and spacing for the theme.
void apply_theme(app::Theme theme, float scale);

// Colours that screens use beyond ImGui's own, for the current theme.
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
};
const Palette& palette(app::Theme theme);

}  // namespace rp::ui
