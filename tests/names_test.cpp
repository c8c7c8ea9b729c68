// Profile names: one UTF-8 check and count (core), applied wherever a name is made or changed
// (App), agreeing with SQLite's length(), and the Settings fields that explain a bad name beside
// the field without ever cutting a character.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include <stdexcept>
#include <string>

#include "bank/loader.hpp"
#include "core/text.hpp"
#include "support/headless.hpp"
#include "support/temp_home.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

std::string repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const std::string grin = "\xF0\x9F\x98\x80";  // U+1F600, four bytes

app::App make_app(std::unique_ptr<store::Store> s, std::optional<std::string> profile = "Learner") {
  app::AppOptions options;
  options.profile_name = std::move(profile);
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

std::string problem(const std::string& name) {
  return core::profile_name_problem(name, core::max_profile_name).value_or("");
}

// Why the app refused the last name it was given (told beside the field, never thrown to the
// banner); empty when it took it.
std::string refusal(const app::App& a) { return a.view().name_problem ? a.view().name_problem->message : ""; }
}  // namespace

TEST_CASE("UTF-8: code points are counted and the first bad byte is found") {
  CHECK(core::scan_utf8("").characters == 0);
  CHECK(core::scan_utf8("Zo\xC3\xAB").characters == 3);
  CHECK(core::scan_utf8("\xE6\x97\xA5\xE6\x9C\xAC").characters == 2);
  CHECK(core::scan_utf8(repeat(grin, 64)).characters == 64);
  CHECK(core::scan_utf8("e\xCC\x81").characters == 2);  // e + combining acute: two code points, as SQLite counts
  const auto bad = core::scan_utf8("Ad\xFF" "a");
  CHECK_FALSE(bad.valid());
  CHECK(bad.bad_byte == 2u);
  CHECK(bad.characters == 2);
  CHECK(core::scan_utf8("\x80").bad_byte == 0u);            // a stray continuation byte
  CHECK(core::scan_utf8("ab\xE6\x97").bad_byte == 2u);      // cut short at the end
  CHECK(core::scan_utf8("\xE6\x97" "a").bad_byte == 0u);    // cut short by another character
  CHECK(core::scan_utf8("a\tb").control == 1u);
  CHECK(core::scan_utf8("\xC2\x85").control == 0u);         // NEL, a C1 control character
  CHECK_FALSE(core::scan_utf8("a b").control.has_value());
}

