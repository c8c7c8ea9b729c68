// A bank with many roles and topics: after each answer, or its undo, the App redoes only the
// rows of the roles and topics that question belongs to, and what it shows equals a full
// recomputation. (How fast that is, is measured by rolepath-bench, not asserted here.)
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "bench/big_bank.hpp"
#include "store/local_day_queries.hpp"
#include "support/temp_home.hpp"
#include "app/quiz_flow.hpp"
#include "app/study.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z
// The App's clock runs on while a full recomputation is made to compare with, so mastery may
// have decayed by a few milliseconds' worth.
constexpr double score_tolerance = 1e-7;

core::Bank big_bank(const test::TempHome& dir) {
  const auto file = dir / "big.toml";
  test::write_bytes(file, bench::big_bank_toml(20, 500, 1200));
  auto loaded = bank::load_banks({file});
  REQUIRE(loaded.ok());
  return std::move(loaded.bank);
}

bool same_row(const app::TopicRow& a, const app::TopicRow& b) {
  return a.role_id == b.role_id && a.topic_id == b.topic_id && a.level == b.level && a.score == b.score &&
         a.seen == b.seen && a.total == b.total && a.answers == b.answers && a.correct == b.correct && a.due == b.due;
}

// What the App shows against the study state worked out afresh from the store.
void check_equals_full(app::App& a) {
  const auto full = a.study().snapshot();
  const auto& v = a.view().study;
  REQUIRE(v.topics.size() == full.topics.size());
  for (std::size_t i = 0; i < full.topics.size(); ++i) {
    const auto& row = v.topics[i];
    const auto& status = full.topics[i];
    const bool same = row.role_id == a.bank().roles[status.role].id && row.topic_id == a.bank().topics[status.topic].id &&
                      row.score == doctest::Approx(status.mastery.score).epsilon(score_tolerance) &&
                      row.seen == status.mastery.seen && row.total == status.mastery.total &&
                      row.answers == status.answers && row.correct == status.correct && row.due == status.due;
    CHECK_MESSAGE(same, "role x topic row ", i, " differs from a full recomputation");
  }
  // The weak list holds the same pairs, weakest first (near-equal scores may trade places).
  REQUIRE(v.weak.size() == full.weak.size());
  CHECK(std::set<std::size_t>(v.weak.begin(), v.weak.end()) == std::set<std::size_t>(full.weak.begin(), full.weak.end()));
  for (std::size_t i = 0; i < v.weak.size(); ++i)
    CHECK(v.topics[v.weak[i]].score == doctest::Approx(full.topics[full.weak[i]].mastery.score).epsilon(score_tolerance));
  CHECK(v.due_by_day == full.due_by_day);
  CHECK(v.reviewed_today == full.reviewed_today);
  CHECK(v.leeches.size() == full.leeches.size());
  CHECK(a.view().answers_total == full.answers_total);
  const auto left = std::max<std::int64_t>(0, v.settings.daily_limit - full.reviewed_today);
  CHECK(v.review_available == static_cast<int>(a.study().review_queue(std::nullopt, static_cast<std::size_t>(left)).size()));
  REQUIRE(a.view().study.readiness.size() == a.bank().roles.size());
  for (std::size_t role = 0; role < a.bank().roles.size(); ++role) {
    const auto readiness = full.role_readiness(role);
    CHECK(a.view().study.readiness[role].measured == readiness.has_value());
  }
}

// Answers the current question with its first option and checks which rows moved: only those
// of the question's own roles with its topic, each by one answer.
void answer_and_check(app::App& a) {
  if (a.view().session.stage == app::SessionStage::card) a.apply(app::action::CardDismiss{});
  const auto before = a.view().study.topics;
  const auto question = a.quiz().question();
  a.apply(app::action::QuizPick{0});
  a.apply(app::action::QuizConfirm{});
  REQUIRE(a.view().session.stage == app::SessionStage::feedback);
  const auto slots = a.study().index().slots_of(question);
  REQUIRE_FALSE(slots.empty());
  const auto& after = a.view().study.topics;
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    const bool of_question = std::find(slots.begin(), slots.end(), i) != slots.end();
    if (of_question) {
      CHECK_MESSAGE(after[i].answers == before[i].answers + 1, "row ", i, " of the answered question");
    } else {
      CHECK_MESSAGE(same_row(after[i], before[i]), "row ", i, " changed though the question is not about it");
    }
  }
  check_equals_full(a);
}
}  // namespace

