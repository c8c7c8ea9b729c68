#include "ui/bidi.hpp"

#include <fribidi.h>
#include <imgui.h>
#include <imgui_internal.h>  // ItemSize, ItemAdd, RenderText, CalcWrapWidthForPos: one item, as TextUnformatted makes

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/text.hpp"

namespace rp::ui::bidi {

namespace {
// A paragraph in logical order after the bidirectional algorithm's resolution: Arabic letters
// already in their joining forms, brackets mirrored where they run right to left.
struct Resolved {
  std::vector<FriBidiChar> text;
  std::vector<FriBidiCharType> types;
  std::vector<FriBidiLevel> levels;
  FriBidiParType base = FRIBIDI_PAR_ON;
};

Resolved resolve(std::u32string_view logical) {
  Resolved r;
  const auto n = static_cast<FriBidiStrIndex>(logical.size());
  r.text.assign(logical.begin(), logical.end());
  r.types.resize(logical.size());
  r.levels.resize(logical.size());
  std::vector<FriBidiBracketType> brackets(logical.size());
  std::vector<FriBidiArabicProp> arabic(logical.size());
  fribidi_get_bidi_types(r.text.data(), n, r.types.data());
  fribidi_get_bracket_types(r.text.data(), n, r.types.data(), brackets.data());
  if (fribidi_get_par_embedding_levels_ex(r.types.data(), brackets.data(), n, &r.base, r.levels.data()) == 0) {
    std::fill(r.levels.begin(), r.levels.end(), FriBidiLevel{0});  // out of memory: leave it as it is
    r.base = FRIBIDI_PAR_LTR;
    return r;
  }
  fribidi_get_joining_types(r.text.data(), n, arabic.data());
  fribidi_join_arabic(r.types.data(), n, r.levels.data(), arabic.data());
  fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, r.levels.data(), n, arabic.data(), r.text.data());
  return r;
}

// Zero-width characters the algorithm has done with: direction marks, embeddings, isolates, and
// the filler that shaping leaves where two letters became one ligature. Fonts often have no
// glyph for them, so they would show as U+FFFD.
bool invisible(FriBidiChar c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == FRIBIDI_CHAR_FILL;
}

std::string to_utf8(const FriBidiChar* begin, const FriBidiChar* end) {
  std::u32string codes;
  codes.reserve(static_cast<std::size_t>(end - begin));
  for (const FriBidiChar* c = begin; c != end; ++c)
    if (!invisible(*c)) codes.push_back(static_cast<char32_t>(*c));
  return core::to_utf8(codes);
}

// Byte offsets of each character of `text` in its UTF-8 form (one more at the end).
std::vector<std::size_t> byte_offsets(const std::vector<FriBidiChar>& text) {
  std::vector<std::size_t> offsets{0};
  offsets.reserve(text.size() + 1);
  for (FriBidiChar c : text) offsets.push_back(offsets.back() + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4));
  return offsets;
}

void paragraph_lines(std::u32string_view logical, const std::function<std::size_t(std::string_view)>& fits,
                     std::vector<Line>& out) {
  Resolved r = resolve(logical);
  const bool rtl = FRIBIDI_IS_RTL(r.base);
  const auto n = r.text.size();
  if (n == 0) {
    out.push_back({std::string(), rtl});
    return;
  }
  std::vector<std::size_t> line_ends;
  if (fits) {
    // Breaking works on the shaped text in logical order, so a line holds what a reader reads
    // first; each line is reordered afterwards.
    const std::string shaped_all = core::to_utf8(std::u32string(r.text.begin(), r.text.end()));
    const auto offsets = byte_offsets(r.text);
    std::size_t start = 0;
    while (start < n) {
      const std::size_t bytes = fits(std::string_view(shaped_all).substr(offsets[start]));
      std::size_t end = start + 1;  // at least one character, so a line always moves on
      while (end < n && offsets[end + 1] - offsets[start] <= bytes) ++end;
      line_ends.push_back(end);
      start = end;
      while (start < n && (r.text[start] == ' ' || r.text[start] == '\t')) ++start;  // as ImGui skips blanks at a break
    }
  } else {
    line_ends.push_back(n);
  }
  std::size_t start = 0;
  for (std::size_t end : line_ends) {
    // The blanks a line was broken after are not drawn (ImGui does the same).
    std::size_t shown_end = end;
    if (fits)
      while (shown_end > start && (r.text[shown_end - 1] == ' ' || r.text[shown_end - 1] == '\t')) --shown_end;
    std::vector<FriBidiChar> visual(r.text.begin(), r.text.end());
    if (fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, r.types.data(), static_cast<FriBidiStrIndex>(shown_end - start),
                             static_cast<FriBidiStrIndex>(start), r.base, r.levels.data(), visual.data(), nullptr) == 0)
      visual.assign(r.text.begin(), r.text.end());
    out.push_back({to_utf8(visual.data() + start, visual.data() + shown_end), rtl});
    start = end;
    while (start < n && (r.text[start] == ' ' || r.text[start] == '\t')) ++start;
  }
}
}  // namespace

