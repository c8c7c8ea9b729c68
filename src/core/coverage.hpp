#pragma once
// How well a bank covers each role and topic: the numbers `rolepath check-bank` prints and the
// bank tests hold to their thresholds.
#include <array>
#include <vector>

#include "core/bank.hpp"

namespace rp::core {

struct Coverage {
  // questions[t][r]: questions about topic t (bank order) that name role r among their roles.
  std::vector<std::vector<int>> questions;
  std::vector<int> statements_toward;   // per role: statements with a positive weight for it
  std::vector<int> statements_away;     // per role: statements with a negative weight for it
  std::vector<double> positive_weight;  // per role: sum of positive weights
  std::array<int, 4> questions_by_kind{};  // indexed by QuestionKind
  int general_questions = 0;
  int cards = 0;

  int min_questions_per_pair() const;
};

Coverage compute_coverage(const Bank& bank);

}  // namespace rp::core
