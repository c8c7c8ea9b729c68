#pragma once
// Mastery of a role's topic, in the spirit of Khan Academy's levels, from the memory state of the
// topic's questions. It decays as days pass without review. docs/review.md explains the rule.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/fsrs.hpp"

namespace rp::core {

enum class MasteryLevel { not_started, attempted, familiar, proficient, mastered };
std::string_view to_string(MasteryLevel level);

struct TopicMastery {
  MasteryLevel level = MasteryLevel::not_started;
  double score = 0;  // 0..1: mean chance of recalling each question a week from now (unseen count 0)
  int seen = 0;
  int total = 0;
};

// The level for a mastery score (0..1) once anything has been seen.
MasteryLevel level_for(double score, int seen);

// `cards` holds one entry per question of the topic; unset means never answered.
TopicMastery topic_mastery(const std::vector<std::optional<CardState>>& cards, TimeMs now, const Fsrs& fsrs);

// The chance of recalling a card a week from now (or from its last review, if that is later):
// what "knowing it" means for mastery. A fresh wrong answer does not count as known the moment
// it is given, and one right answer is not yet mastery: that takes a second, spaced success.
double recall_in_a_week(const CardState& card, TimeMs now, const Fsrs& fsrs);

// One question's share of its topic's mastery: its recall_in_a_week in fixed point, or nothing
// while it was never answered. Fixed point makes sums exact, so taking a term out and putting
// another in gives the very figure a sum over every question gives, in any order.
using RecallTerm = std::optional<std::int64_t>;
RecallTerm recall_term(const std::optional<CardState>& card, TimeMs now, const Fsrs& fsrs);

// A topic's mastery as running sums of its questions' terms, so an answer changes one term
// instead of summing the whole topic again: the same cost for 2 questions as for 124.
class MasteryTally {
 public:
  void add(const RecallTerm& term);
  void remove(const RecallTerm& term);
  void replace(const RecallTerm& before, const RecallTerm& after) {
    remove(before);
    add(after);
  }
  TopicMastery mastery() const;

 private:
  int total_ = 0, seen_ = 0;
  std::int64_t sum_ = 0;  // in units of 1 / recall_term_scale
};
inline constexpr double recall_term_scale = 1099511627776.0;  // 2^40: 5,000 terms of at most 1 fit in 53 bits

}  // namespace rp::core
