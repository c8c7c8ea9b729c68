// The rules of spaced review in core/review: the learner day, what is due, the review order with
// siblings kept apart, the review length, and the shown order of options.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/quiz.hpp"
#include "core/review.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs hour = 3'600'000, day = 24 * hour;
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z, a Monday

core::CardState card_due(core::TimeMs due, double stability = 2, core::TimeMs last = t0 - 3 * day) {
  core::CardState card;
  card.memory = {stability, 5};
  card.last_review = last;
  card.due = due;
  card.reps = 1;
  return card;
}

core::Question question(core::QuestionKind kind, std::vector<std::string> options = {}) {
  // Strings built, then moved in: GCC 12 at -O3 warns falsely (-Wrestrict) on assigning literals.
  core::Question q;
  q.id = std::string("q");
  q.kind = kind;
  q.options = std::move(options);
  q.roles = std::vector<std::string>{"a", "b"};
  q.topic = std::string("t");
  return q;
}
}  // namespace

TEST_CASE("the learner day starts at the day-start hour, not at midnight") {
  const core::TimeMs midnight = core::days_from_civil(2026, 3, 2) * day;  // UTC, offset 0
  const core::DayStart four{4};
  CHECK(core::learner_day(midnight + 3 * hour, 0, four) == core::days_from_civil(2026, 3, 1));
  CHECK(core::learner_day(midnight + 4 * hour, 0, four) == core::days_from_civil(2026, 3, 2));
  CHECK(core::learner_day(midnight + 23 * hour, 0, four) == core::days_from_civil(2026, 3, 2));
  // With the day starting at midnight it is the calendar day; the offset moves the wall clock.
  CHECK(core::learner_day(midnight + 3 * hour, 0, core::DayStart{0}) == core::days_from_civil(2026, 3, 2));
  CHECK(core::learner_day(midnight + 3 * hour, 120, four) == core::days_from_civil(2026, 3, 2));
  CHECK(core::learner_day(midnight + 3 * hour, -60, four) == core::days_from_civil(2026, 3, 1));
}

TEST_CASE("a question is due today when it falls due before the day ends") {
  const core::TimeMs end = t0 + 10 * hour;
  CHECK(core::is_due(card_due(t0 - day), end));
  CHECK(core::is_due(card_due(end - 1), end));
  CHECK_FALSE(core::is_due(card_due(end), end));
}

TEST_CASE("review serves what is due first then extra practice and never two of one sibling group") {
  const core::Fsrs fsrs;
  const core::ReviewLimits limits{t0, t0 + 6 * hour, 10, 3};
  std::vector<core::ReviewCandidate> candidates;
  // 0 and 1 due, 1 less likely recalled (older review, lower stability); 2 due but a sibling of 1;
  // 3 due but its group was answered today; 4..7 not due, on weak topics of different scores.
  candidates.push_back({0, card_due(t0 - hour, 10, t0 - 5 * day), 0, 0.5});
  candidates.push_back({1, card_due(t0 - hour, 1, t0 - 9 * day), 1, 0.5});
  candidates.push_back({2, card_due(t0 - hour, 1, t0 - 9 * day), 1, 0.5});
  candidates.push_back({3, card_due(t0 - hour), 3, 0.5});
  candidates.push_back({4, std::nullopt, 4, 0.9});
  candidates.push_back({5, std::nullopt, 5, 0.2});
  candidates.push_back({6, card_due(t0 + 3 * day), 6, 0.2});
  candidates.push_back({7, std::nullopt, 7, std::nullopt});  // not on a weak topic: never extra practice
  const auto plan = core::plan_review(candidates, {3}, fsrs, limits);
  REQUIRE(plan.size() == 5);
  CHECK(plan[0].question == 1);
  CHECK(plan[0].reason == core::ReviewReason::due);
  CHECK(plan[1].question == 0);
  CHECK(plan[1].reason == core::ReviewReason::due);
  // Extra practice: the weakest topic first (0.2), the never-answered question before the one
  // recalled better; then 0.9. Limited to three.
  CHECK(plan[2].question == 5);
  CHECK(plan[3].question == 6);
  CHECK(plan[4].question == 4);
  for (std::size_t i = 2; i < plan.size(); ++i) CHECK(plan[i].reason == core::ReviewReason::extra);

  // The limit on due questions holds, and extra practice can be switched off.
  const auto short_plan = core::plan_review(candidates, {}, fsrs, {t0, t0 + 6 * hour, 2, 0});
  REQUIRE(short_plan.size() == 2);
  CHECK(short_plan[0].reason == core::ReviewReason::due);
  CHECK(short_plan[1].reason == core::ReviewReason::due);
}

