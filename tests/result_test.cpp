// The role-fit result as a place to come back to, through the app layer and the terminal on real
// stores: results rebuilt from their answers, earlier ones, answering more then leaving,
// `rolepath result` and `--json`, and the report's decision key.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "support/temp_folder.hpp"
#include "terminal/report.hpp"
#include "terminal/result_terminal.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z

app::App make_app(std::unique_ptr<store::Store> s) {
  app::AppOptions options;
  options.profile_name = "Learner";
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(t0), options);
}

const core::Statement& current_statement(const app::App& a) {
  for (const auto& s : a.bank().statements)
    if (s.text == a.view().fit.statement) return s;
  FAIL("the statement on screen is not in the bank");
  return a.bank().statements.front();
}

// Agrees with what points to `role_id` and disagrees with the rest.
int likert_for(const core::Statement& s, const std::string& role_id) {
  double toward = 0, others = 0;
  for (const auto& [id, w] : s.weights) (id == role_id ? toward : others) += w;
  return toward > others ? 5 : (toward < others ? 1 : 3);
}

void answer_as(app::App& a, const std::string& role_id, int at_most = 60) {
  for (int i = 0; i < at_most && a.view().fit.stage == app::FitStage::asking; ++i)
    a.apply(app::action::FitAnswer{likert_for(current_statement(a), role_id)});
}

std::string printed_result(const app::App& a, bool json) {
  std::ostringstream out;
  CHECK(terminal::print_result(a, json, out) == 0);
  return out.str();
}
}  // namespace

TEST_CASE("result: the latest result is shown in full after the questionnaire and after a restart") {
  test::TempFolder dir;
  std::string sentence;
  {
    auto a = make_app(store::Store::open(dir / "rp.db"));
    CHECK_FALSE(a.view().result.has_result);
    a.apply(app::action::FitStart{});
    answer_as(a, "ml_engineer");
    REQUIRE(a.view().fit.stage == app::FitStage::done);
    sentence = a.view().fit.sentence;
  }
  auto a = make_app(store::Store::open(dir / "rp.db"));
  const auto& r = a.view().result;
  REQUIRE(r.has_result);
  CHECK(r.showing_latest);
  CHECK(r.latest.sentence == sentence);
  CHECK(r.latest.sentence.find("Machine Learning Software Engineer fits you better") == 0);
  CHECK(r.latest.said_then.empty());  // scored again, its own answers read as they did
  CHECK(r.latest.date.find("2026-03-0") == 0);
  CHECK(r.latest.bars.size() == 2);
  CHECK_FALSE(r.latest.toward_leader.empty());
  CHECK(r.latest.toward_leader.front().answer == "Strongly agree");
  CHECK_FALSE(r.latest.tip.empty());
  // The next steps follow the suggestion: the engineer's path, starting at its first lesson.
  REQUIRE(r.next_steps.size() == 1);
  CHECK(a.bank().roles[r.next_steps[0].role].id == "ml_engineer");
  CHECK_FALSE(r.next_steps[0].start_lesson_id.empty());
  CHECK(r.next_steps[0].first_lessons.size() == 3);
  CHECK(r.decision.taken);
  CHECK(r.decision.lean == r.next_steps[0].role);
  CHECK(r.decision.next_lesson_id == r.next_steps[0].start_lesson_id);
}

TEST_CASE("result: an earlier result is rebuilt from its session's answers when its details lack them") {
  test::TempFolder dir;
  auto a = make_app(store::Store::open(dir / "rp.db"));
  a.apply(app::action::FitStart{});
  answer_as(a, "ai_architect");
  REQUIRE(a.view().fit.stage == app::FitStage::done);
  const auto first = a.view().result.latest;
  a.apply(app::action::FitStart{});
  answer_as(a, "ml_engineer");
  REQUIRE(a.view().result.latest.outcome == "Machine Learning Software Engineer");

  // A result from before answers were stored with it: only what an older version kept.
  auto records = store::FitResults(a.store()).history(a.profile_id());
  REQUIRE(records.size() == 2);
  auto old = records[0];
  auto detail = nlohmann::json::parse(old.detail_json);
  detail.erase("answers");
  old.detail_json = detail.dump();
  old.computed_ms = records[1].computed_ms + 1;  // the newest now
  store::FitResults(a.store()).save(a.profile_id(), old);
  a.reload();
  REQUIRE(a.view().fit.history.size() == 3);

  a.apply(app::action::ResultOpen{2});  // the newest row, rebuilt from the first session's answers
  CHECK(a.view().screen == app::Screen::result);
  CHECK(a.view().result.showing_latest);
  CHECK(a.view().result.shown.sentence == first.sentence);
  CHECK(a.view().result.shown.toward_leader.size() == first.toward_leader.size());
  CHECK(a.view().result.shown.answered == first.answered);

  a.apply(app::action::ResultOpen{1});  // the engineer result, earlier now
  CHECK_FALSE(a.view().result.showing_latest);
  CHECK(a.view().result.shown.outcome == "Machine Learning Software Engineer");
  CHECK(a.view().result.shown.index == 1);
  a.apply(app::action::ResultLatest{});
  CHECK(a.view().result.showing_latest);
  CHECK(a.view().result.shown.outcome == "AI Architect");
}

