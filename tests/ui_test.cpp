// Every screen drawn in a headless ImGui context, driven by simulated mouse and keys.
#include <doctest/doctest.h>
#include <imgui.h>

#include <set>
#include <stdexcept>

#include "bank/loader.hpp"
#include "app/demo.hpp"
#include "support/headless.hpp"
#include "ui/screens.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

app::App make_app(const std::string& profile = "Learner") {
  app::AppOptions options;
  options.profile_name = profile;
  options.settings_file = "/tmp/imgui.ini";
  return app::App(store::Store::open_in_memory(), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

int vertices_drawn() { return ImGui::GetDrawData()->TotalVtxCount; }

// A fingerprint of what the last frame drew: where every vertex went.
double draw_signature() {
  double signature = 0;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) signature = signature * 1.000001 + v.pos.x * 3.1 + v.pos.y;
  return signature;
}
}  // namespace

TEST_CASE("every screen renders for several frames at 1280x800 and at a small size") {
  for (ImVec2 size : {ImVec2(1280, 800), ImVec2(640, 480)}) {
    auto application = make_app();
    test::HeadlessUi ui(application, size);
    std::set<double> signatures;
    for (auto screen : app::all_screens) {
      CAPTURE(app::screen_name(screen));
      application.apply(app::action::Navigate{screen});
      ui.frames(4);
      CHECK(application.view().screen == screen);
      CHECK(vertices_drawn() > 500);
      signatures.insert(draw_signature());
    }
    CHECK(signatures.size() == app::all_screens.size());  // each screen draws something of its own
  }
}

TEST_CASE("Ctrl+1 to Ctrl+6 open the six screens") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);
  for (std::size_t i = 0; i < app::all_screens.size(); ++i) {
    ui.ctrl_digit(static_cast<char>('1' + i));
    CHECK(application.view().screen == app::all_screens[i]);
  }
  ui.ctrl_digit('1');
  CHECK(application.view().screen == app::Screen::home);
}

TEST_CASE("clicking down the sidebar reaches every screen") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);
  std::set<app::Screen> reached;
  for (float y = 100; y < 500; y += 12) {
    ui.click(ImVec2(100, y));
    reached.insert(application.view().screen);
  }
  CHECK(reached.size() == app::all_screens.size());
}

TEST_CASE("the home screen's main button opens the role-fit screen") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);
  bool opened = false;
  for (float y = 200; y < 600 && !opened; y += 8) {
    application.apply(app::action::Navigate{app::Screen::home});
    ui.frames(2);
    ui.click(ImVec2(330, y));
    opened = application.view().screen == app::Screen::fit;
  }
  CHECK(opened);
}

TEST_CASE("the settings screen switches the theme with a click") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  bool dark = false;
  for (float y = 120; y < 260 && !dark; y += 6)
    for (float x = 450; x < 800 && !dark; x += 16) {
      ui.click(ImVec2(x, y));
      dark = application.view().theme == app::Theme::dark;
    }
  CHECK(dark);
  CHECK(application.view().screen == app::Screen::settings);
}

TEST_CASE("a screen that throws is caught: the frame closes cleanly and the banner says why") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(1);
  ImGui::NewFrame();
  ui::guarded(application.actions(), [] {
    ImGui::Begin("half-drawn");
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0, 0, 1));
    ImGui::PushID("row");
    throw std::runtime_error("the view state was inconsistent");
  });
  ImGui::Render();
  application.apply_pending();
  CHECK(application.view().error_banner.find("the view state was inconsistent") != std::string::npos);
  ui.frames(3);  // later frames draw normally, banner included
  CHECK(vertices_drawn() > 500);
}

TEST_CASE("text from people is drawn verbatim never as a format string") {
  auto application = make_app("%s%s%n %d {} \u202eRTL \"quoted\" \xF0\x9F\x98\x80 " + std::string(20, 'W'));
  test::HeadlessUi ui(application);
  application.apply(app::action::ShowError{"%s%n%x {0} {:>99999}"});
  for (auto screen : app::all_screens) {
    application.apply(app::action::Navigate{screen});
    ui.frames(2);
  }
  CHECK(application.view().error_banner == "%s%n%x {0} {:>99999}");
}

namespace {
int likert_toward(const core::Bank& bank, const std::string& text, const std::string& role_id) {
  for (const auto& s : bank.statements)
    if (s.text == text) {
      const auto it = s.weights.find(role_id);
      const double w = it == s.weights.end() ? 0 : it->second;
      return w > 0 ? 5 : (w < 0 ? 1 : 3);
    }
  return 3;
}
}  // namespace