bool needs_reordering(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xD6) continue;
    if (b <= 0xDF) return true;  // U+0580..U+07FF: Hebrew, Arabic, Syriac, Thaana, N'Ko
    if (i + 1 >= text.size()) return false;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (b == 0xE0 && next >= 0xA0 && next <= 0xA3) return true;  // U+0800..U+08FF: Samaritan, Mandaic, Arabic
    if (b == 0xEF && next >= 0xAC && next <= 0xBB) return true;  // U+FB00..U+FEFF: presentation forms
    if (b == 0xE2 && i + 2 < text.size()) {                      // direction marks, embeddings, isolates
      const auto last = static_cast<unsigned char>(text[i + 2]);
      if (next == 0x80 && (last == 0x8F || (last >= 0xAA && last <= 0xAE))) return true;
      if (next == 0x81 && last >= 0xA6 && last <= 0xA9) return true;
    }
  }
  return false;
}

std::vector<Line> visual_lines(std::string_view logical, const std::function<std::size_t(std::string_view)>& fits) {
  std::vector<Line> lines;
  const std::u32string codes = core::to_code_points(logical);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(codes.find(U'\n', start), codes.size());
    paragraph_lines(std::u32string_view(codes).substr(start, end - start), fits, lines);
    if (end == codes.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string visual(std::string_view logical) {
  if (!needs_reordering(logical)) return std::string(logical);
  std::string out;
  for (const auto& line : visual_lines(logical)) {
    out += line.text;
    out += '\n';
  }
  if (!out.empty()) out.pop_back();
  return out;
}

void add_joining_forms(core::CodepointSet& codes) {
  constexpr char32_t tatweel = 0x0640, lam = 0x0644;
  std::vector<char32_t> letters;
  for (char32_t c : codes.list())
    if (c >= 0x0620 && c <= 0x06FF) letters.push_back(c);
  if (letters.empty()) return;
  auto add_shaped = [&](std::u32string text) {
    for (FriBidiChar c : resolve(text).text)
      if (!invisible(c)) codes.add(static_cast<char32_t>(c));
  };
  for (char32_t c : letters) {
    add_shaped({c});
    add_shaped({tatweel, c});
    add_shaped({c, tatweel});
    add_shaped({tatweel, c, tatweel});
  }
  if (codes.contains(lam)) {
    for (char32_t alef : {0x0622, 0x0623, 0x0625, 0x0627}) {
      if (!codes.contains(alef)) continue;
      add_shaped({lam, alef});
      add_shaped({tatweel, lam, alef});
    }
  }
}

namespace {
// Lines already worked out, by text, font size and wrap width: a frame draws the same texts again.
struct CacheKey {
  std::string text;
  float size = 0, wrap = 0;
  const ImFont* font = nullptr;
  bool operator==(const CacheKey&) const = default;
};
struct CacheKeyHash {
  std::size_t operator()(const CacheKey& k) const {
    return std::hash<std::string>()(k.text) ^ (std::hash<float>()(k.size) * 31) ^ (std::hash<float>()(k.wrap) * 131) ^
           std::hash<const void*>()(k.font);
  }
};
std::unordered_map<CacheKey, std::vector<Line>, CacheKeyHash> cache;
constexpr std::size_t cache_limit = 512;
}  // namespace

bool draw(std::string_view text) {
  if (!needs_reordering(text)) return false;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return true;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float wrap_pos_x = window->DC.TextWrapPos;
  const bool wrapped = wrap_pos_x >= 0.0f;
  const float wrap_width = wrapped ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos_x) : 0.0f;

  CacheKey key{std::string(text), size, wrap_width, font};
  auto found = cache.find(key);
  if (found == cache.end()) {
    if (cache.size() >= cache_limit) cache.clear();
    std::function<std::size_t(std::string_view)> fits;
    if (wrapped) {
      fits = [&](std::string_view rest) {
        const char* end = font->CalcWordWrapPositionA(size / font->FontSize, rest.data(), rest.data() + rest.size(), wrap_width);
        return static_cast<std::size_t>(end - rest.data());
      };
    }
    found = cache.emplace(std::move(key), visual_lines(text, fits)).first;
  }
  const std::vector<Line>& lines = found->second;

  std::vector<float> widths;
  float widest = 0;
  for (const auto& line : lines) {
    const auto& t = line.text;
    widths.push_back(font->CalcTextSizeA(size, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x);
    widest = std::max(widest, widths.back());
  }
  const bool align_right = wrapped && std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.right_to_left; });
  const ImVec2 item_size(align_right ? std::max(widest, wrap_width) : widest, size * static_cast<float>(lines.size()));
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const ImRect bb(pos, ImVec2(pos.x + item_size.x, pos.y + item_size.y));
  ImGui::ItemSize(item_size, 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& t = lines[i].text;
    const float x = align_right && lines[i].right_to_left ? pos.x + item_size.x - widths[i] : pos.x;
    ImGui::RenderText(ImVec2(x, pos.y + size * static_cast<float>(i)), t.data(), t.data() + t.size(), false);
  }
  return true;
}

}  // namespace rp::ui::bidi