TEST_CASE("review length follows what is due: ten extra when nothing is due and none from twenty due") {
  CHECK(core::extra_practice_for(0) == 10);
  CHECK(core::extra_practice_for(1) == 10);
  CHECK(core::extra_practice_for(2) == 9);
  CHECK(core::extra_practice_for(10) == 5);
  CHECK(core::extra_practice_for(19) == 1);
  CHECK(core::extra_practice_for(20) == 0);
  CHECK(core::extra_practice_for(500) == 0);
}

TEST_CASE("options are shown shuffled but true and false and Both keep their natural place") {
  core::Bank bank;
  bank.roles = {{"a", "Role A", ""}, {"b", "Role B", ""}};
  std::mt19937_64 random(7);
  const auto single = question(core::QuestionKind::single, {"w", "x", "y", "z"});
  std::set<std::vector<std::size_t>> seen;
  for (int i = 0; i < 50; ++i) {
    auto order = core::shown_order(bank, single, random);
    seen.insert(order);
    std::sort(order.begin(), order.end());
    CHECK(order == std::vector<std::size_t>{0, 1, 2, 3});  // each option once
  }
  CHECK(seen.size() > 10);  // 24 orders exist; 50 draws meet most of them

  const auto tf = question(core::QuestionKind::true_false);
  for (int i = 0; i < 10; ++i) CHECK(core::shown_order(bank, tf, random) == std::vector<std::size_t>{0, 1});

  auto which = question(core::QuestionKind::which_role);
  which.answer_roles = {"a"};
  std::set<std::size_t> first_shown;
  for (int i = 0; i < 30; ++i) {
    const auto order = core::shown_order(bank, which, random);
    REQUIRE(order.size() == 3);
    CHECK(order.back() == 2);  // "Both" last
    first_shown.insert(order.front());
  }
  CHECK(first_shown == std::set<std::size_t>{0, 1});  // the roles themselves do move
}

TEST_CASE("a shown order is stored as text and read back and bad text reads as nothing") {
  CHECK(core::encode_order({2, 0, 1}) == "2,0,1");
  CHECK(core::decode_order("2,0,1") == std::vector<std::size_t>{2, 0, 1});
  CHECK(core::decode_order("").empty());
  CHECK(core::decode_order("2,,1").empty());
  CHECK(core::decode_order("2;1").empty());
  CHECK(core::decode_order("-1").empty());
}

TEST_CASE("questions that test one fact form one sibling group and a quiz keeps one of each") {
  core::Bank bank;
  bank.roles = {{"a", "Role A", ""}};
  bank.topics = {{"t", "Topic"}};
  for (const char* fact : {"f1", "f2", "f1", "", ""}) {
    core::Question q = question(core::QuestionKind::true_false);
    q.roles = {"a"};
    q.fact = fact;
    bank.questions.push_back(q);
  }
  const core::BankIndex index(bank);
  CHECK(index.sibling_group(0) == index.sibling_group(2));
  CHECK(index.sibling_group(0) != index.sibling_group(1));
  CHECK(index.sibling_group(3) != index.sibling_group(4));  // no fact: a group of its own
  CHECK(core::one_per_sibling_group({2, 1, 0, 4, 3}, index) == std::vector<std::size_t>{2, 1, 4, 3});
}
