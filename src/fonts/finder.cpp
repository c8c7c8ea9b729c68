#include "fonts/finder.hpp"

#include <fontconfig/fontconfig.h>
#include <strings.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

namespace rp::fonts {

namespace {
using Pattern = std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)>;
using CharSet = std::unique_ptr<FcCharSet, decltype(&FcCharSetDestroy)>;
using FontSet = std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)>;

// fontconfig's configuration and cache, read once per process (later lookups are cheap), and
// again after forget_configuration().
struct Configuration {
  std::mutex guard;
  FcConfig* config = nullptr;
  // At exit everything fontconfig holds is let go, so a leak checker sees nothing left behind.
  ~Configuration() {
    if (!config) return;
    FcConfigDestroy(config);
    FcFini();
  }
};
Configuration current;

FcConfig* configuration() {
  const std::lock_guard lock(current.guard);
  if (!current.config) current.config = FcInitLoadConfigAndFonts();
  return current.config;
}

const FcChar8* chars(const char* text) { return reinterpret_cast<const FcChar8*>(text); }

int weight_of(Style style) { return style == Style::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR; }
int slant_of(Style style) { return style == Style::italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN; }

Pattern request(FcConfig* config, const char* family, Style style, const FcCharSet* charset = nullptr) {
  Pattern pattern(FcPatternCreate(), FcPatternDestroy);
  FcPatternAddString(pattern.get(), FC_FAMILY, chars(family));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight_of(style));
  FcPatternAddInteger(pattern.get(), FC_SLANT, slant_of(style));
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  if (charset) FcPatternAddCharSet(pattern.get(), FC_CHARSET, charset);
  FcConfigSubstitute(config, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  return pattern;
}

Pattern best_match(FcConfig* config, const char* family, Style style) {
  Pattern pattern = request(config, family, style);
  FcResult result = FcResultNoMatch;
  return Pattern(FcFontMatch(config, pattern.get(), &result), FcPatternDestroy);
}

bool has_family(const FcPattern* font, std::string_view family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    const std::string_view have(reinterpret_cast<const char*>(name));
    if (have.size() == family.size() && ::strncasecmp(have.data(), family.data(), have.size()) == 0) return true;
  }
  return false;
}

bool ends_with_any(std::string_view file, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view end) {
    return file.size() >= end.size() && ::strncasecmp(file.data() + file.size() - end.size(), end.data(), end.size()) == 0;
  });
}

// A face stb_truetype (inside Dear ImGui) can draw: TrueType or CFF outlines in a .ttf, .otf or
// collection, not a colour bitmap font (Noto Color Emoji), not a named instance of a variable font.
std::optional<Face> usable_face(const FcPattern* font) {
  if (!font) return std::nullopt;
  FcChar8* file = nullptr;
  if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
  Face face;
  face.file = reinterpret_cast<const char*>(file);
  if (!ends_with_any(face.file, {".ttf", ".otf", ".ttc", ".otc"})) return std::nullopt;
  FcBool flag = FcFalse;
  if (FcPatternGetBool(font, FC_COLOR, 0, &flag) == FcResultMatch && flag) return std::nullopt;
  FcChar8* format = nullptr;
  if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch) {
    const std::string_view f(reinterpret_cast<const char*>(format));
    if (f != "TrueType" && f != "CFF") return std::nullopt;
  }
  if (FcPatternGetInteger(font, FC_INDEX, 0, &face.index) != FcResultMatch) face.index = 0;
  if (face.index < 0 || face.index > 0xFFFF) return std::nullopt;
  FcChar8* family = nullptr;
  if (FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch) face.family = reinterpret_cast<const char*>(family);
  return face;
}

int weight(const FcPattern* font) {
  int w = FC_WEIGHT_REGULAR;
  FcPatternGetInteger(font, FC_WEIGHT, 0, &w);
  return w;
}
int slant(const FcPattern* font) {
  int s = FC_SLANT_ROMAN;
  FcPatternGetInteger(font, FC_SLANT, 0, &s);
  return s;
}

// What a face takes on: of `missing`, the characters its charset has; those leave `missing`.
std::vector<char32_t> take_covered(const FcPattern* font, std::vector<char32_t>& missing) {
  FcCharSet* charset = nullptr;
  if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) return {};
  std::vector<char32_t> taken, left;
  for (char32_t code : missing) (FcCharSetHasChar(charset, code) ? taken : left).push_back(code);
  missing = std::move(left);
  return taken;
}

// The face fontconfig finds for `family` in `style`, only when it really is that family.
std::optional<Face> family_face(FcConfig* config, const char* family, Style style, Pattern* out = nullptr) {
  Pattern font = best_match(config, family, style);
  if (!font || !has_family(font.get(), family)) return std::nullopt;
  auto face = usable_face(font.get());
  if (face && out) *out = std::move(font);
  return face;
}

bool any_in(const std::vector<char32_t>& codes, char32_t first, char32_t last) {
  return std::any_of(codes.begin(), codes.end(), [&](char32_t c) { return c >= first && c <= last; });
}

// Han characters look different in Japanese, Korean and Chinese; the kana or hangul among the
// characters say which one the text most likely is.
const char* cjk_family(const std::vector<char32_t>& codes) {
  if (any_in(codes, 0x3040, 0x30FF) || any_in(codes, 0x31F0, 0x31FF)) return "Noto Sans CJK JP";
  if (any_in(codes, 0xAC00, 0xD7AF) || any_in(codes, 0x1100, 0x11FF) || any_in(codes, 0x3130, 0x318F))
    return "Noto Sans CJK KR";
  return "Noto Sans CJK SC";
}