TEST_CASE("result: answering more then leaving keeps the result finished and never offers it as unfinished") {
  test::TempFolder dir;
  {
    auto a = make_app(store::Store::open(dir / "rp.db"));
    a.apply(app::action::FitStart{});
    answer_as(a, "ai_architect");
    REQUIRE(a.view().fit.stage == app::FitStage::done);
    const auto before = a.view().result.latest.sentence;
    // Leave at once: the result stands as it was, and no new result is written.
    a.apply(app::action::FitAnswerMore{});
    REQUIRE(a.view().fit.stage == app::FitStage::asking);
    CHECK(a.view().fit.answering_more);
    a.apply(app::action::FitQuit{});
    CHECK(a.view().fit.stage == app::FitStage::done);
    CHECK(a.view().fit.unfinished_answers == 0);
    CHECK(a.view().fit.history.size() == 1);
    CHECK(a.view().result.latest.sentence == before);
    CHECK_FALSE(store::Sessions(a.store()).unfinished(a.profile_id(), core::SessionKind::fit));
    // Answer two more, then leave: those answers count in an updated result.
    a.apply(app::action::FitAnswerMore{});
    const int answered = a.view().fit.answered;
    answer_as(a, "ai_architect", 2);
    a.apply(app::action::FitQuit{});
    CHECK(a.view().fit.stage == app::FitStage::done);
    CHECK(a.view().fit.history.size() == 2);
    CHECK(a.view().result.latest.answered == answered + 2);
    // Answer one more and close the app without leaving.
    a.apply(app::action::FitAnswerMore{});
    answer_as(a, "ai_architect", 1);
    CHECK_FALSE(store::Sessions(a.store()).unfinished(a.profile_id(), core::SessionKind::fit));
  }
  auto a = make_app(store::Store::open(dir / "rp.db"));
  CHECK(a.view().fit.stage == app::FitStage::idle);
  CHECK(a.view().fit.unfinished_answers == 0);  // nothing offered to continue
  REQUIRE(a.view().result.has_result);
  CHECK(a.view().fit.history.size() == 2);
  CHECK(a.view().result.latest.outcome == "AI Architect");
}

TEST_CASE("rolepath result prints the suggestion first then bars reasons tip next steps and decision") {
  auto a = make_app(store::Store::open_in_memory());
  CHECK(printed_result(a, false).find("No role-fit result yet.") == 0);
  a.apply(app::action::FitStart{});
  answer_as(a, "ai_architect");
  const std::string text = printed_result(a, false);
  CHECK(text.find(a.view().result.latest.sentence) == 0);
  const auto at = [&](const std::string& s) {
    const auto p = text.find(s);
    CHECK_MESSAGE(p != std::string::npos, s);
    return p;
  };
  const auto given = at("Given on 2026-03-0");
  const auto bars = at("(90% interval ");
  const auto reasons = at("Pointing to AI Architect:");
  const auto tip = at("What would tip it:");
  const auto steps = at("Next steps for AI Architect");
  const auto decision = at("Your decision so far");
  CHECK(given < bars);
  CHECK(bars < reasons);
  CHECK(reasons < tip);
  CHECK(tip < steps);
  CHECK(steps < decision);
  CHECK(text.find("(you said: Strongly agree)") != std::string::npos);
  CHECK(text.find(a.view().result.latest.tip.front()) != std::string::npos);
}

