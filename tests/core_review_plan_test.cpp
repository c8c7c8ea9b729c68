// The review order over many candidates: plan_review finds its order only as far as it takes
// (a heap), and must serve exactly what sorting every candidate (the rule as written in
// core/review.hpp) serves, ties in the candidates' order included.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <unordered_set>
#include <vector>

#include "core/review.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs day = 86'400'000;
constexpr core::TimeMs t0 = 1'772'474'400'000;

// The rule written out plainly: every candidate sorted (stable), then taken in that order.
std::vector<core::ReviewPick> sorted_plan(const std::vector<core::ReviewCandidate>& candidates,
                                          const std::set<std::size_t>& buried, const core::Fsrs& fsrs,
                                          const core::ReviewLimits& limits) {
  auto recall = [&](const core::ReviewCandidate& c) {
    if (!c.card) return 0.0;
    return fsrs.retrievability(static_cast<double>(limits.now - c.card->last_review) / core::ms_per_day,
                               c.card->memory.stability);
  };
  std::vector<const core::ReviewCandidate*> due, extra;
  for (const auto& c : candidates) {
    if (buried.count(c.sibling_group)) continue;
    if (c.card && core::is_due(*c.card, limits.day_end))
      due.push_back(&c);
    else if (c.weak_score && *c.weak_score <= 1.0)
      extra.push_back(&c);
  }
  std::stable_sort(due.begin(), due.end(), [&](auto* a, auto* b) { return recall(*a) < recall(*b); });
  std::stable_sort(extra.begin(), extra.end(), [&](auto* a, auto* b) {
    if (*a->weak_score != *b->weak_score) return *a->weak_score < *b->weak_score;
    return recall(*a) < recall(*b);
  });
  std::vector<core::ReviewPick> plan;
  std::unordered_set<std::size_t> served;
  auto take = [&](const auto& list, core::ReviewReason reason, std::size_t limit) {
    std::size_t taken = 0;
    for (auto* c : list) {
      if (taken >= limit) break;
      if (!served.insert(c->sibling_group).second) continue;
      plan.push_back({c->question, reason});
      ++taken;
    }
  };
  take(due, core::ReviewReason::due, limits.due_limit);
  take(extra, core::ReviewReason::extra, limits.extra_limit);
  return plan;
}
}  // namespace

TEST_CASE("the review plan over thousands of candidates equals sorting them all with ties in order") {
  const core::Fsrs fsrs;
  std::mt19937_64 random(11);
  for (int round = 0; round < 60; ++round) {
    const auto count = static_cast<std::size_t>(1 + random() % 3000);
    std::vector<core::ReviewCandidate> candidates;
    for (std::size_t q = 0; q < count; ++q) {
      core::ReviewCandidate c;
      c.question = q;
      // Few groups, few scores and few distinct cards, so siblings and ties abound.
      c.sibling_group = random() % (count / 2 + 1);
      if (random() % 3 != 0) {
        core::CardState card;
        card.last_review = t0 - static_cast<core::TimeMs>(random() % 5) * day;
        card.memory.stability = 1.0 + static_cast<double>(random() % 4);
        card.due = t0 + (static_cast<core::TimeMs>(random() % 7) - 3) * day;
        c.card = card;
      }
      if (random() % 4 != 0) c.weak_score = static_cast<double>(random() % 5) / 4.0;
      candidates.push_back(c);
    }
    std::set<std::size_t> buried;
    for (int i = 0; i < 5; ++i) buried.insert(random() % (count / 2 + 1));
    const core::ReviewLimits limits{t0, t0 + day / 4, static_cast<std::size_t>(random() % 60),
                                    static_cast<std::size_t>(random() % 12)};
    const auto plan = core::plan_review(candidates, buried, fsrs, limits);
    const auto expected = sorted_plan(candidates, buried, fsrs, limits);
    REQUIRE(plan.size() == expected.size());
    for (std::size_t i = 0; i < plan.size(); ++i) {
      CHECK_MESSAGE(plan[i].question == expected[i].question, "round ", round, " place ", i);
      CHECK(plan[i].reason == expected[i].reason);
    }
  }
}
