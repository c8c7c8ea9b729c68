#include "core/mastery.hpp"

#include <algorithm>
#include <cmath>

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
  // A review after `now` (a clock set back, or a snapshot's reference time before the answer)
  // counts as just given.
  const double elapsed = static_cast<double>(std::max<TimeMs>(0, now - card.last_review)) / ms_per_day;
  return fsrs.retrievability(elapsed + 7.0, card.memory.stability);
}

RecallTerm recall_term(const std::optional<CardState>& card, TimeMs now, const Fsrs& fsrs) {
  if (!card) return std::nullopt;
  const double recall = std::clamp(recall_in_a_week(*card, now, fsrs), 0.0, 1.0);
  return static_cast<std::int64_t>(std::llround(recall * recall_term_scale));
}

void MasteryTally::add(const RecallTerm& term) {
  ++total_;
  if (!term) return;
  ++seen_;
  sum_ += *term;
}

void MasteryTally::remove(const RecallTerm& term) {
  --total_;
  if (!term) return;
  --seen_;
  sum_ -= *term;
}

TopicMastery MasteryTally::mastery() const {
  TopicMastery m;
  m.total = total_;
  m.seen = seen_;
  if (total_ > 0) m.score = static_cast<double>(sum_) / recall_term_scale / total_;
  m.level = level_for(m.score, m.seen);
  return m;
}

TopicMastery topic_mastery(const std::vector<std::optional<CardState>>& cards, TimeMs now, const Fsrs& fsrs) {
  // Through the tally, so a full computation and a running one agree to the last bit.
  MasteryTally tally;
  for (const auto& card : cards) tally.add(recall_term(card, now, fsrs));
  return tally.mastery();
}

MasteryLevel level_for(double score, int seen) {
  if (seen == 0) return MasteryLevel::not_started;
  if (score < 0.40) return MasteryLevel::attempted;
  if (score < 0.65) return MasteryLevel::familiar;
  if (score < 0.85) return MasteryLevel::proficient;
  return MasteryLevel::mastered;
}

}  // namespace rp::core
