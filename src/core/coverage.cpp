#include "core/coverage.hpp"

#include <algorithm>
#include <climits>

namespace rp::core {

namespace {
int index_of_role(const Bank& bank, const std::string& role_id) {
  for (std::size_t i = 0; i < bank.roles.size(); ++i)
    if (bank.roles[i].id == role_id) return static_cast<int>(i);
  return -1;
}
}  // namespace

int Coverage::min_questions_per_pair() const {
  int lowest = INT_MAX;
  for (const auto& row : questions)
    for (int count : row) lowest = std::min(lowest, count);
  return lowest == INT_MAX ? 0 : lowest;
}

Coverage compute_coverage(const Bank& bank) {
  Coverage coverage;
  const auto role_count = bank.roles.size();
  coverage.questions.assign(bank.topics.size(), std::vector<int>(role_count, 0));
  coverage.statements_toward.assign(role_count, 0);
  coverage.statements_away.assign(role_count, 0);
  coverage.positive_weight.assign(role_count, 0.0);

  // Through the index: a search of every topic per question grows with topics x questions.
  const BankIndex index(bank);
  for (std::size_t q = 0; q < bank.questions.size(); ++q) {
    const auto& question = bank.questions[q];
    ++coverage.questions_by_kind[static_cast<std::size_t>(question.kind)];
    if (question.source == "general") ++coverage.general_questions;
    for (auto slot : index.slots_of(q)) ++coverage.questions[index.topic_of(slot)][index.role_of(slot)];
  }
  for (const auto& statement : bank.statements) {
    for (const auto& [role_id, weight] : statement.weights) {
      const int role = index_of_role(bank, role_id);
      if (role < 0) continue;
      const auto r = static_cast<std::size_t>(role);
      if (weight > 0) {
        ++coverage.statements_toward[r];
        coverage.positive_weight[r] += weight;
      } else if (weight < 0) {
        ++coverage.statements_away[r];
      }
    }
  }
  coverage.cards = static_cast<int>(bank.cards.size());
  return coverage;
}

}  // namespace rp::core
