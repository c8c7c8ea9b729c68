// A database written while the bank had statements that are gone now (issue 14 retired most of
// the first 50): it opens, its unfinished questionnaire resumes with the answers that still have a
// statement, and its earlier result still reads as it was given.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "support/temp_folder.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z
constexpr core::TimeMs day = 86'400'000;

// Statements of the first bank that were retired, with the texts and weights they had.
const std::vector<core::Statement> retired = {
    {"st-01", "I would rather design how an entire AI system fits together than build one model inside it.",
     "responsibilities", {{"ai_architect", 0.8}, {"ml_engineer", -0.4}}},
    {"st-02", "I enjoy building a model, testing it, and improving it until it performs well.", "responsibilities",
     {{"ai_architect", -0.3}, {"ml_engineer", 0.8}}},
    {"st-05", "I care most about whether a system will stay scalable, reliable and secure as it grows.",
     "responsibilities", {{"ai_architect", 0.7}, {"ml_engineer", -0.2}}},
    {"st-09", "I would rather pair with data scientists day to day than spend my time in planning meetings.",
     "definitions", {{"ai_architect", -0.2}, {"ml_engineer", 0.7}}},
    {"st-10", "I would rather be the person who sees the big picture than the one who perfects a single component.",
     "definitions", {{"ai_architect", 0.7}, {"ml_engineer", -0.4}}},
    {"st-16", "I would rather go deep on how specific ML models learn than survey many AI approaches.", "skills",
     {{"ai_architect", -0.3}, {"ml_engineer", 0.7}}},
    {"st-19", "I like weighing trade-offs between options more than writing the final implementation myself.", "skills",
     {{"ai_architect", 0.7}, {"ml_engineer", -0.4}}},
    {"st-23", "I would rather take a course on distributed systems design than one on training neural networks.",
     "education", {{"ai_architect", 0.7}, {"ml_engineer", -0.4}}},
    {"st-27", "I would rather spend my time inside TensorFlow or PyTorch, building and training networks.", "tools",
     {{"ai_architect", -0.2}, {"ml_engineer", 0.8}}},
    {"st-38", "A career leaning toward research-style work in computer and information science appeals to me.",
     "outlook", {{"ai_architect", 0.6}, {"ml_engineer", -0.2}}},
    {"st-44", "For my portfolio, I would rather show a well-tested model with clear evaluation results.", "tips",
     {{"ai_architect", -0.3}, {"ml_engineer", 0.7}}},
    {"st-50", "I would rather own one model's code from start to finish than coordinate many components.",
     "responsibilities", {{"ai_architect", -0.3}, {"ml_engineer", 0.7}}},
};

// Statements that kept their id and text through the rewrite.
const std::vector<std::string> kept = {"st-08", "st-11", "st-14", "st-29", "st-39", "st-49"};

// The built-in bank as it was in an earlier version: the retired statements and the kept ones.
core::Bank earlier_bank() {
  core::Bank bank = bank::load_banks({}).bank;
  std::vector<core::Statement> statements = retired;
  for (const auto& id : kept) {
    const auto it = std::find_if(bank.statements.begin(), bank.statements.end(),
                                 [&](const core::Statement& s) { return s.id == id; });
    REQUIRE(it != bank.statements.end());
    statements.push_back(*it);
  }
  bank.statements = std::move(statements);
  return bank;
}

app::App open_app(const std::filesystem::path& file, core::Bank bank, core::TimeMs now) {
  app::AppOptions options;
  options.profile_name = "Learner";
  return app::App(store::Store::open(file), std::move(bank), app::Clock::starting_at(now), options);
}

const core::Statement& on_screen(app::App& application) {
  for (const auto& s : application.bank().statements)
    if (s.text == application.view().fit.statement) return s;
  FAIL("the statement on screen is not in the bank");
  return application.bank().statements.front();
}

int toward_architect(const core::Statement& s) {
  const double lean = s.weights.at("ai_architect") - s.weights.at("ml_engineer");
  return lean > 0 ? 5 : 1;
}
}  // namespace

TEST_CASE("fit history: a database whose answers name retired statements opens resumes and keeps its result") {
  const auto current = bank::load_banks({}).bank;
  for (const auto& s : retired) {
    CAPTURE(s.id);
    CHECK(std::none_of(current.statements.begin(), current.statements.end(),
                       [&](const core::Statement& t) { return t.id == s.id; }));
  }

  test::TempFolder dir;
  const auto file = dir / "rp.db";
  std::string earlier_sentence;
  std::set<std::string> asked_then;
  {
    auto application = open_app(file, earlier_bank(), t0);
    application.apply(app::action::FitStart{});
    for (int i = 0; i < 30 && application.view().fit.stage == app::FitStage::asking; ++i)
      application.apply(app::action::FitAnswer{toward_architect(on_screen(application))});
    REQUIRE(application.view().fit.stage == app::FitStage::done);
    earlier_sentence = application.view().fit.sentence;
    REQUIRE(earlier_sentence.find("AI Architect fits you better") == 0);

    // A second sitting, left unfinished after eight answers.
    application.apply(app::action::FitStart{});
    for (int i = 0; i < 8; ++i) {
      asked_then.insert(on_screen(application).id);
      application.apply(app::action::FitAnswer{toward_architect(on_screen(application))});
    }
    application.apply(app::action::FitQuit{});
  }
  const auto still_there = static_cast<int>(std::count_if(
      asked_then.begin(), asked_then.end(), [](const std::string& id) { return std::count(kept.begin(), kept.end(), id); }));
  REQUIRE(still_there > 0);
  REQUIRE(still_there < static_cast<int>(asked_then.size()));  // some answers name retired statements

  auto application = open_app(file, current, t0 + day);
  CHECK(application.view().error_banner.empty());
  const auto& fit = application.view().fit;
  REQUIRE(fit.history.size() == 1);
  CHECK(fit.history[0].sentence == earlier_sentence);
  CHECK(fit.history[0].outcome == "AI Architect");
  CHECK(fit.sentence.find("Last time: AI Architect") == 0);
  CHECK(fit.unfinished_answers == still_there);

  application.apply(app::action::FitResume{});
  REQUIRE(application.view().fit.stage == app::FitStage::asking);
  CHECK(application.view().fit.answered == still_there);
  CHECK_FALSE(asked_then.count(on_screen(application).id));  // a kept statement is not asked again
  for (int i = 0; i < 60 && application.view().fit.stage == app::FitStage::asking; ++i)
    application.apply(app::action::FitAnswer{toward_architect(on_screen(application))});
  REQUIRE(application.view().fit.stage == app::FitStage::done);
  CHECK(application.view().fit.sentence.find("AI Architect fits you better") == 0);
  CHECK(application.view().fit.history.size() == 2);
  CHECK(application.view().fit.history[0].sentence == earlier_sentence);
  CHECK(application.view().error_banner.empty());
}
