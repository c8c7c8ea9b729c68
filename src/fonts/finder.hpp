#pragma once
// Installed fonts, found through fontconfig (never fixed paths): the faces RolePath draws with
// and, for characters those lack, faces that have them. Only fontconfig's configuration and
// cache are read here; no font file is opened, so a face nobody needs costs nothing.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace rp::fonts {

enum class Style { regular, bold, italic, mono };
inline constexpr std::array all_styles{Style::regular, Style::bold, Style::italic, Style::mono};

struct Face {
  std::string file;
  int index = 0;  // the face within a collection (.ttc); 0 for a single font
  std::string family;
  std::vector<char32_t> provides;  // the characters asked for that this face is to draw, ascending
};

struct Plan {
  // Per style (indexed by Style): its own face first, then faces for the characters it lacks,
  // each with the characters it provides. Empty when fontconfig knows no usable font at all.
  std::array<std::vector<Face>, 4> styles;
  // Characters asked for that no installed face has (in the regular style), ascending.
  std::vector<char32_t> uncovered;

  const std::vector<Face>& faces(Style style) const { return styles[static_cast<std::size_t>(style)]; }
  bool found() const { return !faces(Style::regular).empty(); }
};

// Faces for every style that together draw `wanted` (ascending code points): DejaVu Sans (Mono
// for code) as today, else the system's sans-serif; then Noto Sans, Noto Sans Hebrew, Noto Sans
// Arabic, Noto Naskh Arabic, Noto Sans CJK (JP, KR or SC by the characters) and Symbola for what
// that lacks; then whatever installed font fontconfig ranks best for the rest. Faces stb_truetype
// cannot draw (colour bitmaps such as Noto Color Emoji, Type 1, bitmap fonts) are never chosen.
Plan plan(const std::vector<char32_t>& wanted);

// Makes the next plan() read fontconfig's configuration again (after FONTCONFIG_FILE changed, as
// tests do to show RolePath a system without fonts).
void forget_configuration();

// The Debian package whose fonts draw `code`, for a message that says what to install.
std::string_view package_for(char32_t code);

}  // namespace rp::fonts
