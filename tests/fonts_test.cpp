// Any script: the characters in use (core::CodepointSet, App's view), the faces fontconfig finds
// for them (fonts/finder.hpp), the atlas built from only those glyphs (ui/fonts.hpp), and
// right-to-left text reordered and shaped for drawing (ui/bidi.hpp).
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bank/loader.hpp"
#include "core/codepoints.hpp"
#include "core/text.hpp"
#include "fonts/finder.hpp"
#include "support/headless.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_folder.hpp"
#include "ui/bidi.hpp"
#include "ui/fonts.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

app::App make_app(const std::string& profile) {
  app::AppOptions options;
  options.profile_name = profile;
  return app::App(store::Store::open_in_memory(), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

std::vector<char32_t> codes(std::string_view text) {
  const auto all = core::to_code_points(text);
  return {all.begin(), all.end()};
}

std::string hex(char32_t code) { return fmt::format("U+{:04X}", static_cast<unsigned>(code)); }

// A headless ImGui context of its own, for building atlases outside the app's screens.
struct Context {
  Context() : context(ImGui::CreateContext()) {}
  ~Context() { ImGui::DestroyContext(context); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  ImGuiContext* context;
};

// Whether the font has its own glyph for every character of `text` (not the one drawn for a
// missing character); the failure names the first that lacks one and the package that draws it.
std::string missing_glyph(const ImFont* font, std::string_view text) {
  for (char32_t code : codes(text)) {
    if (code == ' ') continue;
    const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(code));
    if (!glyph || glyph == font->FallbackGlyph)
      return fmt::format("{} ({}) has no glyph: is {} installed? (bash third_party_cfg/install.sh)", core::to_utf8(std::u32string(1, code)),
                         hex(code), fonts::package_for(code));
  }
  return {};
}

// A fontconfig configuration that knows only the fonts in `dirs` (none: a system without fonts),
// with its cache in `folder`, used while the returned guard lives.
class FontconfigWith {
 public:
  FontconfigWith(const test::TempFolder& folder, const std::vector<std::string>& dirs) {
    std::string conf = "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n";
    for (const auto& dir : dirs) conf += "  <dir>" + dir + "</dir>\n";
    conf += "  <cachedir>" + (folder / "cache").string() + "</cachedir>\n</fontconfig>\n";
    std::ofstream(folder / "fonts.conf") << conf;
    file_ = std::make_unique<test::ScopedEnv>("FONTCONFIG_FILE", (folder / "fonts.conf").string());
    fonts::forget_configuration();
  }
  ~FontconfigWith() {
    file_.reset();
    fonts::forget_configuration();
  }
  FontconfigWith(const FontconfigWith&) = delete;
  FontconfigWith& operator=(const FontconfigWith&) = delete;

 private:
  std::unique_ptr<test::ScopedEnv> file_;
};

const std::string greek = "\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7";                                // Ελένη
const std::string cyrillic = "\xD0\x96\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xB0";                             // Жанна
const std::string cjk = "\xE7\x94\xB0\xE4\xB8\xAD\xE8\x8A\xB1\xE5\xAD\x90";                          // 田中花子
const std::string hebrew = "\xD7\xA9\xD7\xA8\xD7\x94 \xD7\x9B\xD7\x94\xD7\x9F";                      // שרה כהן
const std::string arabic = "\xD9\x85\xD8\xB1\xD9\x8A\xD9\x85";                                       // مريم
}  // namespace

TEST_CASE("code point sets: UTF-8 is decoded and sets compare and list in order") {
  core::CodepointSet set;
  set.add("ab" + greek);
  set.add(std::string("a\xFF"));  // an invalid byte counts as U+FFFD, as it is drawn
  CHECK(set.contains('a'));
  CHECK(set.contains(0x0395));
  CHECK(set.contains(0xFFFD));
  CHECK_FALSE(set.contains('c'));
  CHECK(set.size() == 2 + 5 + 1);
  const auto list = set.list();
  CHECK(std::is_sorted(list.begin(), list.end()));
  CHECK(list.front() == 'a');
  CHECK(list.back() == 0xFFFD);
  core::CodepointSet emoji;
  emoji.add("\xF0\x9F\x98\x80");  // above U+FFFF: kept, the font code decides what it can draw
  CHECK(emoji.contains(0x1F600));
  CHECK(set.missing_from(emoji) == list);
  CHECK(emoji.missing_from(set) == std::vector<char32_t>{0x1F600});
  core::CodepointSet range;
  range.add(0x41, 0x43);
  CHECK(range.list() == std::vector<char32_t>{'A', 'B', 'C'});
}

TEST_CASE("the characters in use are the bank's and the profile names' and grow when a name is renamed") {
  auto a = make_app("Learner");
  const auto& bank = a.bank();
  const auto& in_use = a.view().characters;
  for (char32_t code : codes(bank.questions.front().prompt + bank.lessons.front().text + bank.roles.front().name))
    CHECK(in_use.contains(code));
  CHECK_FALSE(in_use.contains(0x65E5));  // 日: nothing uses it yet
  a.apply(app::action::RenameProfile{a.profile_id(), "\xE6\x97\xA5\xE6\x9C\xAC"});  // 日本
  CHECK(in_use.contains(0x65E5));
  a.apply(app::action::CreateProfile{cyrillic});
  CHECK(in_use.contains(0x0416));
  a.apply(app::action::ShowError{"Datei \xC3\xB6" "ffnen: " + greek});
  CHECK(in_use.contains(0x03BB));
}

TEST_CASE("the atlas holds the base characters and those in use and no others") {
  Context context;
  core::CodepointSet in_use;
  in_use.add(greek);
  const ui::Fonts fonts = ui::load_fonts(1.0f, in_use);
  REQUIRE(fonts.warning.empty());
  for (const ImFont* font : {fonts.body, fonts.bold, fonts.small, fonts.heading, fonts.title, fonts.italic, fonts.mono}) {
    CHECK(missing_glyph(font, "Az\xC3\xA9\xE2\x80\x94\xE2\x9C\x93") == "");  // Azé—✓: the base set
    CHECK(missing_glyph(font, greek) == "");
    CHECK(font->FindGlyphNoFallback(0x0416) == nullptr);  // Ж is not in use, so not in the atlas
    CHECK(font->FindGlyphNoFallback(0x65E5) == nullptr);
  }
  // Only glyphs in use: far fewer than the whole of Latin Extended-B, arrows, box drawing and
  // geometric shapes the atlas used to hold (over 1,000 per font).
  CHECK(fonts.body->Glyphs.Size < 500);
  CHECK(fonts.uncovered.empty());
}

TEST_CASE("the CJK face is not even read until CJK text is in use") {
  std::vector<char32_t> latin = ui::base_characters().list();
  const auto plan = fonts::plan(latin);
  REQUIRE(plan.found());
  for (const auto& chain : plan.styles)
    for (const auto& face : chain) {
      CAPTURE(face.file);
      CHECK(face.file.find("CJK") == std::string::npos);
      CHECK_FALSE(face.provides.empty());
    }
  CHECK(plan.faces(fonts::Style::regular).size() == 1);  // DejaVu Sans has every base character

  latin.push_back(0x4E2D);  // 中
  const auto with_cjk = fonts::plan(latin);
  const auto& regular = with_cjk.faces(fonts::Style::regular);
  const bool found = std::any_of(regular.begin(), regular.end(), [](const fonts::Face& face) {
    return face.provides == std::vector<char32_t>{0x4E2D};
  });
  CHECK_MESSAGE(found, "no installed face draws U+4E2D: is fonts-noto-cjk installed?");
  CHECK(with_cjk.uncovered.empty());
}

TEST_CASE("a character no font has is told with the package that would draw it") {
  CHECK(fonts::package_for(0x4E2D) == "fonts-noto-cjk");
  CHECK(fonts::package_for(0xAC00) == "fonts-noto-cjk");
  CHECK(fonts::package_for(0x05D0) == "fonts-noto-core");
  CHECK(fonts::package_for(0x0E01) == "fonts-noto-core");
  CHECK(fonts::package_for(0x2603) == "fonts-symbola");
  CHECK(fonts::package_for(0x00E9) == "fonts-dejavu-core");
  CHECK(ui::missing_fonts_notice({}).empty());
  const std::string notice = ui::missing_fonts_notice({0x0E01, 0x4E2D});
  CHECK(notice.find("fonts-noto-cjk") != std::string::npos);
  CHECK(notice.find("fonts-noto-core") != std::string::npos);
}

TEST_CASE("without any font ImGui's own is used and the warning names the package to install") {
  test::TempFolder folder;
  const FontconfigWith no_fonts(folder, {});
  Context context;
  const ui::Fonts fonts = ui::load_fonts(1.0f);
  CHECK(fonts.warning.find("fonts-dejavu-core") != std::string::npos);
  CHECK(fonts.body == ImGui::GetIO().Fonts->Fonts[0]);
  CHECK(fonts.body->FontSize == doctest::Approx(13.0f));  // ProggyClean, ImGui's built-in font
  CHECK(fonts.bold == fonts.body);
  CHECK(ImGui::GetIO().Fonts->IsBuilt());
}

TEST_CASE("without the CJK fonts a CJK name is told with the package that draws it") {
  test::TempFolder folder;
  const FontconfigWith dejavu_only(folder, {"/usr/share/fonts/truetype/dejavu"});
  Context context;
  core::CodepointSet in_use;
  in_use.add(cjk + greek);
  const ui::Fonts fonts = ui::load_fonts(1.0f, in_use);
  CHECK(fonts.warning.empty());
  CHECK(missing_glyph(fonts.body, greek) == "");
  auto cjk_codes = codes(cjk);
  std::sort(cjk_codes.begin(), cjk_codes.end());
  CHECK(fonts.uncovered == cjk_codes);
  CHECK(ui::missing_fonts_notice(fonts.uncovered).find("fonts-noto-cjk") != std::string::npos);
}

TEST_CASE("Greek Cyrillic and CJK profile names are drawn with real glyphs not the fallback") {
  auto a = make_app(greek);
  a.apply(app::action::CreateProfile{cyrillic});
  a.apply(app::action::CreateProfile{cjk});  // the current profile now, drawn in bold in the sidebar
  test::HeadlessUi ui(a);
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  const auto& fonts = ui.fonts();
  for (const auto& name : {greek, cyrillic, cjk}) {
    CAPTURE(name);
    for (const ImFont* font : {fonts.body, fonts.bold}) {
      const std::string missing = missing_glyph(font, name);
      CHECK_MESSAGE(missing.empty(), missing);
    }
    // And they are on the screen, in the profiles table.
    const auto texts = ui.texts_in("content");
    CHECK(std::count(texts.begin(), texts.end(), name) == 1);
  }
  const auto sidebar = ui.texts_in("sidebar");
  CHECK(std::count(sidebar.begin(), sidebar.end(), cjk) == 1);
  CHECK(fonts.uncovered.empty());
  CHECK(a.view().error_banner.empty());
}

TEST_CASE("a name renamed to CJK between frames gets its glyphs in a rebuilt atlas") {
  auto a = make_app("Learner");
  test::HeadlessUi ui(a);
  ui.frames(2);
  const ImFont* before = ui.fonts().body;
  CHECK(ui.fonts().body->FindGlyphNoFallback(0x7530) == nullptr);  // 田 is not in use yet
  a.apply(app::action::RenameProfile{a.profile_id(), cjk});
  ui.frames(1);
  CHECK(missing_glyph(ui.fonts().bold, cjk) == "");
  CHECK(ui.fonts().body != before);  // a new atlas, built between frames
  // Typing in a field counts too: its characters are drawn as they are typed.
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(2);
  ui.click("##new-profile", "content");
  ImGui::GetIO().AddInputCharactersUTF8(hebrew.c_str());
  ui.frames(2);
  CHECK(missing_glyph(ui.fonts().body, hebrew) == "");
}

TEST_CASE("right to left text is reordered for drawing and left to right text is left alone") {
  CHECK_FALSE(ui::bidi::needs_reordering("plain ASCII, Zo\xC3\xAB, " + greek + cyrillic + cjk));
  CHECK(ui::bidi::needs_reordering(hebrew));
  CHECK(ui::bidi::needs_reordering(arabic));
  CHECK(ui::bidi::needs_reordering("abc \xE2\x80\x8F"));  // a right-to-left mark
  CHECK(ui::bidi::visual("Zo\xC3\xAB") == "Zo\xC3\xAB");

  // שרה כהן drawn left to right: the last letter first, the words swapped.
  CHECK(codes(ui::bidi::visual(hebrew)) == std::vector<char32_t>{0x05DF, 0x05D4, 0x05DB, ' ', 0x05D4, 0x05E8, 0x05E9});
  // Left-to-right text around a Hebrew word keeps its place; the word reads right to left.
  CHECK(ui::bidi::visual("Hi \xD7\xA9\xD7\xA8\xD7\x94 you") == "Hi \xD7\x94\xD7\xA8\xD7\xA9 you");
  // Numbers inside right-to-left text stay left to right; brackets are mirrored.
  CHECK(codes(ui::bidi::visual("\xD7\xA9 (12)")) == std::vector<char32_t>{'(', '1', '2', ')', ' ', 0x05E9});
  // Paragraphs keep their own lines.
  CHECK(ui::bidi::visual("a\n\xD7\xA9\xD7\xA8") == "a\n\xD7\xA8\xD7\xA9");
}

TEST_CASE("Arabic letters take their joining forms and the atlas gets them") {
  // مريم: meem initial, reh final, yeh initial, meem final; drawn left to right, last first.
  CHECK(codes(ui::bidi::visual(arabic)) == std::vector<char32_t>{0xFEE2, 0xFEF3, 0xFEAE, 0xFEE3});
  // Lam then alef become one ligature.
  CHECK(codes(ui::bidi::visual("\xD9\x84\xD8\xA7")) == std::vector<char32_t>{0xFEFB});
  core::CodepointSet set;
  set.add(arabic + " \xD9\x84\xD8\xA7 " + hebrew);
  ui::bidi::add_joining_forms(set);
  for (char32_t form : {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4, 0xFEAD, 0xFEAE, 0xFEF3, 0xFEFB}) {
    CAPTURE(hex(form));
    CHECK(set.contains(form));
  }
  Context context;
  const ui::Fonts fonts = ui::load_fonts(1.0f, set);
  CHECK(missing_glyph(fonts.body, ui::bidi::visual(arabic)) == "");
  CHECK(missing_glyph(fonts.bold, ui::bidi::visual(hebrew)) == "");
}

TEST_CASE("a right to left paragraph wraps in reading order with its lines aligned right") {
  // Five words, two to a line: the first line holds the first two words a reader meets.
  const std::string text = "\xD7\x90\xD7\x90 \xD7\x91\xD7\x91 \xD7\x92\xD7\x92 \xD7\x93\xD7\x93 \xD7\x94\xD7\x94";
  const auto two_words = [](std::string_view rest) {
    std::size_t spaces = 0;
    for (std::size_t i = 0; i < rest.size(); ++i)
      if (rest[i] == ' ' && ++spaces == 2) return i + 1;
    return rest.size();
  };
  const auto lines = ui::bidi::visual_lines(text, two_words);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == ui::bidi::visual("\xD7\x90\xD7\x90 \xD7\x91\xD7\x91"));
  CHECK(lines[1].text == ui::bidi::visual("\xD7\x92\xD7\x92 \xD7\x93\xD7\x93"));
  CHECK(lines[2].text == "\xD7\x94\xD7\x94");
  CHECK(lines[0].right_to_left);
  CHECK_FALSE(ui::bidi::visual_lines("abc \xD7\x90")[0].right_to_left);  // the first strong letter decides
}

