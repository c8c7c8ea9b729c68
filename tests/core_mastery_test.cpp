// Mastery kept as running sums (core::MasteryTally): after any sequence of answers, misses,
// resets and undos, replacing one question's term gives exactly what summing every question of
// the topic gives, so an answer never has to walk its whole topic.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "core/fsrs.hpp"
#include "core/mastery.hpp"

using namespace rp::core;

namespace {
constexpr TimeMs day = 86'400'000;

bool same(const TopicMastery& a, const TopicMastery& b) {
  return a.score == b.score && a.seen == b.seen && a.total == b.total && a.level == b.level;
}

// The plain mean the tally stands for, in floating point.
double plain_mean(const std::vector<std::optional<CardState>>& cards, TimeMs as_of, const Fsrs& fsrs) {
  double sum = 0;
  for (const auto& card : cards)
    if (card) sum += recall_in_a_week(*card, as_of, fsrs);
  return cards.empty() ? 0.0 : sum / static_cast<double>(cards.size());
}
}  // namespace

TEST_CASE("a running mastery tally equals a full recomputation over random answer sequences") {
  const Fsrs fsrs;
  std::mt19937_64 random(17);
  for (int sequence = 0; sequence < 200; ++sequence) {
    const auto questions = static_cast<std::size_t>(1 + random() % 130);
    std::vector<std::optional<CardState>> cards(questions);
    // Mastery is evaluated as of one moment; answers are given after it, as in a session.
    const TimeMs as_of = static_cast<TimeMs>(random() % 400) * day;
    TimeMs now = as_of;
    MasteryTally tally;
    for (const auto& card : cards) tally.add(recall_term(card, as_of, fsrs));
    REQUIRE(same(tally.mastery(), topic_mastery(cards, as_of, fsrs)));
    std::vector<std::optional<CardState>> undo;
    for (int step = 0; step < 300; ++step) {
      const auto q = static_cast<std::size_t>(random() % questions);
      const auto before = cards[q];
      switch (random() % 10) {
        case 0: cards[q].reset(); break;  // the question is started over
        case 1:                           // an answer undone
          if (!undo.empty() && undo.back()) cards[q] = undo.back();
          break;
        default:
          now += static_cast<TimeMs>(random() % (3 * day));
          cards[q] = fsrs.review(cards[q], now, static_cast<Grade>(1 + random() % 4));
      }
      undo.push_back(before);
      tally.replace(recall_term(before, as_of, fsrs), recall_term(cards[q], as_of, fsrs));
      const auto full = topic_mastery(cards, as_of, fsrs);
      CHECK_MESSAGE(same(tally.mastery(), full), "sequence ", sequence, " step ", step, ": running ",
                    tally.mastery().score, " against ", full.score);
      if (!same(tally.mastery(), full)) return;  // one report is enough
    }
    // Fixed point is exact for sums, yet within a trillionth of the floating-point mean.
    CHECK(tally.mastery().score == doctest::Approx(plain_mean(cards, as_of, fsrs)).epsilon(1e-11));
  }
}

TEST_CASE("an answer given after the moment mastery is taken at counts as just given") {
  const Fsrs fsrs;
  const auto card = fsrs.review(std::nullopt, 10 * day, Grade::good);
  CHECK(recall_in_a_week(card, 9 * day, fsrs) == recall_in_a_week(card, 10 * day, fsrs));
  CHECK(recall_term(card, 9 * day, fsrs) == recall_term(card, 10 * day, fsrs));
  CHECK(recall_in_a_week(card, 11 * day, fsrs) < recall_in_a_week(card, 10 * day, fsrs));
  CHECK_FALSE(recall_term(std::nullopt, 10 * day, fsrs).has_value());
}
