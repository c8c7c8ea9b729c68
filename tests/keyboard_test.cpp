// RolePath used with the keyboard alone: every step below is a key event, never a click or a call
// of the app's actions.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "bank/loader.hpp"
#include "support/headless.hpp"
#include "ui/keyboard.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;

app::App make_app() {
  app::AppOptions options;
  options.profile_name = "Learner";
  options.settings_file = "/tmp/imgui.ini";
  return app::App(store::Store::open_in_memory(), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

// Presses Tab until the button labelled `label` has the focus (scrolled into view as needed);
// fails after 60 presses.
void tab_to(test::HeadlessUi& ui, const std::string& label) {
  for (int i = 0; i < 60; ++i) {
    if (ui.focused_id() == ui.item(label).id) return;
    ui.key(ui::keyboard::tab);
  }
  const std::string why = "Tab never reached the button " + label;
  FAIL(why);
}

void answer_by_keys_to_summary(test::HeadlessUi& ui, const app::App& application) {
  for (int i = 0; i < 40 && application.view().session.stage != app::SessionStage::summary; ++i) {
    if (application.view().session.stage == app::SessionStage::question) ui.key('1');
    ui.key(ui::keyboard::enter);
  }
}
}  // namespace

TEST_CASE("the questionnaire a quiz and a review are completed with key events alone") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  ui.frames(2);

  // The questionnaire: Ctrl+2 opens it, Tab reaches its button, Enter presses it, 1-5 answer.
  ui.ctrl_digit('2');
  REQUIRE(application.view().screen == app::Screen::fit);
  tab_to(ui, "Start the questionnaire");
  ui.key(ui::keyboard::enter);
  REQUIRE(application.view().fit.stage == app::FitStage::asking);
  for (int i = 0; i < 80 && application.view().fit.stage == app::FitStage::asking; ++i) ui.key(i % 2 ? '5' : '4');
  CHECK(application.view().fit.stage == app::FitStage::done);
  CHECK(application.view().fit.answered >= 8);

  // A topic quiz: Ctrl+4, Tab to its start button, Enter; each question 1 then Enter, Enter.
  ui.ctrl_digit('4');
  REQUIRE(application.view().screen == app::Screen::quiz);
  tab_to(ui, "Start a " + std::to_string(std::min(application.view().quiz_setup.count, application.view().quiz_available)) +
                 "-question quiz");
  ui.key(ui::keyboard::enter);
  REQUIRE(application.view().session.running());
  const int total = application.view().session.total;
  answer_by_keys_to_summary(ui, application);
  CHECK(application.view().session.stage == app::SessionStage::summary);
  CHECK(application.view().session.answered == total);
  CHECK(application.view().graded_answers_total == total);

  // Esc leaves the summary for the quiz's setup.
  ui.key(ui::keyboard::escape);
  CHECK(application.view().session.stage == app::SessionStage::none);

  // A review the next day: Ctrl+5, Tab to the start button, Enter, then the same keys.
  application.clock().set(t0 + 86'400'000LL);
  ui.ctrl_digit('5');
  REQUIRE(application.view().screen == app::Screen::review);
  ui.frames(2);
  REQUIRE(application.view().study.review_available > 0);
  const auto& study = application.view().study;
  const std::string start = study.review_due > 0 ? (study.review_extra > 0 ? "Start review: " + std::to_string(study.review_due) +
                                                                                  " due + " + std::to_string(study.review_extra) +
                                                                                  " extra practice"
                                                                            : "Start review: " + std::to_string(study.review_due) + " due")
                                                 : "Practise weak topics (" + std::to_string(study.review_extra) + " questions)";
  tab_to(ui, start);
  ui.key(ui::keyboard::enter);
  REQUIRE(application.view().session.running());
  CHECK(application.view().session.kind == core::SessionKind::review);
  answer_by_keys_to_summary(ui, application);
  CHECK(application.view().session.stage == app::SessionStage::summary);
  CHECK(application.view().graded_answers_total == total + application.view().session.answered);
}

TEST_CASE("Esc goes back: out of a lesson then from a screen to Home without a focus frame left behind") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::learn});
  application.apply(app::action::LearnOpen{application.bank().lessons.front().id, {}});
  ui.frames(2);
  REQUIRE(application.view().learn.open.has_value());
  ui.key(ui::keyboard::tab);  // some item takes the focus
  ui.key(ui::keyboard::escape);
  CHECK_FALSE(application.view().learn.open.has_value());
  CHECK(application.view().screen == app::Screen::learn);
  CHECK(ui.focused_id() == 0);
  ui.key(ui::keyboard::escape);
  CHECK(application.view().screen == app::Screen::home);
}

TEST_CASE("F1 shows the keys of the current screen and Esc closes them without leaving the screen") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::quiz});
  ui.frames(2);
  ui.key(ui::keyboard::f1);
  ui.frames(2);
  bool heading = false, quiz_key = false;
  for (const auto& item : ui.items()) {
    heading = heading || item.text == "Keys on Topic quiz";
    quiz_key = quiz_key || item.text == "Choose an option";
  }
  CHECK(heading);
  CHECK(quiz_key);
  ui.key(ui::keyboard::escape);
  ui.frames(2);
  for (const auto& item : ui.items()) CHECK(item.text != "Keys on Topic quiz");
  CHECK(application.view().screen == app::Screen::quiz);
}

TEST_CASE("Enter presses the focused button") {
  auto application = make_app();
  test::HeadlessUi ui(application);
  application.apply(app::action::Navigate{app::Screen::home});
  ui.frames(2);
  tab_to(ui, "Quiz yourself on a topic");
  ui.key(ui::keyboard::enter);
  CHECK(application.view().screen == app::Screen::quiz);
}