TEST_CASE("a Hebrew profile name is drawn in visual order and a Hebrew paragraph wraps in reading order") {
  auto a = make_app(hebrew);
  test::HeadlessUi ui(a);
  ui.frames(2);
  const auto sidebar = ui.texts_in("sidebar");
  CHECK(std::count(sidebar.begin(), sidebar.end(), ui::bidi::visual(hebrew)) == 1);
  CHECK(std::count(sidebar.begin(), sidebar.end(), hebrew) == 0);

  // A long message in the banner (wrapped): the reader's first word is on the first line, the
  // last on the last, each line read right to left.
  const std::string first = "\xD7\xA8\xD7\x90\xD7\xA9\xD7\x95\xD7\x9F", last = "\xD7\x90\xD7\x97\xD7\xA8\xD7\x95\xD7\x9F";
  std::string message = first;
  for (int i = 0; i < 40; ++i) message += " " + hebrew;
  message += " " + last;
  a.apply(app::action::ShowError{message});
  ui.frames(2);
  const auto& items = ui.items();
  const auto drawn = std::find_if(items.begin(), items.end(), [](const test::DrawnItem& item) {
    return item.window_name() == "banner" && item.text.find("\xD7\x9F") != std::string::npos;
  });
  REQUIRE(drawn != items.end());
  CHECK(drawn->max.y - drawn->min.y > 2.5f * ui.fonts().body->FontSize);  // three lines or more
  const auto at_first = drawn->text.find(ui::bidi::visual(first)), at_last = drawn->text.find(ui::bidi::visual(last));
  REQUIRE(at_first != std::string::npos);
  REQUIRE(at_last != std::string::npos);
  CHECK(at_first < at_last);
}

