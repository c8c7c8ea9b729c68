#include "core/mastery.hpp"

namespace rp::core {

std::string_view to_string(MasteryLevel level) {
  switch (level) {
    case MasteryLevel::not_started: return "Not started";
    case MasteryLevel::attempted: return "Attempted";
    case MasteryLevel::familiar: return "Familiar";
    case MasteryLevel::proficient: return "Proficient";
    case MasteryLevel::mastered: return "Mastered";
  }
  return "Not started";
}

double recall_in_a_week(const CardState& card, TimeMs now, const Fsrs& fsrs) {
  const double elapsed = static_cast<double>(now - card.last_review) / ms_per_day;
  return fsrs.retrievability(elapsed + 7.0, card.memory.stability);
}

TopicMastery topic_mastery(const std::vector<std::optional<CardState>>& cards, TimeMs now, const Fsrs& fsrs) {
  TopicMastery m;
  m.total = static_cast<int>(cards.size());
  double sum = 0;
  for (const auto& card : cards) {
    if (!card) continue;
    ++m.seen;
    sum += recall_in_a_week(*card, now, fsrs);
  }
  if (m.total > 0) m.score = sum / m.total;
  m.level = level_for(m.score, m.seen);
  return m;
}

MasteryLevel level_for(double score, int seen) {
  if (seen == 0) return MasteryLevel::not_started;
  if (score < 0.40) return MasteryLevel::attempted;
  if (score < 0.65) return MasteryLevel::familiar;
  if (score < 0.85) return MasteryLevel::proficient;
  return MasteryLevel::mastered;
}

}  // namespace rp::core
