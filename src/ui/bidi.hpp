#pragma once
// Right-to-left text (Hebrew, Arabic and their neighbours) drawn in the right order, with GNU
// FriBidi: text is kept in logical order (as typed and stored) and each line is turned into the
// visual order it is drawn in, left to right, by the Unicode Bidirectional Algorithm, with Arabic
// letters in their joining forms and brackets mirrored. A paragraph takes its direction from its
// first strong character (the algorithm's rule P2). What this cannot do: contextual shaping beyond
// Arabic joining and lam-alef (no marks positioned over letters, no Indic or other complex
// scripts), and ImGui's text fields still show and edit text in logical order.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codepoints.hpp"

namespace rp::ui::bidi {

// Whether `text` holds a right-to-left character or an explicit direction mark, so that it
// needs reordering. Cheap: a scan of the bytes, for every text drawn.
bool needs_reordering(std::string_view text);

struct Line {
  std::string text;            // visual order, UTF-8
  bool right_to_left = false;  // its paragraph runs right to left (align it to the right)
};

// Each paragraph (split at '\n') broken into lines where `fits` says (given the rest of a
// paragraph, shaped but still in logical order, it returns how many of its bytes fit on one line;
// no callback: one line per paragraph), each line then reordered on its own.
std::vector<Line> visual_lines(std::string_view logical, const std::function<std::size_t(std::string_view)>& fits = {});

// One line as drawn: paragraphs joined by '\n'. Text that needs no reordering comes back as it is.
std::string visual(std::string_view logical);

// Adds the presentation forms shaping can give the Arabic letters among `codes` (isolated,
// initial, medial and final forms, lam-alef ligatures), so the atlas has what visual() draws.
void add_joining_forms(core::CodepointSet& codes);

// Draws `text` as ImGui::TextUnformatted would (wrapped when a wrap position is pushed, lines of a
// right-to-left paragraph then aligned right), in visual order. Returns false, drawing nothing,
// when the text needs no reordering.
bool draw(std::string_view text);

}  // namespace rp::ui::bidi
