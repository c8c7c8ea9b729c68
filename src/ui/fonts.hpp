#pragma once
// RolePath's fonts: the faces fontconfig finds (fonts/finder.hpp), at the sizes every screen uses,
// times one scale, with glyphs only for the characters in use.
#include <string>
#include <string_view>
#include <vector>

#include "core/codepoints.hpp"

struct ImFont;
struct ImFontAtlas;

namespace rp::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* small = nullptr;
  ImFont* heading = nullptr;  // screen titles
  ImFont* title = nullptr;    // section titles inside a screen
  ImFont* italic = nullptr;   // *emphasis* in lessons
  ImFont* mono = nullptr;     // `code` in lessons
  // What every size was multiplied by: the monitor's content scale times the learner's text size.
  // Screens multiply their own sizes by it too.
  float scale = 1.0f;
  std::string warning;  // set when no usable font was found and ImGui's own was used
  // Characters in use that no installed font has (they are drawn as U+FFFD), ascending.
  std::vector<char32_t> uncovered;
};

// The characters RolePath's own words use, always in the atlas: ASCII, Latin-1 and Latin
// Extended-A, dashes, quotes and bullets, arrows, the check mark and U+FFFD (drawn for what is
// missing). DejaVu Sans has them all, so no other face is read for them.
const core::CodepointSet& base_characters();

// Replaces the fonts in `atlas` with RolePath's at `scale`, holding glyphs for the base characters
// and `in_use` (plus the joining forms of any Arabic letters among them), and builds it. Only
// faces that provide a character in use are read, so the CJK font costs nothing until CJK text
// appears. Call between frames only: it replaces every ImFont. The atlas need not belong to an
// ImGui context yet, so this may run on another thread while no context exists.
Fonts load_fonts(ImFontAtlas& atlas, float scale, const core::CodepointSet& in_use = {});
// The same for the current ImGui context's atlas.
Fonts load_fonts(float scale, const core::CodepointSet& in_use = {});

// Keeps the atlas right for what is shown, rebuilding it between frames when the scale changes
// or text appears with a character the atlas was not built for (a profile renamed to 日本語, a
// name being typed). Dear ImGui 1.86 keeps 16-bit characters, so code points above U+FFFF (most
// emoji) never have a glyph and never cause a rebuild.
class FontKeeper {
 public:
  // Returns true when it rebuilt the atlas: the renderer's font texture must then be made again
  // and the style scaled anew.
  bool update(float scale, const core::CodepointSet& in_use, const std::vector<std::string_view>& typed = {});
  // The same for an atlas that may not belong to a context yet (see load_fonts); later updates
  // must then go to the context that adopts it.
  bool update(ImFontAtlas& atlas, float scale, const core::CodepointSet& in_use,
              const std::vector<std::string_view>& typed = {});
  const Fonts& fonts() const { return fonts_; }

 private:
  bool needs(const core::CodepointSet& in_use, const std::vector<std::string_view>& typed);

  Fonts fonts_;
  bool built_ = false;
  core::CodepointSet requested_;  // what the atlas was last built for
  std::size_t seen_ = 0;          // in_use.size() when it was last compared
};

// A sentence for the learner naming the Debian packages that would draw `uncovered`; empty when
// nothing is missing.
std::string missing_fonts_notice(const std::vector<char32_t>& uncovered);

}  // namespace rp::ui
