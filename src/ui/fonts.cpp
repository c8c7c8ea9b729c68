#include "ui/fonts.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "fonts/finder.hpp"
#include "ui/bidi.hpp"

namespace rp::ui {

namespace {
using fonts::Style;

// A font file's bytes, read once however many sizes and styles use it.
using FileBytes = std::map<std::string, std::vector<unsigned char>>;

const std::vector<unsigned char>* read_file(FileBytes& files, const std::string& path) {
  if (auto found = files.find(path); found != files.end()) return found->second.empty() ? nullptr : &found->second;
  std::vector<unsigned char> bytes;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (in) {
    bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()))) bytes.clear();
  }
  auto& stored = files[path] = std::move(bytes);
  return stored.empty() ? nullptr : &stored;
}

std::uint32_t be32(const std::vector<unsigned char>& b, std::size_t at) {
  return at + 4 > b.size() ? 0 : (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}
std::uint16_t be16(const std::vector<unsigned char>& b, std::size_t at) {
  return at + 2 > b.size() ? 0 : static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}

// How tall the face is for stb_truetype's pixel height, in ems: (ascender - descender) of its
// 'hhea' table over 'head''s units per em. Nothing when the bytes are not a font stb can read.
std::optional<float> height_in_ems(const std::vector<unsigned char>& bytes, int index) {
  std::size_t offset = 0;
  if (be32(bytes, 0) == 0x74746366) {  // 'ttcf': a collection, with an offset per face
    if (static_cast<std::uint32_t>(index) >= be32(bytes, 8)) return std::nullopt;
    offset = be32(bytes, 12 + 4 * static_cast<std::size_t>(index));
  }
  const std::uint32_t tag = be32(bytes, offset);
  if (tag != 0x00010000 && tag != 0x74727565 /* true */ && tag != 0x4F54544F /* OTTO */) return std::nullopt;
  std::size_t hhea = 0, head = 0;
  const std::uint16_t tables = be16(bytes, offset + 4);
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t entry = offset + 12 + 16 * i;
    const std::uint32_t name = be32(bytes, entry);
    if (name == 0x68686561) hhea = be32(bytes, entry + 8);
    if (name == 0x68656164) head = be32(bytes, entry + 8);
  }
  if (hhea == 0 || head == 0) return std::nullopt;
  const auto ascender = static_cast<std::int16_t>(be16(bytes, hhea + 4));
  const auto descender = static_cast<std::int16_t>(be16(bytes, hhea + 6));
  const std::uint16_t units = be16(bytes, head + 18);
  if (units == 0 || ascender - descender <= 0) return std::nullopt;
  return static_cast<float>(ascender - descender) / units;
}

std::vector<ImWchar> glyph_ranges(const std::vector<char32_t>& codes) {
  std::vector<ImWchar> ranges;
  for (char32_t code : codes) {
    if (code == 0 || code > 0xFFFF) continue;
    const auto c = static_cast<ImWchar>(code);
    if (!ranges.empty() && ranges.back() + 1 == c) {
      ranges.back() = c;
    } else {
      ranges.push_back(c);
      ranges.push_back(c);
    }
  }
  ranges.push_back(0);
  return ranges;
}

// One style's faces as ImGui will read them: bytes, ranges and how much to scale each so that
// its em matches the first face's.
struct LoadedFace {
  const std::vector<unsigned char>* bytes = nullptr;
  int index = 0;
  std::string name;
  std::vector<ImWchar> ranges;
  float size_factor = 1.0f;
};

std::vector<LoadedFace> load_chain(FileBytes& files, const std::vector<fonts::Face>& chain) {
  std::vector<LoadedFace> loaded;
  std::optional<float> first_height;
  for (const auto& face : chain) {
    if (face.provides.empty()) continue;  // a face with nothing to give is not even read
    const auto* bytes = read_file(files, face.file);
    const auto height = bytes ? height_in_ems(*bytes, face.index) : std::nullopt;
    if (!height) continue;
    if (loaded.empty()) first_height = height;
    loaded.push_back({bytes, face.index, face.family, glyph_ranges(face.provides), *height / *first_height});
  }
  return loaded;
}

ImFont* add_font(ImFontAtlas& atlas, const std::vector<LoadedFace>& chain, float pixels) {
  ImFont* font = nullptr;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const LoadedFace& face = chain[i];
    if (face.ranges.size() < 2 && i > 0) continue;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in FileBytes until the atlas is built
    config.FontNo = face.index;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.MergeMode = i > 0;
    std::snprintf(config.Name, sizeof config.Name, "%s, %.0fpx", face.name.c_str(), static_cast<double>(pixels));
    // stb_truetype sizes a face by its whole height, which differs from font to font; scaled so
    // every face has the same em, CJK or Hebrew letters stand as tall as the Latin beside them.
    ImFont* added = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(face.bytes->data()),
                                           static_cast<int>(face.bytes->size()), pixels * face.size_factor, &config,
                                           face.ranges.data());
    if (i == 0) font = added;
  }
  return font;
}

Fonts builtin_fonts(ImFontAtlas& atlas, float scale, std::string warning) {
  Fonts fonts;
  fonts.scale = scale;
  fonts.warning = std::move(warning);
  ImFontConfig config;
  config.SizePixels = 13.0f * scale;
  fonts.body = fonts.bold = fonts.small = fonts.heading = fonts.title = fonts.italic = fonts.mono =
      atlas.AddFontDefault(&config);
  atlas.Build();
  return fonts;
}

