// Every screen drawn in a headless ImGui context, driven by simulated mouse and keys.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <stdexcept>

#include "bank/loader.hpp"
#include "app/demo.hpp"
#include "support/headless.hpp"
#include "ui/bidi.hpp"
#include "ui/screens.hpp"
#include "app/study.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

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
      // The screen drew its own heading first, and the sidebar all six entries.
      const auto content = ui.texts_in("content");
      REQUIRE_FALSE(content.empty());
      CHECK(content.front() == (screen == app::Screen::home ? "Welcome, Learner" : std::string(app::screen_title(screen))));
      for (auto entry : app::all_screens) CHECK(ui.has_item(app::screen_title(entry), "sidebar"));
      signatures.insert(draw_signature());
    }
    CHECK(signatures.size() == app::all_screens.size());  // each screen draws something of its own
  }
}

TEST_CASE("Ctrl+1 to Ctrl+7 open the seven screens") {
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

TEST_CASE("each sidebar entry clicked opens its own screen") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);
  // Last to first, so no entry is reached by the screen before it being left open.
  for (auto it = app::all_screens.rbegin(); it != app::all_screens.rend(); ++it) {
    const std::string title(app::screen_title(*it));
    CAPTURE(title);
    ui.click(title, "sidebar");
    CHECK(application.view().screen == *it);
  }
}

TEST_CASE("the home screen's buttons open the role-fit quiz and review screens") {
  const std::pair<const char*, app::Screen> buttons[] = {{"Which role suits you?", app::Screen::fit},
                                                         {"Quiz yourself on a topic", app::Screen::quiz},
                                                         {"Review weak topics", app::Screen::review}};
  for (const auto& [label, screen] : buttons) {
    CAPTURE(label);
    auto application = make_app();
    test::HeadlessUi ui(application);
    ui.frames(2);
    ui.click(label, "content");
    CHECK(application.view().screen == screen);
  }
}

TEST_CASE("the settings screen switches the theme with a click on Dark and back on Light") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  ui.click("Dark", "content");
  CHECK(application.view().theme == app::Theme::dark);
  CHECK(application.view().screen == app::Screen::settings);
  ui.click("Light", "content");
  CHECK(application.view().theme == app::Theme::light);
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
  const std::string message = "This screen could not be drawn: the view state was inconsistent";
  CHECK(application.view().error_banner == message);
  // Later frames draw normally: the sidebar and the home screen, and the banner says why.
  ui.frames(2);
  CHECK(ui.has_item(app::screen_title(app::Screen::settings), "sidebar"));
  CHECK(ui.has_item("Which role suits you?", "content"));
  CHECK(ui.texts_in("banner") == std::vector<std::string>{"Something went wrong", message, "Dismiss"});
  CHECK(vertices_drawn() > 500);
  // Its Dismiss button clears it.
  ui.click("Dismiss", "banner");
  CHECK(application.view().error_banner.empty());
  CHECK_FALSE(ui.has_item("Dismiss", "banner"));
}