TEST_CASE("the role x topic index lists each question under its own roles and topic only") {
  test::TempHome dir;  // XDG_DATA_HOME and XDG_CONFIG_HOME inside it
  const auto bank = big_bank(dir);
  const core::BankIndex index(bank);
  REQUIRE(index.slots() == bank.roles.size() * bank.topics.size());
  std::size_t listed = 0;
  for (std::size_t slot = 0; slot < index.slots(); ++slot)
    for (auto q : index.questions_in(slot)) {
      ++listed;
      const auto& question = bank.questions[q];
      CHECK(question.topic == bank.topics[index.topic_of(slot)].id);
      CHECK(std::count(question.roles.begin(), question.roles.end(), bank.roles[index.role_of(slot)].id) == 1);
      const auto back = index.slots_of(q);
      CHECK(std::find(back.begin(), back.end(), slot) != back.end());
    }
  std::size_t pairs = 0;
  for (const auto& question : bank.questions) pairs += question.roles.size();
  CHECK(listed == pairs);
}

TEST_CASE("after an answer or an undo only that question's rows change and the view equals a full rebuild") {
  // A clock that stands still: the view and the full rebuild it is compared with are computed a
  // moment apart, and on a busy machine a running clock moves mastery by more than the tolerance.
  test::TempHome dir;  // XDG_DATA_HOME and XDG_CONFIG_HOME inside it
  auto opened = std::make_unique<app::App>(store::Store::open(dir / "rolepath.db"), big_bank(dir), app::Clock::fixed_at(t0),
                                           app::AppOptions{});
  app::App& a = *opened;
  check_equals_full(a);

  // A quiz over the whole bank, then one kept to a few topics so the same pairs are hit again.
  for (const auto& topics : {std::vector<std::string>{}, std::vector<std::string>{"t0001", "t0002", "t0003", "t0004"}}) {
    a.apply(app::action::SetQuizSetup{{{}, topics, 12}});
    a.apply(app::action::QuizStart{});
    while (a.view().session.running()) {
      answer_and_check(a);
      a.apply(app::action::QuizNext{});
    }
    check_equals_full(a);
  }

  // An undo puts the rows back as they were before the answer.
  a.apply(app::action::QuizStart{});
  const auto before = a.view().study.topics;
  answer_and_check(a);
  a.apply(app::action::QuizUndo{});
  REQUIRE(a.view().study.topics.size() == before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    const auto& row = a.view().study.topics[i];
    CHECK_MESSAGE((row.answers == before[i].answers && row.seen == before[i].seen &&
                   row.score == doctest::Approx(before[i].score).epsilon(score_tolerance)),
                  "row ", i, " after the undo");
  }
  check_equals_full(a);
  a.apply(app::action::QuizQuit{});

  // Review, the next day: due questions and weak topics, study cards included.
  a.clock().set(t0 + 86'400'000 + 3'600'000);
  a.apply(app::action::ReviewStart{});
  REQUIRE(a.view().session.running());
  for (int i = 0; i < 8 && a.view().session.running(); ++i) {
    answer_and_check(a);
    a.apply(app::action::QuizNext{});
  }
  a.apply(app::action::QuizQuit{});
  check_equals_full(a);

  // The session's end left this week's mastery of every role and topic on record, as computed.
  const auto monday = core::monday_of(app::Clock::local_day(a.clock().now()));
  const auto stored = store::mastery_week(a.store(), a.profile_id(), monday);
  const auto mastery = a.study().mastery();
  REQUIRE(stored.size() == mastery.size());
  for (const auto& point : stored) {
    const auto* role = a.bank().find_role(point.role);
    const auto* topic = a.bank().find_topic(point.topic);
    REQUIRE(role);
    REQUIRE(topic);
    const auto slot = a.study().index().slot(static_cast<std::size_t>(role - a.bank().roles.data()),
                                             static_cast<std::size_t>(topic - a.bank().topics.data()));
    CHECK(point.score == doctest::Approx(mastery[slot].mastery.score).epsilon(score_tolerance));
  }

  // A new start of the App on the same file shows the same.
  const auto shown = a.view().study.topics;
  opened.reset();  // closes the database before it is opened again
  app::App again(store::Store::open(dir / "rolepath.db"), big_bank(dir), app::Clock::fixed_at(t0 + 86'400'000 + 3'600'000), {});
  REQUIRE(again.view().study.topics.size() == shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) CHECK_MESSAGE(again.view().study.topics[i].answers == shown[i].answers, "row ", i);
}