bool same_face(const std::vector<fonts::Face>& a, const std::vector<fonts::Face>& b) {
  return !a.empty() && !b.empty() && a.front().file == b.front().file && a.front().index == b.front().index;
}
}  // namespace

const core::CodepointSet& base_characters() {
  static const core::CodepointSet base = [] {
    core::CodepointSet set;
    set.add(0x20, 0x7E);
    set.add(0xA0, 0x17F);
    set.add(0x2010, 0x2027);  // dashes, quotes, bullets, the ellipsis
    set.add(0x2030, 0x203A);  // per mille, primes, single guillemets
    set.add(0x20AC);          // the euro sign
    set.add(0x2190, 0x2193);  // arrows
    set.add(0x2713);          // the check mark
    set.add(0xFFFD);          // drawn for a character no font has
    return set;
  }();
  return base;
}

Fonts load_fonts(float scale, const core::CodepointSet& in_use) { return load_fonts(*ImGui::GetIO().Fonts, scale, in_use); }

Fonts load_fonts(ImFontAtlas& atlas, float scale, const core::CodepointSet& in_use) {
  atlas.Clear();
  core::CodepointSet wanted = base_characters();
  wanted.add(in_use);
  bidi::add_joining_forms(wanted);
  // Dear ImGui 1.86 as Debian builds it keeps 16-bit characters; control characters (line breaks
  // in lessons) are never drawn as glyphs.
  std::vector<char32_t> bmp;
  for (char32_t code : wanted.list())
    if (code <= 0xFFFF && code >= 0x20 && !(code >= 0x7F && code <= 0x9F)) bmp.push_back(code);

  const fonts::Plan plan = fonts::plan(bmp);
  FileBytes files;
  const auto regular = load_chain(files, plan.faces(Style::regular));
  if (regular.empty())
    return builtin_fonts(atlas, scale, "No usable font was found through fontconfig (install fonts-dejavu-core); using "
                                "ImGui's built-in font, which has only basic Latin letters.");

  Fonts fonts;
  fonts.scale = scale;
  // What the learner would miss: characters in use that no face has (not the base set's).
  for (char32_t code : plan.uncovered)
    if (!base_characters().contains(code)) fonts.uncovered.push_back(code);
  auto chain_of = [&](Style style) {
    return same_face(plan.faces(style), plan.faces(Style::regular)) ? std::vector<LoadedFace>()
                                                                     : load_chain(files, plan.faces(style));
  };
  const auto bold = chain_of(Style::bold), italic = chain_of(Style::italic), mono = chain_of(Style::mono);
  fonts.body = add_font(atlas, regular, 18.0f * scale);  // the first added is ImGui's default
  fonts.small = add_font(atlas, regular, 15.0f * scale);
  const auto& strong = bold.empty() ? regular : bold;
  fonts.bold = add_font(atlas, strong, 18.0f * scale);
  fonts.heading = add_font(atlas, strong, 30.0f * scale);
  fonts.title = add_font(atlas, strong, 21.0f * scale);
  // Without an oblique face (fonts-dejavu-extra) emphasis is drawn upright, and without a
  // monospaced one code is drawn in the body font.
  fonts.italic = italic.empty() ? fonts.body : add_font(atlas, italic, 18.0f * scale);
  fonts.mono = mono.empty() ? fonts.body : add_font(atlas, mono, 17.0f * scale);
  if (!atlas.Build()) {
    atlas.Clear();
    return builtin_fonts(atlas, scale, "The fonts fontconfig found could not be read; using ImGui's built-in font.");
  }
  // The atlas is built: the font files and ranges it was read from can go.
  atlas.ClearInputData();
  return fonts;
}

bool FontKeeper::needs(const core::CodepointSet& in_use, const std::vector<std::string_view>& typed) {
  bool missing = false;
  if (in_use.size() != seen_) {
    for (char32_t code : in_use.missing_from(requested_)) missing = missing || code <= 0xFFFF;
    seen_ = in_use.size();
  }
  for (auto text : typed) {
    core::CodepointSet codes;
    codes.add(text);
    for (char32_t code : codes.missing_from(requested_)) missing = missing || code <= 0xFFFF;
  }
  return missing;
}

bool FontKeeper::update(float scale, const core::CodepointSet& in_use, const std::vector<std::string_view>& typed) {
  return update(*ImGui::GetIO().Fonts, scale, in_use, typed);
}

bool FontKeeper::update(ImFontAtlas& atlas, float scale, const core::CodepointSet& in_use,
                        const std::vector<std::string_view>& typed) {
  if (built_ && scale == fonts_.scale && !needs(in_use, typed)) return false;
  requested_ = in_use;
  for (auto text : typed) requested_.add(text);
  seen_ = in_use.size();
  fonts_ = load_fonts(atlas, scale, requested_);
  built_ = true;
  return true;
}

std::string missing_fonts_notice(const std::vector<char32_t>& uncovered) {
  if (uncovered.empty()) return {};
  std::set<std::string_view> packages;
  std::u32string sample;
  for (char32_t code : uncovered) {
    packages.insert(fonts::package_for(code));
    if (sample.size() < 8) sample.push_back(code);
  }
  return fmt::format("Some text uses characters no installed font has ({}{}); they show as \xEF\xBF\xBD. Installing {} "
                     "would draw them.",
                     core::to_utf8(sample), uncovered.size() > sample.size() ? ", ..." : "", fmt::join(packages, " and "));
}

}  // namespace rp::ui
