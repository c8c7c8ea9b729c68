// Topic quizzes and review through the app layer, on real stores.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "support/temp_folder.hpp"
#include "app/quiz_flow.hpp"
#include "app/study.hpp"
#include "core/quiz.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z
constexpr core::TimeMs day = 86'400'000;

app::App make_app(std::unique_ptr<store::Store> s) {
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(t0), {});
}

// Picks the right answer, or a wrong one, for the current question.
void answer(app::App& a, bool right) {
  auto& quiz = a.quiz();
  const auto& q = a.bank().questions[quiz.question()];
  const auto correct = core::correct_options(a.bank(), q);
  if (quiz.stage() == app::SessionStage::card) quiz.dismiss_card();
  if (right) {
    for (auto i : correct) quiz.pick_option(i);
  } else {
    const auto options = core::answer_options(a.bank(), q);
    for (std::size_t i = 0; i < options.size(); ++i)
      if (!correct.count(i)) {
        quiz.pick_option(i);
        break;
      }
  }
  quiz.confirm();
}

std::size_t topic_index(const core::Bank& bank, const std::string& id) {
  for (std::size_t t = 0; t < bank.topics.size(); ++t)
    if (bank.topics[t].id == id) return t;
  return 0;
}
}  // namespace

TEST_CASE("a quiz asks questions of the chosen roles and topics only") {
  auto a = make_app(store::Store::open_in_memory());
  app::QuizSetup setup{{"ml_engineer"}, {"tools", "skills"}, 20};
  const auto picked = a.quiz().pick(setup, 1);
  CHECK(picked.size() == 20);
  for (auto q : picked) {
    const auto& question = a.bank().questions[q];
    CHECK((question.topic == "tools" || question.topic == "skills"));
    CHECK(std::find(question.roles.begin(), question.roles.end(), "ml_engineer") != question.roles.end());
  }
  CHECK(a.quiz().pick(setup, 1) == picked);  // same seed, same quiz
  CHECK(a.quiz().pick({{}, {"outlook"}, 5}, 2).size() == 5);
}

TEST_CASE("every quiz answer writes its row and its schedule in one go") {
  test::TempFolder dir;
  auto a = make_app(store::Store::open(dir / "rp.db"));
  a.quiz().start_quiz({{}, {}, 5});
  REQUIRE(a.quiz().stage() == app::SessionStage::question);
  const auto first = a.quiz().question();
  a.clock().set(t0 + 5000);
  answer(a, true);
  CHECK(a.quiz().stage() == app::SessionStage::feedback);
  CHECK(a.quiz().last_correct());
  const auto item = a.study().item_id(first);
  const auto card = store::Schedules(a.store()).get(a.profile_id(), item);
  REQUIRE(card);
  CHECK(card->reps == 1);
  CHECK(card->due > t0);
  const auto rows = store::Answers(a.store()).in_session(*store::Sessions(a.store()).unfinished(a.profile_id(), core::SessionKind::quiz));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].correct == true);
  CHECK(rows[0].latency_ms >= 4000);
  CHECK_FALSE(rows[0].sure.has_value());  // not asked by default
}

TEST_CASE("undo removes the answer and restores the schedule exactly") {
  auto a = make_app(store::Store::open_in_memory());
  a.quiz().start_quiz({{}, {}, 3});
  const auto q = a.quiz().question();
  const auto item = a.study().item_id(q);
  answer(a, true);
  a.quiz().next();
  answer(a, false);  // second question
  a.quiz().next();
  // Answer the first question again in a new quiz, so it has a state to restore to.
  a.quiz().quit();
  a.quiz().start_review_of({q});
  const auto before = store::Schedules(a.store()).get(a.profile_id(), item);
  REQUIRE(before);
  const auto count_before = store::Answers(a.store()).count(a.profile_id());
  a.clock().set(t0 + 3 * day);
  answer(a, false);
  CHECK(store::Schedules(a.store()).get(a.profile_id(), item)->lapses == before->lapses + 1);
  REQUIRE(a.quiz().can_undo());
  a.quiz().undo();
  const auto after = store::Schedules(a.store()).get(a.profile_id(), item);
  REQUIRE(after);
  CHECK(after->memory.stability == before->memory.stability);
  CHECK(after->memory.difficulty == before->memory.difficulty);
  CHECK(after->last_review == before->last_review);
  CHECK(after->due == before->due);
  CHECK(after->reps == before->reps);
  CHECK(after->lapses == before->lapses);
  CHECK(store::Answers(a.store()).count(a.profile_id()) == count_before);
  CHECK(a.quiz().stage() == app::SessionStage::question);
  CHECK(a.quiz().question() == q);
  CHECK_FALSE(a.quiz().can_undo());  // one step only
}