TEST_CASE("text from people is drawn verbatim never as a format string") {
  const std::string name = "%s%s%n %d {} \u202eRTL \"quoted\" \xF0\x9F\x98\x80 " + std::string(20, 'W');
  const std::string banner = "%s%n%x {0} {:>99999}";
  auto application = make_app(name);
  REQUIRE(application.view().profile_name == name);
  test::HeadlessUi ui(application);
  application.apply(app::action::ShowError{banner});
  for (auto screen : app::all_screens) {
    CAPTURE(app::screen_name(screen));
    application.apply(app::action::Navigate{screen});
    ui.frames(2);
    // What ImGui's text renderers were handed in the last frame, item by item.
    CHECK(ui.texts_in("banner") == std::vector<std::string>{"Something went wrong", banner, "Dismiss"});
    // The name holds U+202E (right-to-left override), so it is drawn in the visual order the
    // Unicode Bidirectional Algorithm gives it (ui/bidi.hpp), still as data.
    const auto in_sidebar = ui.texts_in("sidebar");
    CHECK(std::count(in_sidebar.begin(), in_sidebar.end(), ui::bidi::visual(name)) == 1);
    // And laid out as those bytes: one line exactly as wide as the text, where "{:>99999}"
    // formatted would fill many lines.
    int banner_lines = 0;
    for (const auto& item : ui.items())
      if (item.window_name() == "banner" && item.text == banner) {
        ++banner_lines;
        CHECK(item.max.x - item.min.x == doctest::Approx(ImGui::CalcTextSize(banner.c_str()).x));
        CHECK(item.max.y - item.min.y == doctest::Approx(ImGui::GetTextLineHeight()));
      }
    CHECK(banner_lines == 1);
    if (screen == app::Screen::home) {
      const auto home = ui.texts_in("content");
      CHECK(std::count(home.begin(), home.end(), ui::bidi::visual("Welcome, " + name)) == 1);
    }
  }
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
  ui.click("Start the questionnaire", "content");
  REQUIRE(application.view().fit.stage == app::FitStage::asking);
  CHECK(vertices_drawn() > 500);

  // Keys 1-5 answer; Backspace goes back; S skips.
  ui.key(static_cast<int>('0' + likert_toward(application.bank(), application.view().fit.statement, "ai_architect")));
  CHECK(application.view().fit.answered == 1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Backspace));
  CHECK(application.view().fit.earlier_answer.has_value());
  ui.key('S');  // keeps the earlier answer
  CHECK(application.view().fit.answered == 1);
  for (int i = 0; i < 60 && application.view().fit.stage == app::FitStage::asking; ++i)
    ui.key(static_cast<int>('0' + likert_toward(application.bank(), application.view().fit.statement, "ai_architect")));
  REQUIRE(application.view().fit.stage == app::FitStage::done);
  ui.frames(3);  // the result screen with bars, reasons and history
  CHECK(application.view().fit.sentence.find("AI Architect fits you better") == 0);
  CHECK(vertices_drawn() > 2000);

  // The result leads into the suggested role's path of lessons (and only that role's).
  const auto& steps = application.view().result.next_steps;
  REQUIRE(steps.size() == 1);
  const auto architect = steps[0].role;
  CHECK(application.bank().roles[architect].id == "ai_architect");
  application.apply(app::action::LearnChooseRole{1 - architect});  // Learn shows the other path until the click
  ui.scroll_into_view("See the whole path", "content", {"next-steps", static_cast<int>(architect)});
  ui.click("See the whole path", "content", {"next-steps", static_cast<int>(architect)});
  CHECK(application.view().screen == app::Screen::learn);
  CHECK(application.view().learn.role == architect);
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
  CHECK(application.view().fit.stage == app::FitStage::idle);
  CHECK(application.view().fit.unfinished_answers == 2);
  ui.frames(2);
  CHECK_FALSE(ui.has_item("Start the questionnaire", "content"));
  ui.click("Continue where you left off", "content");
  CHECK(application.view().fit.stage == app::FitStage::asking);
  CHECK(application.view().fit.answered == 2);
}

