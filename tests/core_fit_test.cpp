#include <doctest/doctest.h>
#include <fmt/format.h>

#include <set>

#include "core/fit.hpp"

using namespace rp::core;

namespace {
// Eight statements over four topics: four point to "arch" (two of them reverse-keyed: agreeing
// points away from "eng"), four to "eng".
Bank small_bank(bool swap_roles = false) {
  Bank bank;
  bank.roles = {{"arch", "AI Architect", ""}, {"eng", "ML Engineer", ""}};
  if (swap_roles) std::swap(bank.roles[0], bank.roles[1]);
  bank.topics = {{"t1", "T1"}, {"t2", "T2"}, {"t3", "T3"}, {"t4", "T4"}};
  const char* topics[] = {"t1", "t2", "t3", "t4"};
  for (int i = 0; i < 16; ++i) {
    Statement s;
    // fmt rather than "literal" + std::to_string: GCC 12 at -O3 warns (-Wrestrict) on the latter.
    s.id = fmt::format("s{}", i);
    s.text = fmt::format("I like thing {}", i);
    s.topic = topics[i % 4];
    const double strong = 0.5 + 0.1 * (i % 4);
    if (i % 2 == 0) {
      s.weights = {{"arch", strong}, {"eng", -0.3}};
    } else {
      s.weights = {{"arch", -0.3}, {"eng", strong}};
    }
    bank.statements.push_back(s);
  }
  return bank;
}

// Leader minus runner-up, turned into "arch minus eng" whichever leads.
double arch_minus_eng(const Bank& bank, const FitResult& r) {
  return bank.roles[r.leader].id == "arch" ? r.difference : -r.difference;
}

std::vector<FitAnswer> answers_where(const Bank& bank, int when_arch, int when_eng) {
  std::vector<FitAnswer> answers;
  for (std::size_t i = 0; i < bank.statements.size(); ++i)
    answers.push_back({i, bank.statements[i].weights.at("arch") > 0 ? when_arch : when_eng});
  return answers;
}
}  // namespace

TEST_CASE("fit: a learner who agrees with one role's statements gets that role") {
  const auto bank = small_bank();
  const auto r = score_fit(bank, answers_where(bank, 5, 1));
  REQUIRE(r.suggested);
  CHECK(bank.roles[*r.suggested].id == "arch");
  CHECK(r.sure > 0.95);
  CHECK(r.difference_low > 0);
  CHECK(r.roles[0].score > 80);
  CHECK(r.roles[1].score < 20);
  CHECK(fit_sentence(bank, r).find("AI Architect fits you better") == 0);
  CHECK(fit_sentence(bank, r).find("% sure") != std::string::npos);
}

TEST_CASE("fit: scoring is symmetric when the roles are swapped") {
  const auto bank = small_bank(false), swapped = small_bank(true);
  const auto answers = std::vector<FitAnswer>{{0, 5}, {1, 2}, {2, 4}, {3, 3}, {4, 5}, {5, 1}, {6, 4}, {7, 2}};
  const auto a = score_fit(bank, answers), b = score_fit(swapped, answers);
  CHECK(bank.roles[a.leader].id == swapped.roles[b.leader].id);
  CHECK(a.difference == doctest::Approx(b.difference));
  CHECK(a.sure == doctest::Approx(b.sure));
  CHECK(a.roles[0].score == doctest::Approx(b.roles[1].score));
  // Mirrored answers give the mirrored result.
  const auto mirrored = score_fit(bank, answers_where(bank, 1, 5));
  const auto original = score_fit(bank, answers_where(bank, 5, 1));
  CHECK(arch_minus_eng(bank, mirrored) == doctest::Approx(-arch_minus_eng(bank, original)));
}

TEST_CASE("fit: more agreement with a statement never moves the result away from its role") {
  const auto bank = small_bank();
  auto answers = std::vector<FitAnswer>{{0, 3}, {1, 4}, {2, 2}, {3, 3}, {4, 4}, {5, 2}, {6, 3}, {7, 5}};
  for (std::size_t k = 0; k < answers.size(); ++k) {
    const bool points_to_arch = bank.statements[answers[k].statement].weights.at("arch") > 0;
    double previous = points_to_arch ? -2 : 2;
    for (int likert = 1; likert <= 5; ++likert) {
      answers[k].likert = likert;
      const double d = arch_minus_eng(bank, score_fit(bank, answers));
      CAPTURE(k);
      CAPTURE(likert);
      if (points_to_arch) {
        CHECK(d >= previous - 1e-12);
      } else {
        CHECK(d <= previous + 1e-12);
      }
      previous = d;
    }
    answers[k].likert = 3;
  }
}

TEST_CASE("fit: reverse-keyed statements count against the role they point away from") {
  Bank bank = small_bank();
  // Only statements whose agreement points away from "arch"; disagreeing with them favours arch.
  std::vector<FitAnswer> answers;
  for (std::size_t i = 0; i < bank.statements.size(); ++i)
    if (bank.statements[i].weights.at("arch") < 0) answers.push_back({i, 1});
  const auto r = score_fit(bank, answers);
  CHECK(bank.roles[r.leader].id == "arch");
  CHECK(r.roles[0].score > 50);
}

