#pragma once
// Mastery of a role's topic, in the spirit of Khan Academy's levels, from the memory state of the
// topic's questions. It decays as days pass without review. docs/review.md explains the rule.
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

// The chance of recalling a card a week from now: what "knowing it" means for mastery. A fresh
// wrong answer does not count as known the moment it is given, and one right answer is not yet
// mastery: that takes a second, spaced success.
double recall_in_a_week(const CardState& card, TimeMs now, const Fsrs& fsrs);

}  // namespace rp::core