TEST_CASE("a topic quiz runs in the GUI by keys: pick then Enter then Enter to a summary and undo by Ctrl+Z") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::quiz});
  application.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"tools"}, 5}});
  ui.frames(2);
  ui.scroll_into_view("Start a 5-question quiz", "content");
  ui.click("Start a 5-question quiz", "content");
  REQUIRE(application.view().session.running());
  CHECK(application.view().quiz_setup.topics == std::vector<std::string>{"tools"});
  CHECK(application.view().session.total == 5);
  CHECK(application.view().session.topic == "Tools and software");

  ui.key('1');
  CHECK(application.view().session.selection.count(0) == 1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  REQUIRE(application.view().session.stage == app::SessionStage::feedback);
  CHECK_FALSE(application.view().session.explanation.empty());
  ui.frames(2);

  // Ctrl+Z takes it back.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Z));
  io.KeyCtrl = false;
  CHECK(application.view().session.stage == app::SessionStage::question);
  CHECK(application.view().answers_total == 0);

  for (int i = 0; i < 5; ++i) {
    ui.key('2');
    ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  }
  CHECK(application.view().session.stage == app::SessionStage::summary);
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
  const auto& study = application.view().study;
  REQUIRE(study.review_available > 0);
  CHECK_FALSE(study.weak.empty());
  // The screen says what is due, and its button starts the review.
  const auto texts = ui.texts_in("content");
  const std::string due = std::to_string(study.due_by_day[0]) + " due today · 0 reviewed today, daily limit " +
                          std::to_string(study.settings.daily_limit);
  CHECK(std::count(texts.begin(), texts.end(), due) == 1);
  // Two days on, the missed answers are due; extra practice on the weak topic follows, less of it
  // the more is due (core::extra_practice_for).
  REQUIRE(study.review_due > 0);
  CHECK(study.review_due == study.due_by_day[0]);
  CHECK(study.review_extra == static_cast<int>(core::extra_practice_for(static_cast<std::size_t>(study.review_due))));
  ui.click(fmt::format("Start review: {} due + {} extra practice", study.review_due, study.review_extra), "content");
  CHECK(application.view().session.stage == app::SessionStage::card);
  CHECK_FALSE(application.view().session.card_text.empty());
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(application.view().session.stage == app::SessionStage::question);
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
  // The goal's unit, in the screen's own scope: the weekly chart of minutes is labelled "minutes" too.
  const std::vector<test::IdScope> screen_scope{static_cast<int>(app::Screen::progress)};
  ui.click("minutes", "content", screen_scope);
  CHECK_FALSE(application.view().progress.has_goal);  // chosen, not saved yet
  ui.click("Save goal", "content");
  CHECK(application.view().progress.has_goal);
  CHECK(application.view().progress.goal.target == 50);
  CHECK(application.view().progress.goal.unit == core::WeeklyGoal::Unit::minutes);
  CHECK(ui.has_item("Change goal", "content"));
}

TEST_CASE("a profile is added by typing its name in Settings") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(2);
  // Click into the name field, type, press Enter.
  const ImGuiID field = ui.item("##new-profile", "content").id;
  ui.click("##new-profile", "content");
  REQUIRE(ImGui::GetIO().WantTextInput);
  REQUIRE(ui.active_id() == field);  // the keys go to this field and no other
  ImGui::GetIO().AddInputCharactersUTF8("Zoë");
  ui.frames(1);
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  CHECK(application.view().profile_name == "Zoë");
  CHECK(application.view().profiles.size() == 2);
}

TEST_CASE("the learn screen lists the path opens a lesson and records it read only when its end is reached in time") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.ctrl_digit('3');
  REQUIRE(application.view().screen == app::Screen::learn);
  const auto& learn = application.view().learn;
  // The first role's path: the topics it has lessons on, in bank order.
  std::size_t on_path = 0;
  for (const auto& topic : application.bank().topics)
    on_path += application.bank().find_lesson(application.bank().roles[0].id, topic.id) ? 1 : 0;
  REQUIRE(learn.path.size() == on_path);
  CHECK(learn.read_count == 0);
  ui.click("Start reading", "content");
  REQUIRE(learn.open);
  CHECK(*learn.open == 0);
  const auto& first = application.bank().lessons.front();
  CHECK(learn.lesson_id == first.id);
  // The lesson is drawn as text: its title and a section heading are on screen, markup is not.
  const auto texts = ui.texts_in("lesson");
  CHECK(std::find(texts.begin(), texts.end(), first.title) != texts.end());
  CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& t) { return t.find("**") != std::string::npos; }));

  // Scrolling straight to the end is not reading it.
  ui.scroll_to_end("lesson");
  CHECK_FALSE(learn.marked_read);
  CHECK_FALSE(learn.path[0].read);
  // After a reading's time at the end, it is recorded, once.
  ui.pass_time(static_cast<float>(learn.path[0].words) / 10.0f + 1.0f);
  ui.scroll_to_end("lesson");
  CHECK(learn.marked_read);
  CHECK(learn.path[0].read);
  CHECK(learn.read_count == 1);
  CHECK(learn.next_unread == std::optional<std::size_t>(1));
  ui.click("Next: " + learn.path[1].topic, "lesson");
  CHECK(*learn.open == 1);
  CHECK_FALSE(learn.marked_read);
}