TEST_CASE("undo of a first answer removes the schedule row and works until the next answer") {
  auto a = make_app(store::Store::open_in_memory());
  a.quiz().start_quiz({{}, {}, 3});
  const auto first = a.quiz().question();
  answer(a, true);
  a.quiz().next();
  CHECK(a.quiz().can_undo());  // still allowed on the next question, before answering it
  a.quiz().undo();
  CHECK(a.quiz().question() == first);
  CHECK_FALSE(store::Schedules(a.store()).get(a.profile_id(), a.study().item_id(first)));
  CHECK(store::Answers(a.store()).count(a.profile_id()) == 0);
  answer(a, true);
  a.quiz().next();
  answer(a, true);
  a.quiz().undo();
  CHECK(store::Answers(a.store()).count(a.profile_id()) == 1);
}

TEST_CASE("the summary tallies topics and lists what was missed") {
  auto a = make_app(store::Store::open_in_memory());
  a.quiz().start_quiz({{}, {}, 5});
  for (int i = 0; i < 5; ++i) {
    answer(a, i % 2 == 0);
    a.quiz().next();
  }
  CHECK(a.quiz().stage() == app::SessionStage::summary);
  CHECK(a.quiz().right() == 3);
  CHECK(a.quiz().missed().size() == 2);
  int total = 0;
  for (const auto& t : a.quiz().by_topic()) total += t.total;
  CHECK(total == 5);
}