TEST_CASE("rolepath result --json parses with every part and the report carries the decision") {
  auto a = make_app(store::Store::open_in_memory());
  auto empty = nlohmann::json::parse(printed_result(a, true));
  CHECK(empty.at("result").is_null());
  CHECK(empty.at("decision").at("taken") == false);
  CHECK(empty.at("decision").at("lean").is_null());

  a.apply(app::action::FitStart{});
  answer_as(a, "ml_engineer");
  const auto json = nlohmann::json::parse(printed_result(a, true));
  const auto& result = json.at("result");
  CHECK(result.at("suggested") == "ml_engineer");
  CHECK(result.at("sentence") == a.view().result.latest.sentence);
  CHECK(result.at("roles").size() == 2);
  for (const auto& role : result.at("roles")) CHECK(role.at("low") <= role.at("score"));
  CHECK(result.at("toward_leader").at(0).at("answer") == "Strongly agree");
  CHECK(result.at("what_would_tip_it").size() >= 1);
  CHECK(result.at("date").get<std::string>().find("2026-03-0") == 0);
  CHECK(json.at("next_steps").size() == 1);
  CHECK(json.at("next_steps").at(0).at("role") == "ml_engineer");
  CHECK(json.at("next_steps").at(0).at("first_lessons").size() == 3);
  CHECK(json.at("history").size() == 1);
  const auto& decision = json.at("decision");
  CHECK(decision.at("lean") == "ml_engineer");
  CHECK(decision.at("readiness").size() == 2);
  CHECK(decision.at("next").at("role") == "ml_engineer");

  std::ostringstream report;
  terminal::print_report(a, 4, true, report);
  const auto from_report = nlohmann::json::parse(report.str());
  CHECK(from_report.at("decision") == decision);
}

TEST_CASE("result: a no-preference result gives next steps on both paths and the topics that split the answers") {
  auto a = make_app(store::Store::open_in_memory());
  a.apply(app::action::FitStart{});
  // Alternate: one answer for the architect, the next for the engineer, topic by topic.
  for (int i = 0; i < 60 && a.view().fit.stage == app::FitStage::asking; ++i)
    a.apply(app::action::FitAnswer{likert_for(current_statement(a), i % 2 ? "ai_architect" : "ml_engineer")});
  REQUIRE(a.view().fit.stage == app::FitStage::done);
  const auto& r = a.view().result;
  REQUIRE(r.has_result);
  if (r.latest.suggested) return;  // the model saw a lean in this pattern; nothing more to check
  CHECK(r.latest.close);
  CHECK(r.next_steps.size() == 2);
  CHECK_FALSE(r.decision.lean);
  CHECK(r.decision.lean_text.find("No clear lean yet") == 0);
  CHECK_FALSE(r.latest.split_topics.empty());
  for (const auto& topic : r.latest.split_topics) {
    CHECK(topic.toward_leader > 0);
    CHECK(topic.toward_runner_up > 0);
  }
  for (const auto& sentence : r.latest.tip) CHECK(sentence.find("would be no clear preference") == std::string::npos);
}

TEST_CASE("result: a suggestion one answer could change says it is close beside its percentage; a settled one does not") {
  // Mild answers toward the architect, finished as soon as allowed: a lean that one answer can undo.
  auto close = make_app(store::Store::open_in_memory());
  close.apply(app::action::FitStart{});
  while (!close.view().fit.can_finish && close.view().fit.stage == app::FitStage::asking) {
    const int strong = likert_for(current_statement(close), "ai_architect");
    close.apply(app::action::FitAnswer{strong == 5 ? 4 : (strong == 1 ? 2 : 3)});
  }
  close.apply(app::action::FitFinish{});
  const auto& tentative = close.view().result.latest;
  REQUIRE(tentative.suggested);
  REQUIRE(tentative.close);
  CHECK(tentative.caution.find("Close: one different answer would change this") == 0);
  CHECK(printed_result(close, false).find(tentative.caution) != std::string::npos);
  CHECK(nlohmann::json::parse(printed_result(close, true)).at("result").at("caution") == tentative.caution);

  // Every statement answered firmly for one role: no single answer undoes it, and nothing hedges.
  auto settled = make_app(store::Store::open_in_memory());
  settled.apply(app::action::FitStart{});
  answer_as(settled, "ml_engineer");
  const auto& firm = settled.view().result.latest;
  REQUIRE(firm.suggested);
  CHECK_FALSE(firm.close);
  CHECK(firm.caution.empty());
  CHECK(nlohmann::json::parse(printed_result(settled, true)).at("result").at("caution").is_null());
}