TEST_CASE("quiz me on this starts a quiz on the lesson's role and topic") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::LearnOpen{application.bank().lessons.at(2).id, ""});
  ui.frames(2);
  ui.scroll_to_end("lesson");
  ui.click("Quiz me on this", "lesson");
  CHECK(application.view().screen == app::Screen::quiz);
  CHECK(application.view().session.running());
  CHECK(application.view().quiz_setup.topics == std::vector<std::string>{application.bank().lessons.at(2).topic});
  CHECK(application.view().session.topic == application.bank().find_topic(application.bank().lessons.at(2).topic)->name);
}

TEST_CASE("a first quiz on an unread topic offers its lesson and the feedback links to the lesson section") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  app::QuizSetup setup;
  setup.roles = {"ml_engineer"};
  setup.topics = {"tools"};
  setup.count = 5;
  application.apply(app::action::SetQuizSetup{setup});
  application.apply(app::action::Navigate{app::Screen::quiz});
  ui.frames(2);
  REQUIRE(application.view().quiz_unread_lessons.size() == 1);
  ui.scroll_into_view("Read the lesson first", "content");
  ui.click("Read the lesson first", "content");
  CHECK(application.view().screen == app::Screen::learn);
  CHECK(application.view().learn.topic_id == "tools");

  // Quizzing anyway: the feedback after an answer links to the section the question rests on.
  application.apply(app::action::Navigate{app::Screen::quiz});
  application.apply(app::action::QuizStart{});
  application.apply(app::action::QuizPick{0});
  application.apply(app::action::QuizConfirm{});
  ui.frames(2);
  const auto& session = application.view().session;
  REQUIRE(session.stage == app::SessionStage::feedback);
  REQUIRE_FALSE(session.lesson_id.empty());
  const std::string link = "Read more in the lesson: " + session.section_title;
  const std::string section = session.section;
  ui.click(link, "content");
  CHECK(application.view().screen == app::Screen::learn);
  CHECK(application.view().learn.scroll_to == section);
  // Once a topic has answers, its lesson is no longer offered before a quiz.
  application.apply(app::action::SetQuizSetup{setup});
  CHECK(application.view().quiz_unread_lessons.empty());
}

TEST_CASE("home offers a quiz left unfinished and its button carries it on from where it stopped") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {}, 5}});
  application.apply(app::action::QuizStart{});
  application.apply(app::action::QuizPick{0});
  application.apply(app::action::QuizConfirm{});
  application.apply(app::action::QuizNext{});
  application.reload();  // as after a restart: the flows are new, the store keeps the session
  application.apply(app::action::Navigate{app::Screen::home});
  ui.frames(3);
  REQUIRE(application.view().unfinished_session);
  const auto texts = ui.texts_in("content");
  CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.find("1 of 5 questions answered") != std::string::npos;
  }));
  ui.click("Carry on with the quiz", "content");
  CHECK(application.view().screen == app::Screen::quiz);
  CHECK(application.view().session.running());
  CHECK(application.view().session.number == 2);
  ui.frames(2);
  CHECK(ui.has_item("Check answer", "content"));
}

TEST_CASE("a leech is set aside from the Review screen and brought back from Settings") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  // The first question, missed four times: a leech.
  core::CardState card;
  card.memory = {0.5, 8};
  card.last_review = t0 - 86'400'000;
  card.due = t0 + 86'400'000;
  card.reps = card.lapses = 4;
  store::Schedules(application.store()).put(application.profile_id(), application.study().item_id(0), card);
  application.reload();
  application.apply(app::action::Navigate{app::Screen::review});
  ui.frames(3);
  REQUIRE(application.view().study.leeches.size() == 1);
  ui.scroll_into_view("Set aside", "content");
  ui.click("Set aside", "content");
  CHECK(application.view().study.leeches.empty());
  REQUIRE(application.view().study.suspended.size() == 1);
  CHECK(application.view().study.suspended[0].question == 0);

  application.apply(app::action::Navigate{app::Screen::settings});
  ui.frames(3);
  ui.scroll_into_view("Bring it back", "content");
  const auto texts = ui.texts_in("content");
  CHECK(std::count(texts.begin(), texts.end(), application.bank().questions[0].prompt) == 1);
  ui.click("Bring it back", "content");
  CHECK(application.view().study.suspended.empty());
  CHECK(application.view().study.leeches.size() == 1);
}