TEST_CASE("a quiz option in Hebrew from a bank file is drawn in reading order") {
  test::TempFolder folder;
  const auto file = folder / "hebrew.toml";
  const std::string option = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D";  // "shalom olam"
  std::ofstream(file) << "[[topic]]\nid = \"hebrew\"\nname = \"Hebrew words\"\n\n"
                         "[[question]]\nid = \"he-1\"\nroles = [\"ai_architect\"]\ntopic = \"hebrew\"\nkind = \"single\"\n"
                         "prompt = \"Which of these is a greeting?\"\noptions = [\""
                      << option << "\", \"none of them\"]\nanswer = 0\nexplanation = \"It means hello, world.\"\n"
                                   "source = \"general\"\n";
  auto loaded = bank::load_banks({file});
  REQUIRE(loaded.ok());
  app::AppOptions options;
  options.profile_name = "Learner";
  app::App a(store::Store::open_in_memory(), std::move(loaded.bank), app::Clock::starting_at(t0), options);
  a.apply(app::action::Navigate{app::Screen::quiz});
  a.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"hebrew"}, 5}});
  a.apply(app::action::QuizStart{});
  if (a.view().session.stage == app::SessionStage::card) a.apply(app::action::CardDismiss{});
  REQUIRE(a.view().session.stage == app::SessionStage::question);
  test::HeadlessUi ui(a);
  ui.frames(3);
  const auto content = ui.texts_in("content");
  CHECK(std::count(content.begin(), content.end(), ui::bidi::visual(option)) == 1);
  CHECK(ui::bidi::visual(option) != option);
}