TEST_CASE("fit: all-neutral answers give no clear preference with that reason") {
  const auto bank = small_bank();
  const auto r = score_fit(bank, answers_where(bank, 3, 3));
  CHECK_FALSE(r.suggested);
  CHECK(r.no_preference == NoPreference::all_neutral);
  CHECK(fit_sentence(bank, r).find("No clear preference") == 0);
  CHECK(fit_sentence(bank, r).find("neutral") != std::string::npos);
  CHECK(fit_is_settled(r));
}

TEST_CASE("fit: straight-lining is flagged and never invents a winner") {
  const auto bank = small_bank();
  for (int likert : {1, 2, 4, 5}) {
    CAPTURE(likert);
    const auto r = score_fit(bank, answers_where(bank, likert, likert));
    CHECK_FALSE(r.suggested);
    CHECK(r.no_preference == NoPreference::straight_lined);
    CHECK(fit_sentence(bank, r).find("same answer") != std::string::npos);
  }
}

TEST_CASE("fit: the interval holds the estimate and the sure figure lies in [0.5 1]") {
  const auto bank = small_bank();
  const auto r = score_fit(bank, {{0, 4}, {1, 3}, {2, 4}, {3, 2}});
  CHECK(r.difference_low <= r.difference);
  CHECK(r.difference <= r.difference_high);
  CHECK(r.sure >= 0.5);
  CHECK(r.sure <= 1.0);
  for (const auto& role : r.roles) {
    CHECK(role.low <= role.score);
    CHECK(role.score <= role.high);
  }
  CHECK_FALSE(fit_is_settled(r));  // fewer than the minimum number of statements
}

TEST_CASE("fit: reasons and the pivot explain the result") {
  const auto bank = small_bank();
  auto answers = answers_where(bank, 4, 2);
  answers[0].likert = 5;
  const auto r = score_fit(bank, answers);
  REQUIRE(r.suggested);
  REQUIRE_FALSE(r.toward_leader.empty());
  CHECK(r.toward_leader.size() <= 3);
  CHECK(r.toward_leader[0].push >= r.toward_leader.back().push);
  REQUIRE(r.pivot);
  // Re-scoring with the pivot answer changed gives the promised difference.
  for (auto& a : answers)
    if (a.statement == r.pivot->statement) a.likert = r.pivot_alternative;
  const auto changed = score_fit(bank, answers);
  CHECK(arch_minus_eng(bank, changed) == doctest::Approx(r.pivot_difference));
  CHECK(r.pivot_difference < r.difference);
}

TEST_CASE("next statement: covers every topic first and never repeats or serves a skipped one early") {
  const auto bank = small_bank();
  std::vector<FitAnswer> answers;
  std::set<std::size_t> seen, topics;
  const std::set<std::size_t> skipped = {3};
  for (int step = 0; step < 4; ++step) {
    const auto next = next_statement(bank, answers, skipped, 7);
    REQUIRE(next);
    CHECK(seen.insert(*next).second);
    CHECK(*next != 3);
    topics.insert(*next % 4);
    answers.push_back({*next, 4});
  }
  CHECK(topics.size() == 4);
  while (auto next = next_statement(bank, answers, skipped, 7)) {
    CHECK(seen.insert(*next).second);
    answers.push_back({*next, 4});
  }
  CHECK(seen.size() == bank.statements.size());  // the skipped one came back last
  CHECK(answers.back().statement == 3);
}

TEST_CASE("next statement: the same answers and seed give the same order") {
  const auto bank = small_bank();
  std::vector<FitAnswer> a, b;
  for (int i = 0; i < 10; ++i) {
    const auto x = next_statement(bank, a, {}, 42), y = next_statement(bank, b, {}, 42);
    REQUIRE(x);
    CHECK(x == y);
    a.push_back({*x, 2 + i % 3});
    b.push_back({*y, 2 + i % 3});
  }
}

TEST_CASE("fit: a few answers do not pass for a strong certain lead - the prior on leads gives way as answers come") {
  const auto bank = small_bank();
  const auto all = answers_where(bank, 5, 1);  // every answer as far toward arch as the scale goes
  const auto few = std::vector<FitAnswer>(all.begin(), all.begin() + 4);
  const auto a = score_fit(bank, few), b = score_fit(bank, all);
  // The answers alone say the largest lead there is (1); the lead reported is pulled toward none,
  // much more after four answers than after sixteen.
  CHECK(arch_minus_eng(bank, a) < 0.8);
  CHECK(arch_minus_eng(bank, b) > arch_minus_eng(bank, a));
  CHECK(arch_minus_eng(bank, b) > 0.9);
  CHECK(a.sure < b.sure);
  CHECK(b.sure > 0.99);
  // "Sure" and the interval say the same thing: 95% sure when the 90% interval just excludes no lead.
  for (const auto& r : {a, b}) CHECK((r.difference_low > 0) == (r.sure > 0.95));
}