TEST_CASE("the feedback says when the question comes back and the review summary what is due next") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::review});
  application.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"outlook"}, 2}});
  application.apply(app::action::QuizStart{});
  application.apply(app::action::Navigate{app::Screen::quiz});
  ui.frames(2);
  ui.key('1');
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(2);
  const auto& next_due = application.view().session.next_due;
  CHECK((next_due == "Back tomorrow" || next_due.rfind("Back in ", 0) == 0));
  const auto texts = ui.texts_in("content");
  CHECK(std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.rfind(next_due + ":", 0) == 0; }));
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.key('1');
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Enter));
  ui.frames(2);
  REQUIRE(application.view().session.stage == app::SessionStage::summary);
  const auto summary = ui.texts_in("content");
  CHECK(std::count(summary.begin(), summary.end(), application.view().session.after) == 1);
  CHECK(application.view().session.after.rfind("Done for today: ", 0) == 0);
}

namespace {
void answer_questionnaire_toward(app::App& application, const std::string& role_id) {
  application.apply(app::action::FitStart{});
  for (int i = 0; i < 60 && application.view().fit.stage == app::FitStage::asking; ++i)
    application.apply(
        app::action::FitAnswer{likert_toward(application.bank(), application.view().fit.statement, role_id)});
  REQUIRE(application.view().fit.stage == app::FitStage::done);
}

std::ptrdiff_t position_of(const std::vector<std::string>& texts, const std::string& prefix) {
  const auto it = std::find_if(texts.begin(), texts.end(), [&](const std::string& t) { return t.rfind(prefix, 0) == 0; });
  CHECK_MESSAGE(it != texts.end(), "not drawn: " << prefix);
  return it - texts.begin();
}
}  // namespace

TEST_CASE("the result screen shows the suggestion first then bars reasons tip date and next steps whose button opens the lesson") {
  auto application = make_app();
  test::HeadlessUi ui(application, ImVec2(1280, 2400));  // tall enough to draw the whole page
  answer_questionnaire_toward(application, "ai_architect");
  application.apply(app::action::Navigate{app::Screen::result});
  ui.frames(3);
  const auto& result = application.view().result;
  REQUIRE(result.has_result);
  const auto texts = ui.texts_in("content");
  REQUIRE(texts.size() > 10);
  CHECK(texts[0] == "Your role-fit result");
  const auto sentence = position_of(texts, result.latest.sentence);
  CHECK(result.latest.sentence.find("AI Architect fits you better") == 0);
  const auto date = position_of(texts, "Given on " + result.latest.date);
  const auto& bar = result.latest.bars[0];
  const auto bars = position_of(texts, fmt::format("{:.0f}  ({:.0f} to {:.0f})", bar.score, bar.low, bar.high));
  const auto why = position_of(texts, "Why");
  const auto reason = position_of(texts, result.latest.toward_leader.front().statement + " — you said: ");
  const auto tip = position_of(texts, "What would tip it");
  const auto tip_text = position_of(texts, result.latest.tip.front());
  const auto steps = position_of(texts, "Next steps toward AI Architect");
  CHECK(sentence == 2);  // right under the heading and its subtitle: the suggestion first
  CHECK(sentence < date);
  CHECK(date < bars);
  CHECK(bars < why);
  CHECK(why < reason);
  CHECK(reason < tip);
  CHECK(tip < tip_text);
  CHECK(tip_text < steps);
  // The decision panel, in its own card below the next steps.
  const auto panel = ui.texts_in("##decision");
  REQUIRE_FALSE(panel.empty());
  CHECK(panel[0] == "Your decision so far");
  CHECK(panel[1].find("You lean to AI Architect") == 0);
  // Both bars, with their intervals.
  CHECK(ui.has_item("bar", "content", {"detail", 0}));
  CHECK(ui.has_item("bar", "content", {"detail", 1}));
  // The sidebar keeps the questionnaire's entry lit.
  CHECK(application.view().screen == app::Screen::result);

  // One button starts the suggested role's path at its first unread lesson.
  REQUIRE(result.next_steps.size() == 1);
  const auto role = static_cast<int>(result.next_steps[0].role);
  const std::string first_lesson = result.next_steps[0].start_lesson_id;
  ui.click("Start the first lesson", "content", {"next-steps", role});
  CHECK(application.view().screen == app::Screen::learn);
  CHECK(application.view().learn.lesson_id == first_lesson);
}

