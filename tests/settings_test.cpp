// The Settings screen driven like a learner would: the text size (scale, fonts, per profile,
// across a restart), sliders and fields that keep what is being dragged or typed and save it on
// release, and names that cannot be used explained beside their field, which has the keys.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "bank/loader.hpp"
#include "support/headless.hpp"
#include "support/temp_home.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

app::App make_app(std::unique_ptr<store::Store> store, const std::string& profile) {
  app::AppOptions options;
  options.profile_name = profile;
  return app::App(std::move(store), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

void open_settings(app::App& a, test::HeadlessUi& ui) {
  a.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
}

// The text an item drew in the last frame (a slider draws its value).
std::string drawn_text(const test::HeadlessUi& ui, const char* label) { return ui.item(label, "content").text; }

// Holds the left button down at `from`, moves to `to` over a few frames, and lets go there.
void drag(test::HeadlessUi& ui, ImVec2 from, ImVec2 to, const std::function<void()>& while_held = {}) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = from;
  ui.frame();
  io.MouseDown[0] = true;
  ui.frame();
  for (int step = 1; step <= 4; ++step) {
    io.MousePos = ImVec2(from.x + (to.x - from.x) * static_cast<float>(step) / 4, from.y + (to.y - from.y) * static_cast<float>(step) / 4);
    ui.frame();
  }
  if (while_held) while_held();
  io.MouseDown[0] = false;
  ui.frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ui.frame();
}

ImVec2 left_of(const test::DrawnItem& item, float fraction) {
  return ImVec2(item.min.x + (item.max.x - item.min.x) * fraction, (item.min.y + item.max.y) / 2);
}

// Types into the field that has the keys: `erase` backspaces, then `text`.
void retype(test::HeadlessUi& ui, int erase, const std::string& text) {
  for (int i = 0; i < erase; ++i) ui.key(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  ui.frames(1);
}

// One learner, Ada, on the Settings screen (scrolled to `control` when one is named).
struct OnSettings {
  explicit OnSettings(const char* control = nullptr) {
    open_settings(a, ui);
    if (control) ui.scroll_into_view(control, "content");
  }
  test::TempHome home;
  app::App a = make_app(store::Store::open_in_memory(), "Ada");
  test::HeadlessUi ui{a};
};

bool drawn_in_content(const test::HeadlessUi& ui, const std::string& text) {
  const auto texts = ui.texts_in("content");
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}
}  // namespace

TEST_CASE("the text size slider rescales every font when let go and is remembered per profile across a restart") {
  test::TempHome home;
  const auto file = home / "sizes.db";
  {
    auto a = make_app(store::Store::open(file), "Ada");
    test::HeadlessUi ui(a);
    open_settings(a, ui);
    CHECK(a.view().text_size == 100);
    CHECK(ui.fonts().scale == doctest::Approx(1.0f));
    CHECK(drawn_text(ui, "##text-size") == "100%");
    const auto slider = ui.item("##text-size", "content");
    drag(ui, left_of(slider, 0.2f), left_of(slider, 1.1f), [&] {
      // While held, the slider shows where it is and nothing is saved or rebuilt yet.
      CHECK(drawn_text(ui, "##text-size") == "160%");
      CHECK(a.view().text_size == 100);
      CHECK(ui.fonts().scale == doctest::Approx(1.0f));
    });
    CHECK(a.view().text_size == 160);
    CHECK(ui.fonts().scale == doctest::Approx(1.6f));
    CHECK(ui.fonts().body->FontSize == doctest::Approx(18.0f * 1.6f));
    CHECK(ui.fonts().heading->FontSize == doctest::Approx(30.0f * 1.6f));
    CHECK(ImGui::GetStyle().FramePadding.x == std::floor(12.0f * 1.6f));  // spacing follows (ImGui rounds down)
    CHECK(drawn_text(ui, "##text-size") == "160%");

    // Another learner has their own size.
    a.apply(app::action::CreateProfile{"Bea"});
    ui.frames(2);
    CHECK(a.view().text_size == 100);
    CHECK(ui.fonts().scale == doctest::Approx(1.0f));
    a.apply(app::action::SetTextSize{113});  // the nearest step is taken
    CHECK(a.view().text_size == 110);
    a.apply(app::action::SetTextSize{500});
    CHECK(a.view().text_size == 160);
    a.apply(app::action::SetTextSize{90});
  }
  auto ada = make_app(store::Store::open(file), "Ada");
  CHECK(ada.view().text_size == 160);
  test::HeadlessUi ui(ada);
  CHECK(ui.fonts().scale == doctest::Approx(1.6f));
  ada.apply(app::action::SwitchProfile{ada.view().profiles.back().id});
  CHECK(ada.view().profile_name == "Bea");
  CHECK(ada.view().text_size == 90);
}

TEST_CASE("the target recall slider keeps the dragged value and saves it when let go") {
  OnSettings s("##retention");
  auto& a = s.a;
  auto& ui = s.ui;
  REQUIRE(a.view().study.settings.desired_retention == doctest::Approx(0.90));
  const auto slider = ui.item("##retention", "content");
  std::string shown;
  drag(ui, left_of(slider, 0.6f), left_of(slider, 0.2f), [&] {
    shown = drawn_text(ui, "##retention");
    CHECK(a.view().study.settings.desired_retention == doctest::Approx(0.90));  // not saved while held
  });
  REQUIRE(shown.size() > 1);
  const double dragged = std::stod(shown.substr(0, shown.size() - 1));  // "76%"
  CHECK(dragged < 85);
  CHECK(std::round(a.view().study.settings.desired_retention * 100) == doctest::Approx(dragged));
  CHECK(drawn_text(ui, "##retention") == shown);  // it stays where it was let go
  CHECK(a.view().error_banner.empty());
}

TEST_CASE("the daily review limit saves a typed number when Enter is pressed and its buttons step by five") {
  OnSettings s("##limit");
  auto& a = s.a;
  auto& ui = s.ui;
  REQUIRE(a.view().study.settings.daily_limit == 50);
  ui.click("##limit", "content");
  REQUIRE(ImGui::GetIO().WantTextInput);
  retype(ui, 3, "120");
  CHECK(a.view().study.settings.daily_limit == 50);  // nothing saved at each key
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(a.view().study.settings.daily_limit == 120);
  ui.click("+##limit", "content");
  CHECK(a.view().study.settings.daily_limit == 125);
  ui.click("-##limit", "content");
  ui.click("-##limit", "content");
  CHECK(a.view().study.settings.daily_limit == 115);
}

TEST_CASE("renaming to a name in use or to nothing is explained beside the field and changes nothing") {
  OnSettings s;
  auto& a = s.a;
  auto& ui = s.ui;
  a.apply(app::action::CreateProfile{"Bea"});
  const int bea = static_cast<int>(a.profile_id());
  ui.frames(2);
  ui.click("Rename", "content", {bea});
  ui.frames(2);
  const ImGuiID field = ui.item("##rename", "content", {bea}).id;
  CHECK(ui.active_id() == field);  // the field has the keys as soon as it opens
  CHECK(ImGui::GetIO().WantTextInput);

  retype(ui, 3, "Ada");
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(1);
  const std::string taken = "a profile called \"Ada\" exists already";
  CHECK(drawn_in_content(ui, taken));
  CHECK(a.view().error_banner.empty());
  CHECK(a.view().profile_name == "Bea");
  CHECK(ui.has_item("##rename", "content", {bea}));  // the field stays open with the name in it
  // The reason sits right under the field, inside its table cell.
  const auto& items = ui.items();
  const auto reason = std::find_if(items.begin(), items.end(), [&](const test::DrawnItem& i) { return i.text == taken; });
  REQUIRE(reason != items.end());
  const auto field_item = ui.item("##rename", "content", {bea});
  CHECK(reason->min.y >= field_item.max.y);
  CHECK(reason->min.y - field_item.max.y < ImGui::GetFrameHeight());
  CHECK(reason->min.x == doctest::Approx(field_item.min.x));

  ui.click("##rename", "content", {bea});
  retype(ui, 3, "");
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(1);
  CHECK(drawn_in_content(ui, "a profile needs a name"));
  CHECK(a.view().profile_name == "Bea");
  CHECK(a.view().error_banner.empty());

  // A good name closes the field.
  ui.click("##rename", "content", {bea});
  retype(ui, 0, "Beatrice");
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(1);
  CHECK(a.view().profile_name == "Beatrice");
  CHECK_FALSE(ui.has_item("##rename", "content", {bea}));
  CHECK_FALSE(a.view().name_problem.has_value());
}

TEST_CASE("the app tells why a name cannot be used instead of throwing it to the banner") {
  test::TempHome home;
  auto a = make_app(store::Store::open_in_memory(), "Ada");
  const auto ada = a.profile_id();
  a.apply(app::action::CreateProfile{"Bea"});
  a.apply_pending();
  CHECK_NOTHROW(a.apply(app::action::RenameProfile{ada, "Bea"}));
  REQUIRE(a.view().name_problem.has_value());
  CHECK(a.view().name_problem->profile == ada);
  CHECK(a.view().name_problem->name == "Bea");
  CHECK(a.view().name_problem->message == "a profile called \"Bea\" exists already");
  CHECK(a.view().profiles.size() == 2);
  CHECK_NOTHROW(a.apply(app::action::CreateProfile{""}));
  CHECK_FALSE(a.view().name_problem->profile.has_value());
  CHECK(a.view().name_problem->message == "a profile needs a name");
  CHECK(a.view().profiles.size() == 2);
  a.apply(app::action::Navigate{app::Screen::home});  // a refusal is told beside its field, not kept
  CHECK_FALSE(a.view().name_problem.has_value());
  CHECK(a.view().error_banner.empty());
}

TEST_CASE("Esc in the rename field gives the rename up and the new profile field shows the app's refusal") {
  OnSettings s;
  auto& a = s.a;
  auto& ui = s.ui;
  const int ada = static_cast<int>(a.profile_id());
  ui.click("Rename", "content", {ada});
  ui.frames(2);
  REQUIRE(ui.has_item("##rename", "content", {ada}));
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Escape));
  ui.frames(1);
  CHECK_FALSE(ui.has_item("##rename", "content", {ada}));
  CHECK(a.view().profile_name == "Ada");

  ui.click("##new-profile", "content");
  retype(ui, 0, "Ada");
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(1);
  CHECK(drawn_in_content(ui, "a profile called \"Ada\" exists already"));
  CHECK(a.view().profiles.size() == 1);
  CHECK(a.view().error_banner.empty());
}