TEST_CASE("UTF-8: overlong forms surrogates and code points above U+10FFFF are invalid") {
  for (const std::string bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF",
                                "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                                "\xFF", "\xFE"}) {
    CAPTURE(bad);
    CHECK_FALSE(core::is_utf8(bad));
  }
  for (const std::string good : {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                                 "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
    CAPTURE(good);
    CHECK(core::is_utf8(good));
    CHECK(core::scan_utf8(good).characters == 1);
  }
}

TEST_CASE("UTF-8: repair replaces each bad sequence once and a prefix never cuts a character") {
  CHECK(core::to_valid_utf8("a\xF0\x9F\x98" "b") == "a\xEF\xBF\xBD" "b");  // one U+FFFD for the cut-short emoji
  CHECK(core::to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");    // an overlong: two bad bytes
  CHECK(core::to_valid_utf8("Zo\xC3\xAB") == "Zo\xC3\xAB");
  CHECK(core::is_utf8(core::to_valid_utf8("\xED\xA0\x80\xF4\x90\x80\x80\xFF")));
  CHECK(core::utf8_prefix_bytes(repeat(grin, 3), 10) == 8);
  CHECK(core::utf8_prefix_bytes(repeat(grin, 64), 256) == 256);
  CHECK(core::utf8_prefix_bytes(repeat(grin, 64), 255) == 252);
  CHECK(core::replacement_characters("\xEF\xBF\xBD" "a" "\xEF\xBF\xBD") == 2);
}

TEST_CASE("profile names: 64 emoji are accepted and 65 or 64 plus stray bytes are refused with the reason") {
  test::TempHome home;
  auto a = make_app(store::Store::open_in_memory());
  a.apply(app::action::CreateProfile{repeat(grin, 64)});
  CHECK(a.view().profile_name == repeat(grin, 64));
  a.apply(app::action::CreateProfile{repeat(grin, 65)});
  CHECK(refusal(a) == "a profile name may be at most 64 characters (this one has 65)");
  // The old count skipped continuation bytes; SQLite's CHECK counted them and refused the row.
  a.apply(app::action::CreateProfile{std::string(64, 'x') + "\x80\x80"});
  CHECK(refusal(a) == "the profile name is not valid UTF-8 (byte 65)");
  CHECK(a.view().profiles.size() == 2);
}

TEST_CASE("profile names: invalid UTF-8 overlongs control characters and blanks are refused at every way in") {
  test::TempHome home;
  CHECK(problem("Ad\xFF" "a") == "the profile name is not valid UTF-8 (byte 3)");
  CHECK(problem("A\xC0\xAF") == "the profile name is not valid UTF-8 (byte 2)");
  CHECK(problem("a\tb").find("control characters") != std::string::npos);
  CHECK(problem("a\nb").find("(character 2)") != std::string::npos);
  CHECK(problem("\x7F").find("control characters") != std::string::npos);
  CHECK(problem("x\xC2\x85").find("control characters") != std::string::npos);
  CHECK(problem("   ") == "a profile needs a name");
  CHECK(problem("") == "a profile needs a name");
  CHECK(problem(" Ada ").empty());

  // --profile reaches App through AppOptions: a clear std::invalid_argument, which main prints.
  CHECK_THROWS_WITH_AS(make_app(store::Store::open_in_memory(), "Ad\xFF" "a"), "the profile name is not valid UTF-8 (byte 3)",
                       std::invalid_argument);
  CHECK_THROWS_AS(make_app(store::Store::open_in_memory(), "a\tb"), std::invalid_argument);

  auto a = make_app(store::Store::open_in_memory());
  const auto id = a.profile_id();
  for (const std::string bad : {"Ad\xFF" "a", "\xE0\x80\xAF", "line\nbreak", "   ", ""}) {
    CAPTURE(bad);
    a.apply(app::action::CreateProfile{bad});
    CHECK(refusal(a) == problem(bad));
    a.apply(app::action::RenameProfile{id, bad});
    CHECK(refusal(a) == problem(bad));
  }
  CHECK(a.view().profiles.size() == 1);
  CHECK(a.view().profile_name == "Learner");
}

TEST_CASE("profile names: the app and SQLite count the same characters") {
  test::TempHome home;
  const auto file = home / "names.db";
  const std::vector<std::string> names = {"Zo\xC3\xAB", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "e\xCC\x81",
                                          "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", repeat(grin, 64),
                                          repeat("\xC3\xA9", 64), std::string(64, 'x')};
  {
    auto a = make_app(store::Store::open(file));
    for (const auto& name : names) a.apply(app::action::CreateProfile{name});
  }
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT name, length(name) FROM profile");
  int checked = 0;
  while (query.executeStep()) {
    const std::string name = query.getColumn(0).getString();
    CAPTURE(name);
    CHECK(core::scan_utf8(name).characters == static_cast<std::size_t>(query.getColumn(1).getInt()));
    ++checked;
  }
  CHECK(checked == static_cast<int>(names.size()) + 1);
}

namespace {
// A button in a profile's row of the Settings table (each row is inside PushID(profile id)).
void click_in_row(test::HeadlessUi& ui, const app::App& a, const char* label) {
  ui.scroll_into_view(label, "content", {static_cast<int>(a.profile_id())});
  ui.click(label, "content", {static_cast<int>(a.profile_id())});
}
void click_new_name_field(test::HeadlessUi& ui) {
  ui.scroll_into_view("##new-profile", "content");
  ui.click("##new-profile", "content");
}
}  // namespace

TEST_CASE("Settings: a 64-emoji name survives Rename and Save untouched") {
  test::TempHome home;
  auto a = make_app(store::Store::open_in_memory(), repeat(grin, 64));
  test::HeadlessUi ui(a);
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  click_in_row(ui, a, "Rename");
  REQUIRE(ui.has_item("##rename", "content", {static_cast<int>(a.profile_id())}));  // the rename field is there
  click_in_row(ui, a, "Save");
  CHECK(a.view().profile_name == repeat(grin, 64));
  CHECK(a.view().error_banner.empty());
}

TEST_CASE("Settings: editing an emoji name is refused beside the field instead of saving replacement characters") {
  test::TempHome home;
  auto a = make_app(store::Store::open_in_memory(), repeat(grin, 3) + " Ada");
  test::HeadlessUi ui(a);
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  click_in_row(ui, a, "Rename");
  ui.frames(2);
  REQUIRE(ImGui::GetIO().WantTextInput);  // the field has the keys as soon as it opens
  // ImGui 1.86 as Debian builds it holds 16-bit characters: an active field turns each emoji
  // into U+FFFD. Saving that would lose the name's emoji without a word.
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(2);
  CHECK(a.view().profile_name == repeat(grin, 3) + " Ada");
  CHECK(a.view().error_banner.empty());
}

TEST_CASE("Settings: an empty or too long new name is explained beside the field and nothing is created") {
  test::TempHome home;
  auto a = make_app(store::Store::open_in_memory());
  test::HeadlessUi ui(a);
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  const int quiet = ImGui::GetDrawData()->TotalVtxCount;
  ImGuiIO& io = ImGui::GetIO();

  click_new_name_field(ui);
  REQUIRE(io.WantTextInput);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));  // nothing typed
  ui.frames(2);
  CHECK(a.view().profiles.size() == 1);
  CHECK(a.view().error_banner.empty());
  CHECK(ImGui::GetDrawData()->TotalVtxCount > quiet + 40);  // "a profile needs a name" is drawn

  ui.frames(30);  // clicks in one place a moment apart would be a double-click, selecting all
  click_new_name_field(ui);
  io.AddInputCharactersUTF8(std::string(65, 'x').c_str());
  ui.frames(1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(a.view().profiles.size() == 1);
  CHECK(a.view().error_banner.empty());  // said beside the field, not in the red banner

  ui.frames(30);
  click_new_name_field(ui);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(a.view().profiles.size() == 2);
  CHECK(a.view().profile_name == std::string(64, 'x'));
}
