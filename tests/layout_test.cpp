// Every screen, in the states a learner meets it, drawn headless at a small laptop's, a common and a
// large monitor's size in both themes. Fails when an item leaves the visible part of its window
// (cut off with no way to scroll to it) or when two items' text overlap: ImGui's own item
// rectangles, as support/item_hook.cpp records them, are the evidence.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <vector>

#include "app/demo.hpp"
#include "bank/loader.hpp"
#include "support/headless.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;
constexpr float slack = 1.0f;  // ImGui rounds positions to whole pixels

app::App make_app() {
  app::AppOptions options;
  options.profile_name = "Learner";
  options.settings_file = "/tmp/imgui.ini";
  return app::App(store::Store::open_in_memory(), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

int likert_toward_architect(const app::App& application) {
  for (const auto& s : application.bank().statements)
    if (s.text == application.view().fit.statement) {
      const auto it = s.weights.find("ai_architect");
      const double w = it == s.weights.end() ? 0 : it->second;
      return w > 0 ? 5 : (w < 0 ? 1 : 3);
    }
  return 3;
}

void finish_questionnaire(app::App& application) {
  application.apply(app::action::FitStart{});
  for (int i = 0; i < 80 && application.view().fit.stage == app::FitStage::asking; ++i)
    application.apply(app::action::FitAnswer{likert_toward_architect(application)});
}

// A screen in one state: how to reach it from a fresh profile.
struct Scene {
  std::string name;
  std::function<void(app::App&)> reach;
};

bool scrolls_vertically(const ImGuiWindow* window) {
  for (; window != nullptr; window = window->ParentWindow)
    if (window->ScrollMax.y > 0) return true;
  return false;
}

bool is_overlay(const ImGuiWindow* window) {
  return window != nullptr && (window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) != 0;
}

std::string describe(const test::DrawnItem& item) {
  return fmt::format("'{}' in {} at ({:.0f},{:.0f})-({:.0f},{:.0f})", item.text.empty() ? "(no text)" : item.text,
                     item.window_name(), item.min.x, item.min.y, item.max.x, item.max.y);
}

// What is wrong with the last frame's layout, one line per problem.
std::vector<std::string> layout_problems(const test::HeadlessUi& ui) {
  std::vector<std::string> problems;
  std::vector<const test::DrawnItem*> texts;
  for (const auto& item : ui.items()) {
    if (item.clipped || (item.id == 0 && item.text.empty())) continue;
    const ImGuiWindow* window = ImGui::FindWindowByName(item.window.c_str());
    // A frame without text of its own (a selectable's, a table header cell's) may reach into the
    // padding around it, as ImGui draws them; text may not.
    const float reach = item.text.empty() ? 2 * ImGui::GetStyle().CellPadding.x + slack : slack;
    if (item.max.x > item.clip_max.x + reach || item.min.x < item.clip_min.x - reach)
      problems.push_back(fmt::format("{} leaves its window sideways (visible {:.0f} to {:.0f})", describe(item),
                                     item.clip_min.x, item.clip_max.x));
    if ((item.max.y > item.clip_max.y + slack || item.min.y < item.clip_min.y - slack) && !scrolls_vertically(window))
      problems.push_back(fmt::format("{} is cut off in a window that cannot scroll (visible {:.0f} to {:.0f})",
                                     describe(item), item.clip_min.y, item.clip_max.y));
    if (item.text_cut) problems.push_back(fmt::format("{}: its text does not fit and is cut off", describe(item)));
    if (!item.text.empty() && !is_overlay(window)) texts.push_back(&item);
  }
  for (std::size_t a = 0; a < texts.size(); ++a)
    for (std::size_t b = a + 1; b < texts.size(); ++b) {
      const auto& p = *texts[a];
      const auto& q = *texts[b];
      // Only the visible parts can collide.
      const float left = std::max({p.min.x, q.min.x, p.clip_min.x, q.clip_min.x});
      const float right = std::min({p.max.x, q.max.x, p.clip_max.x, q.clip_max.x});
      const float top = std::max({p.min.y, q.min.y, p.clip_min.y, q.clip_min.y});
      const float bottom = std::min({p.max.y, q.max.y, p.clip_max.y, q.clip_max.y});
      if (right - left > 2 * slack && bottom - top > 2 * slack)
        problems.push_back(fmt::format("{} overlaps {}", describe(p), describe(q)));
    }
  return problems;
}

void check_scene_everywhere(const Scene& scene) {
  for (const ImVec2 size : {ImVec2(800, 600), ImVec2(1280, 800), ImVec2(1920, 1080)})
    for (const auto theme : {app::Theme::light, app::Theme::dark}) {
      auto application = make_app();
      application.apply(app::action::SetTheme{theme});
      scene.reach(application);
      test::HeadlessUi ui(application, size);
      ui.frames(4);
      CAPTURE(scene.name);
      CAPTURE(size.x);
      CAPTURE(size.y);
      CAPTURE(theme == app::Theme::dark);
      REQUIRE(ui.items().size() > 10);
      const auto problems = layout_problems(ui);
      std::string all;
      for (const auto& p : problems)
        all += fmt::format("\n  [{} {:.0f}x{:.0f} {}] {}", scene.name, size.x, size.y,
                           theme == app::Theme::dark ? "dark" : "light", p);
      CHECK_MESSAGE(problems.empty(), all);
    }
}

void navigate(app::App& application, app::Screen screen) { application.apply(app::action::Navigate{screen}); }

// A five-question quiz on Tools, past its study card, at its first question.
void start_tools_quiz(app::App& a) {
  navigate(a, app::Screen::quiz);
  a.apply(app::action::SetQuizSetup{app::QuizSetup{{}, {"tools"}, 5}});
  a.apply(app::action::QuizStart{});
  if (a.view().session.stage == app::SessionStage::card) a.apply(app::action::CardDismiss{});
}

void answer_quiz(app::App& application, int questions) {
  for (int i = 0; i < questions; ++i) {
    application.apply(app::action::QuizPick{0});
    application.apply(app::action::QuizConfirm{});
    application.apply(app::action::QuizNext{});
  }
}
}  // namespace

TEST_CASE("home fits the window on a first start and with weeks of study") {
  check_scene_everywhere({"first start", [](app::App&) {}});
  check_scene_everywhere({"weeks of study", [](app::App& a) { app::simulate_study(a, 8, 3); }});
  check_scene_everywhere({"a banner", [](app::App& a) {
                            app::simulate_study(a, 8, 3);
                            a.apply(app::action::ShowError{"The file /home/learner/.local/share/rolepath/"
                                                           "rolepath.db could not be backed up: disk full."});
                          }});
}

TEST_CASE("the questionnaire and the result fit the window") {
  check_scene_everywhere({"intro", [](app::App& a) { navigate(a, app::Screen::fit); }});
  check_scene_everywhere({"asking", [](app::App& a) {
                            navigate(a, app::Screen::fit);
                            a.apply(app::action::FitStart{});
                            a.apply(app::action::FitAnswer{4});
                          }});
  check_scene_everywhere({"result", [](app::App& a) {
                            navigate(a, app::Screen::fit);
                            finish_questionnaire(a);
                          }});
  check_scene_everywhere({"result screen", [](app::App& a) {
                            finish_questionnaire(a);
                            a.apply(app::action::ResultLatest{});
                          }});
}

TEST_CASE("a quiz fits the window from setup to summary") {
  check_scene_everywhere({"setup", [](app::App& a) { navigate(a, app::Screen::quiz); }});
  check_scene_everywhere({"question", [](app::App& a) {
                            start_tools_quiz(a);
                            a.apply(app::action::QuizPick{0});
                          }});
  check_scene_everywhere({"feedback", [](app::App& a) {
                            start_tools_quiz(a);
                            a.apply(app::action::QuizPick{0});
                            a.apply(app::action::QuizConfirm{});
                          }});
  check_scene_everywhere({"summary", [](app::App& a) {
                            start_tools_quiz(a);
                            answer_quiz(a, 5);
                          }});
}

TEST_CASE("review fits the window before and during a review") {
  check_scene_everywhere({"nothing studied", [](app::App& a) { navigate(a, app::Screen::review); }});
  check_scene_everywhere({"weeks of study", [](app::App& a) {
                            app::simulate_study(a, 8, 3);
                            navigate(a, app::Screen::review);
                          }});
  check_scene_everywhere({"study card", [](app::App& a) {
                            app::simulate_study(a, 8, 3);
                            navigate(a, app::Screen::review);
                            a.apply(app::action::ReviewStart{});
                          }});
}

TEST_CASE("learn fits the window: the path and an open lesson") {
  check_scene_everywhere({"path", [](app::App& a) { navigate(a, app::Screen::learn); }});
  check_scene_everywhere({"lesson", [](app::App& a) {
                            navigate(a, app::Screen::learn);
                            REQUIRE_FALSE(a.bank().lessons.empty());
                            a.apply(app::action::LearnOpen{a.bank().lessons.front().id, {}});
                          }});
}

TEST_CASE("progress and settings fit the window") {
  check_scene_everywhere({"progress, nothing yet", [](app::App& a) { navigate(a, app::Screen::progress); }});
  check_scene_everywhere({"progress, weeks of study", [](app::App& a) {
                            app::simulate_study(a, 8, 3);
                            navigate(a, app::Screen::progress);
                          }});
  check_scene_everywhere({"settings", [](app::App& a) {
                            app::simulate_study(a, 8, 3);
                            a.apply(app::action::CreateProfile{"Second learner"});
                            navigate(a, app::Screen::settings);
                          }});
  // The largest text size, with names in four scripts (one right to left).
  check_scene_everywhere({"settings at 160% with names in Greek, Cyrillic, Hebrew and CJK", [](app::App& a) {
                            for (const char* name : {"\xCE\x95\xCE\xBB\xCE\xAD\xCE\xBD\xCE\xB7", "\xD0\x96\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xB0",
                                                     "\xD7\xA9\xD7\xA8\xD7\x94", "\xE7\x94\xB0\xE4\xB8\xAD"})
                              a.apply(app::action::CreateProfile{name});
                            a.apply(app::action::SetTextSize{160});
                            navigate(a, app::Screen::settings);
                          }});
}