// Faces for the characters `missing`, which the style's own face lacks: the preferred families
// first, then what fontconfig ranks best for the rest.
void add_fallbacks(FcConfig* config, std::vector<Face>& chain, Style style, std::vector<char32_t>& missing) {
  // Mono and italic borrow upright faces: no fallback family has those styles.
  const Style fallback_style = style == Style::bold ? Style::bold : Style::regular;
  const char* preferred[] = {"DejaVu Sans",       "Noto Sans",         "Noto Sans Hebrew", "Noto Sans Arabic",
                             "Noto Naskh Arabic", cjk_family(missing), "Symbola"};
  for (const char* family : preferred) {
    if (missing.empty()) return;
    Pattern font(nullptr, FcPatternDestroy);
    auto face = family_face(config, family, fallback_style, &font);
    if (!face) continue;
    if (std::any_of(chain.begin(), chain.end(), [&](const Face& f) { return f.file == face->file && f.index == face->index; }))
      continue;
    face->provides = take_covered(font.get(), missing);
    if (!face->provides.empty()) chain.push_back(std::move(*face));
  }
  if (missing.empty()) return;
  CharSet wanted(FcCharSetCreate(), FcCharSetDestroy);
  for (char32_t code : missing) FcCharSetAddChar(wanted.get(), code);
  Pattern pattern = request(config, "sans-serif", fallback_style, wanted.get());
  FcResult result = FcResultNoMatch;
  FontSet sorted(FcFontSort(config, pattern.get(), FcTrue, nullptr, &result), FcFontSetDestroy);
  if (!sorted) return;
  constexpr int most_extra_faces = 6;
  int added = 0;
  for (int i = 0; i < sorted->nfont && !missing.empty() && added < most_extra_faces; ++i) {
    auto face = usable_face(sorted->fonts[i]);
    if (!face) continue;
    face->provides = take_covered(sorted->fonts[i], missing);
    if (face->provides.empty()) continue;
    chain.push_back(std::move(*face));
    ++added;
  }
}

// The style's own face: DejaVu Sans (Mono for code) when installed, else the system's default of
// the same kind; bold and italic fall back to the regular face when the family has none.
std::optional<Face> own_face(FcConfig* config, Style style, const std::optional<Face>& regular, Pattern& font) {
  switch (style) {
    case Style::regular:
      if (auto face = family_face(config, "DejaVu Sans", style, &font)) return face;
      font = best_match(config, "sans-serif", style);
      return usable_face(font.get());
    case Style::bold:
    case Style::italic: {
      if (!regular) return std::nullopt;
      Pattern candidate = best_match(config, regular->family.c_str(), style);
      const bool right_style = candidate && has_family(candidate.get(), regular->family) &&
                               (style == Style::bold ? weight(candidate.get()) >= FC_WEIGHT_DEMIBOLD
                                                     : slant(candidate.get()) != FC_SLANT_ROMAN);
      if (right_style) {
        if (auto face = usable_face(candidate.get())) {
          font = std::move(candidate);
          return face;
        }
      }
      return std::nullopt;
    }
    case Style::mono:
      if (auto face = family_face(config, "DejaVu Sans Mono", style, &font)) return face;
      return std::nullopt;
  }
  return std::nullopt;
}
}  // namespace

Plan plan(const std::vector<char32_t>& wanted) {
  Plan plan;
  FcConfig* config = configuration();
  if (!config) return plan;
  std::optional<Face> regular;
  Pattern regular_font(nullptr, FcPatternDestroy);
  for (Style style : all_styles) {
    Pattern font(nullptr, FcPatternDestroy);
    auto face = own_face(config, style, regular, font);
    if (style == Style::regular) {
      if (!face) return plan;  // no usable font at all
      regular = face;
    }
    if (!face) {  // drawn with the regular face, as the regular style is
      face = regular;
      font = Pattern(FcPatternDuplicate(regular_font.get()), FcPatternDestroy);
    }
    std::vector<char32_t> missing = wanted;
    face->provides = take_covered(font.get(), missing);
    auto& chain = plan.styles[static_cast<std::size_t>(style)];
    chain.push_back(std::move(*face));
    add_fallbacks(config, chain, style, missing);
    if (style == Style::regular) {
      plan.uncovered = std::move(missing);
      regular_font = std::move(font);
    }
  }
  return plan;
}

void forget_configuration() {
  const std::lock_guard lock(current.guard);
  if (current.config) FcConfigDestroy(current.config);
  current.config = nullptr;
}

std::string_view package_for(char32_t code) {
  const auto in = [&](char32_t first, char32_t last) { return code >= first && code <= last; };
  if (in(0x1100, 0x11FF) || in(0x2E80, 0x9FFF) || in(0xAC00, 0xD7AF) || in(0xF900, 0xFAFF) || in(0xFE30, 0xFE4F) ||
      in(0xFF00, 0xFFEF) || in(0x20000, 0x3FFFF))
    return "fonts-noto-cjk";
  if (in(0x2600, 0x27BF) || in(0x1F000, 0x1FAFF)) return "fonts-symbola";
  if (code < 0x0530 || in(0x1E00, 0x1FFF) || in(0x2000, 0x25FF)) return "fonts-dejavu-core";
  return "fonts-noto-core";
}

}  // namespace rp::fonts