TEST_CASE("the questionnaire runs end to end in the GUI: start by click then answer by keys to a result") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::fit});
  ui.frames(2);
  // Find and click the start button.
  for (float y = 150; y < 400 && application.view().fit.stage == app::FitFlow::Stage::idle; y += 8) ui.click(ImVec2(340, y));
  REQUIRE(application.view().fit.stage == app::FitFlow::Stage::asking);
  CHECK(vertices_drawn() > 500);

  // Keys 1-5 answer; Backspace goes back; S skips.
  ui.key(static_cast<int>('0' + likert_toward(application.bank(), application.view().fit.statement, "ai_architect")));
  CHECK(application.view().fit.answered == 1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  CHECK(application.view().fit.earlier_answer.has_value());
  ui.key('S');  // keeps the earlier answer
  CHECK(application.view().fit.answered == 1);
  for (int i = 0; i < 60 && application.view().fit.stage == app::FitFlow::Stage::asking; ++i)
    ui.key(static_cast<int>('0' + likert_toward(application.bank(), application.view().fit.statement, "ai_architect")));
  REQUIRE(application.view().fit.stage == app::FitFlow::Stage::done);
  ui.frames(3);  // the result screen with bars, reasons and history
  CHECK(application.view().fit.sentence.find("AI Architect fits you better") == 0);
  CHECK(vertices_drawn() > 2000);
}

TEST_CASE("Esc on a question saves and leaves and the intro then offers to continue") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::fit});
  application.apply(app::action::FitStart{});
  ui.frames(2);
  ui.key('4');
  ui.key('2');
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK(application.view().fit.stage == app::FitFlow::Stage::idle);
  CHECK(application.view().fit.unfinished_answers == 2);
  ui.frames(2);
}

TEST_CASE("a topic quiz runs in the GUI by keys: pick then Enter then Enter to a summary and undo by Ctrl+Z") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::quiz});
  application.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"tools"}, 5}});
  ui.frames(2);
  // The start button sits between the setup and the mastery table: find it by clicking up the page
  // from the bottom, so no setup checkbox is touched first.
  for (float y = 790; y > 150 && !application.view().session.running(); y -= 6) ui.click(ImVec2(340, y));
  REQUIRE(application.view().session.running());
  CHECK(application.view().session.total == 5);
  CHECK(application.view().session.topic == "Tools and software");

  ui.key('1');
  CHECK(application.view().session.selection.count(0) == 1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  REQUIRE(application.view().session.stage == app::QuizFlow::Stage::feedback);
  CHECK_FALSE(application.view().session.explanation.empty());
  ui.frames(2);

  // Ctrl+Z takes it back.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Z));
  io.KeyCtrl = false;
  CHECK(application.view().session.stage == app::QuizFlow::Stage::question);
  CHECK(application.view().answers_total == 0);

  for (int i = 0; i < 5; ++i) {
    ui.key('2');
    ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  }
  CHECK(application.view().session.stage == app::QuizFlow::Stage::summary);
  CHECK(application.view().session.answered == 5);
  CHECK(application.view().answers_total == 5);
  ui.frames(3);
  CHECK(vertices_drawn() > 1000);
}

TEST_CASE("the review screen shows due counts and starts a review with its study card") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"outlook"}, 5}});
  application.apply(app::action::QuizStart{});
  for (int i = 0; i < 5; ++i) {
    application.apply(app::action::QuizPick{0});
    application.apply(app::action::QuizConfirm{});
    application.apply(app::action::QuizNext{});
  }
  application.clock().set(t0 + 2 * 86'400'000LL);
  application.apply(app::action::Navigate{app::Screen::review});
  application.apply(app::action::QuizQuit{});
  ui.frames(3);
  CHECK(application.view().study.review_available > 0);
  CHECK_FALSE(application.view().study.weak.empty());
  application.apply(app::action::ReviewStart{});
  ui.frames(2);
  CHECK(application.view().session.stage == app::QuizFlow::Stage::card);
  CHECK_FALSE(application.view().session.card_text.empty());
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(application.view().session.stage == app::QuizFlow::Stage::question);
  ui.frames(2);
}

TEST_CASE("the progress screen draws demo data at every range and the goal can be set by mouse") {
  auto application = make_app();
  app::simulate_study(application, 12, 3);
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::progress});
  for (int weeks : {12, 26, 52}) {
    application.apply(app::action::SetProgressWeeks{weeks});
    ui.frames(3);
    CHECK(vertices_drawn() > 5000);
  }
  CHECK_FALSE(application.view().progress.has_goal);
  for (float x = 700; x < 1000 && !application.view().progress.has_goal; x += 10) ui.click(ImVec2(x, 203));
  CHECK(application.view().progress.has_goal);
  CHECK(application.view().progress.goal_target == 50);
}

TEST_CASE("a profile is added by typing its name in Settings") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(2);
  // Click into the name field (found by scanning), type, press Enter.
  ImGuiIO& io = ImGui::GetIO();
  bool typed = false;
  for (float y = 200; y < 500 && !typed; y += 6) {
    ui.click(ImVec2(320, y));
    if (io.WantTextInput) {
      io.AddInputCharactersUTF8("Zoë");
      ui.frames(1);
      ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
      typed = true;
    }
  }
  REQUIRE(typed);
  CHECK(application.view().profile_name == "Zoë");
  CHECK(application.view().profiles.size() == 2);
}
