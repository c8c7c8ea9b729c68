#pragma once
// Small building blocks every screen uses, so screens read as content, not as ImGui plumbing.
// Text that came from a file or a person is only ever passed as data, never as a format string.
#include <string_view>

#include <imgui.h>

#include "ui/style.hpp"
#include "ui/ui_state.hpp"

namespace rp::ui {

// What each screen draws with: fonts, colours and where to send actions.
struct Frame {
  const app::ViewState& view;
  app::ActionQueue& actions;
  const Fonts& fonts;
  const Palette& colors;
  UiState& ui;
};

void text(std::string_view s);                               // one unwrapped line
void paragraph(std::string_view s);                          // wrapped to the available width
void paragraph_in(ImFont* font, std::string_view s);
void bullet_paragraph(std::string_view s);                   // a bullet, then the text wrapped beside it         // wrapped, in the given font (titles that may not fit)
void muted(std::string_view s);                              // wrapped, in the muted colour
void text_in(ImFont* font, std::string_view s);              // unwrapped, in the given font
// One line in the given font, cut with "…" where the space ends; the whole text in a tooltip.
void text_elided(ImFont* font, std::string_view s);
void screen_heading(const Frame& f, std::string_view title, std::string_view subtitle);
void note(const Frame& f, std::string_view s);                // small, muted and wrapped: hints under a control
void section_title(const Frame& f, std::string_view title);
// The screen's main action, in the theme's primary colour.
bool primary_button(const Frame& f, const char* label);
// A button with a bold first line and a second line below it, both centred.
bool two_line_button(const Frame& f, std::string_view top, std::string_view bottom, ImVec2 size);

// Buttons laid out left to right that start a new line when the next would not fit, so a row of
// actions never runs past a narrow window's edge.
class ButtonRow {
 public:
  // `after_last_item`: the row starts beside the item just drawn (a bar, a label) when it fits.
  explicit ButtonRow(bool after_last_item = false);
  bool radio(const char* label, int* value, int option);
  bool button(const char* label);
  bool primary(const Frame& f, const char* label);

 private:
  // Before each item of the row: keeps it on this line when `width` still fits.
  void place(float width);

  float right_;  // the right edge of the space the row may use
  bool first_ = true;
};

// Height of `s` in `font` wrapped at `width`, so panels can fit their text exactly.
float wrapped_height(ImFont* font, std::string_view s, float width);

// A rounded panel with padding; Begin/End are paired by the RAII guard.
class Card {
 public:
  static float padding_x(const Frame& f) { return 20 * f.fonts.scale; }
  static float padding_y(const Frame& f) { return 16 * f.fonts.scale; }

  Card(const Frame& f, const char* id, float width, float height);
  ~Card();
  Card(const Card&) = delete;
  Card& operator=(const Card&) = delete;
};

// A plain notice for a feature that is not built yet: what it will do, nothing pretended.
void not_built_notice(const Frame& f, std::string_view what_it_will_do);

}  // namespace rp::ui
