#include <doctest/doctest.h>

#include "core/bank.hpp"
#include "core/coverage.hpp"

using namespace rp::core;

namespace {
Bank two_role_bank() {
  Bank bank;
  bank.roles = {{"arch", "Architect", "Designs"}, {"eng", "Engineer", "Builds"}};
  bank.topics = {{"skills", "Skills"}, {"tools", "Tools"}};
  Question q;
  q.id = "q1";
  q.roles = {"arch", "eng"};
  q.topic = "skills";
  q.kind = QuestionKind::which_role;
  q.prompt = "Who?";
  q.answer_roles = {"arch", "eng"};
  q.explanation = "Both.";
  q.source = "skills";
  bank.questions.push_back(q);
  q.id = "q2";
  q.roles = {"eng"};
  q.topic = "tools";
  q.kind = QuestionKind::single;
  q.options = {"a", "b"};
  q.answer_indices = {1};
  q.source = "general";
  bank.questions.push_back(q);
  bank.statements.push_back({"s1", "I like design", "skills", {{"arch", 0.8}, {"eng", -0.4}}});
  bank.statements.push_back({"s2", "I like models", "skills", {{"eng", 0.6}}});
  return bank;
}
}  // namespace

TEST_CASE("question kinds round-trip through their names") {
  for (auto kind : {QuestionKind::single, QuestionKind::multi, QuestionKind::true_false, QuestionKind::which_role})
    CHECK(question_kind_from_string(to_string(kind)) == kind);
  CHECK_FALSE(question_kind_from_string("essay").has_value());
}

TEST_CASE("coverage counts a question about both roles for each role") {
  const auto coverage = compute_coverage(two_role_bank());
  CHECK(coverage.questions[0][0] == 1);  // skills x arch
  CHECK(coverage.questions[0][1] == 1);  // skills x eng
  CHECK(coverage.questions[1][0] == 0);  // tools x arch
  CHECK(coverage.questions[1][1] == 1);
  CHECK(coverage.min_questions_per_pair() == 0);
  CHECK(coverage.general_questions == 1);
  CHECK(coverage.questions_by_kind[static_cast<int>(QuestionKind::which_role)] == 1);
}

TEST_CASE("coverage sums statement weights toward and away from each role") {
  const auto coverage = compute_coverage(two_role_bank());
  CHECK(coverage.statements_toward[0] == 1);
  CHECK(coverage.statements_toward[1] == 1);
  CHECK(coverage.statements_away[1] == 1);
  CHECK(coverage.positive_weight[0] == doctest::Approx(0.8));
  CHECK(coverage.positive_weight[1] == doctest::Approx(0.6));
}

TEST_CASE("content hash changes when what the learner sees changes and only then") {
  const auto bank = two_role_bank();
  Question q = bank.questions[1];
  const auto original = content_hash(q);
  CHECK(content_hash(q) == original);
  q.prompt += "?";
  CHECK(content_hash(q) != original);
  q = bank.questions[1];
  q.answer_indices = {0};
  CHECK(content_hash(q) != original);
  q = bank.questions[1];
  q.options = {"ab", ""};  // same characters, split differently
  Question r = bank.questions[1];
  r.options = {"a", "b"};
  CHECK(content_hash(q) != content_hash(r));

  Statement s = bank.statements[0];
  const auto statement_hash = content_hash(s);
  s.weights["arch"] = 0.7;
  CHECK(content_hash(s) != statement_hash);
}

TEST_CASE("bank lookups find roles topics and cards by id") {
  auto bank = two_role_bank();
  bank.cards.push_back({"arch", "skills", "Study this."});
  CHECK(bank.find_role("eng")->name == "Engineer");
  CHECK(bank.find_role("nobody") == nullptr);
  CHECK(bank.find_topic("tools")->name == "Tools");
  CHECK(bank.find_card("arch", "skills") != nullptr);
  CHECK(bank.find_card("eng", "skills") == nullptr);
}