TEST_CASE("a point of the history chart opens that earlier result and a button goes back to the latest") {
  auto application = make_app();
  test::HeadlessUi ui(application, ImVec2(1280, 2400));
  answer_questionnaire_toward(application, "ai_architect");
  const std::string first = application.view().result.latest.sentence;
  answer_questionnaire_toward(application, "ml_engineer");
  REQUIRE(application.view().fit.history.size() == 2);
  application.apply(app::action::Navigate{app::Screen::result});
  ui.frames(3);
  CHECK(application.view().result.showing_latest);
  CHECK(application.view().result.shown.outcome == "Machine Learning Software Engineer");

  // The oldest point sits at the chart's left, 48 px (scaled) in from its edge.
  const auto& chart = ui.item("history", "content");
  const float s = ui.fonts().scale;
  ui.click(ImVec2(chart.min.x + 48 * s, (chart.min.y + chart.max.y) / 2));
  const auto& result = application.view().result;
  CHECK_FALSE(result.showing_latest);
  CHECK(result.shown.index == 0);
  CHECK(result.shown.sentence == first);
  ui.frames(2);
  const auto texts = ui.texts_in("content");
  CHECK(position_of(texts, "An earlier result, from " + result.shown.date) < position_of(texts, first));
  CHECK(ui.texts_in("##decision").empty());  // the decision panel is about the latest

  ui.click("Back to your latest result", "content");
  CHECK(application.view().result.showing_latest);
  CHECK(application.view().result.shown.outcome == "Machine Learning Software Engineer");
}

TEST_CASE("home's decision panel offers the questionnaire first and then the full result") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);
  CHECK(position_of(ui.texts_in("##decision"), "Not known yet: take the questionnaire") > 0);
  ui.scroll_into_view("Take the questionnaire", "##decision");
  ui.click("Take the questionnaire", "##decision");
  CHECK(application.view().screen == app::Screen::fit);

  answer_questionnaire_toward(application, "ml_engineer");
  application.apply(app::action::Navigate{app::Screen::home});
  ui.frames(2);
  const auto texts = ui.texts_in("##decision");
  position_of(texts, "You lean to Machine Learning Software Engineer");
  position_of(texts, "Read \"");  // what to study next
  ui.scroll_into_view("See your full result", "##decision");
  ui.click("See your full result", "##decision");
  CHECK(application.view().screen == app::Screen::result);
  CHECK(application.view().result.showing_latest);
}

TEST_CASE("the questionnaire's intro opens the full result and answering more then Esc goes back to it") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  answer_questionnaire_toward(application, "ai_architect");
  application.apply(app::action::Navigate{app::Screen::fit});
  ui.frames(2);
  ui.scroll_into_view("Answer more statements", "content");
  ui.click("Answer more statements", "content");
  REQUIRE(application.view().fit.stage == app::FitStage::asking);
  CHECK(ui.has_item("Back to my result", "content"));
  ui.key(ImGui::GetKeyIndex(ImGuiKey_Escape));
  CHECK(application.view().fit.stage == app::FitStage::done);
  CHECK(application.view().fit.unfinished_answers == 0);
  CHECK(application.view().fit.history.size() == 1);
  ui.scroll_into_view("Open the result page", "content");
  ui.click("Open the result page", "content");
  CHECK(application.view().screen == app::Screen::result);
}