TEST_CASE("next day: review serves what was missed first and shows the topic's card first") {
  auto a = make_app(store::Store::open_in_memory());
  a.quiz().start_quiz({{}, {"tools"}, 10});  // an overview topic: those have study cards
  std::vector<std::size_t> missed;
  for (int i = 0; i < 10; ++i) {
    if (i < 3) missed.push_back(a.quiz().question());
    answer(a, i >= 3);
    a.quiz().next();
  }
  a.clock().set(t0 + day + 3600'000);
  a.quiz().start_review(std::nullopt);
  REQUIRE(a.quiz().total() >= 3);
  CHECK(a.quiz().stage() == app::SessionStage::card);
  std::set<std::size_t> served;
  for (int i = 0; i < 3; ++i) {
    served.insert(a.quiz().question());
    answer(a, true);
    a.quiz().next();
  }
  CHECK(served == std::set<std::size_t>(missed.begin(), missed.end()));
}

TEST_CASE("review keeps to the daily limit") {
  auto a = make_app(store::Store::open_in_memory());
  a.study().settings().daily_limit = 4;
  a.quiz().start_quiz({{}, {}, 20});
  for (int i = 0; i < 20; ++i) {
    answer(a, false);
    a.quiz().next();
  }
  a.clock().set(t0 + 2 * day);
  a.quiz().start_review(std::nullopt);
  CHECK(a.quiz().total() == 4);
  for (int i = 0; i < 4; ++i) {
    answer(a, true);
    a.quiz().next();
  }
  a.quiz().start_review(std::nullopt);
  CHECK(a.quiz().stage() == app::SessionStage::none);  // nothing left for today
}

TEST_CASE("a question missed four times is a leech") {
  auto a = make_app(store::Store::open_in_memory());
  a.quiz().start_quiz({{}, {}, 1});
  const auto q = a.quiz().question();
  answer(a, false);
  a.quiz().quit();
  for (int miss = 2; miss <= 4; ++miss) {
    CHECK(a.study().snapshot().leeches.empty());
    a.clock().set(t0 + miss * day);
    a.quiz().start_review_of({q});
    answer(a, false);
    a.quiz().quit();
  }
  const auto leeches = a.study().snapshot().leeches;
  REQUIRE(leeches.size() == 1);
  CHECK(leeches[0] == q);
}

TEST_CASE("mastery and readiness follow the answers") {
  auto a = make_app(store::Store::open_in_memory());
  CHECK_FALSE(a.study().snapshot().role_readiness(0).has_value());
  // A quiz asks one question per fact, so questions that test a fact already asked today come in
  // the next quiz; as many quizzes as the largest group has questions (four) cover the topic.
  const auto topic = topic_index(a.bank(), "outlook");
  for (int round = 0; round < 4; ++round) {
    a.quiz().start_quiz({{"ai_architect"}, {"outlook"}, 20});
    while (a.quiz().stage() == app::SessionStage::question) {
      answer(a, true);
      a.quiz().next();
    }
    if (round == 0) {
      const auto after_first = a.study().snapshot();  // kept: find() points into it
      const auto* first = after_first.find(0, topic);
      REQUIRE(first);
      CHECK(first->mastery.seen < first->mastery.total);  // siblings were left for later
    }
  }
  const auto snap = a.study().snapshot();
  const auto* outlook = snap.find(0, topic);
  REQUIRE(outlook);
  CHECK(outlook->mastery.seen == outlook->mastery.total);
  CHECK(outlook->mastery.level == core::MasteryLevel::proficient);
  CHECK(outlook->correct == outlook->answers);
  REQUIRE(snap.role_readiness(0).has_value());
  CHECK_FALSE(snap.weak.empty());
}

TEST_CASE("a simulated learner studying for eight weeks is served its worst topics most") {
  auto a = make_app(store::Store::open_in_memory());
  const auto& bank = a.bank();
  // Known recall probability per topic: the learner is weakest at tools and outlook.
  std::map<std::string, double> recall = {{"definitions", 0.95}, {"responsibilities", 0.9}, {"skills", 0.8},
                                          {"education", 0.9},    {"tools", 0.45},           {"industries", 0.85},
                                          {"outlook", 0.5},      {"tips", 0.9}};
  std::mt19937_64 rng(8);
  std::bernoulli_distribution coin(0.5);
  auto attempt = [&] {
    // Topics not named above: a learner who mostly knows them.
    const auto known = recall.find(bank.questions[a.quiz().question()].topic);
    const double p = known == recall.end() ? 0.9 : known->second;
    answer(a, std::uniform_real_distribution<double>(0, 1)(rng) < p);
    a.quiz().next();
  };
  // Week one starts with a five-question quiz on each topic, then eight weeks of daily review.
  // Every topic is answered before review begins: the quizzes are shuffled by the clock's
  // milliseconds, so mixed ones could leave a topic out, and a topic never answered is never
  // reviewed, which would say nothing about how review treats it.
  for (const auto& topic : bank.topics) {
    a.quiz().start_quiz({{}, {topic.id}, 5});
    while (a.quiz().stage() == app::SessionStage::question || a.quiz().stage() == app::SessionStage::card) attempt();
  }
  std::map<std::string, int> served;
  for (int d = 1; d <= 56; ++d) {
    a.clock().set(t0 + d * day);
    a.quiz().start_review(std::nullopt);
    while (a.quiz().stage() == app::SessionStage::question || a.quiz().stage() == app::SessionStage::card) {
      ++served[bank.questions[a.quiz().question()].topic];
      attempt();
    }
  }
  // Per question in the topic, so big topics do not win by size.
  std::map<std::string, double> per_question;
  for (const auto& [topic, count] : served) {
    int questions = 0;
    for (const auto& q : bank.questions) questions += q.topic == topic ? 1 : 0;
    per_question[topic] = static_cast<double>(count) / questions;
    MESSAGE(topic, ": ", count, " reviews, ", per_question[topic], " per question");
  }
  const double worst = std::min(per_question["tools"], per_question["outlook"]);
  for (const char* strong : {"definitions", "responsibilities", "education", "tips"}) {
    CAPTURE(strong);
    CHECK(worst > per_question[strong]);
  }
}
