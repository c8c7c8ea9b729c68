#include "core/fsrs.hpp"

#include <algorithm>
#include <cmath>

namespace rp::core {

namespace {
// Stability lives in [0.001, 36500] days, as in ts-fsrs and fsrs-rs (S_MIN, S_MAX).
constexpr double min_stability = 0.001;
constexpr double max_stability = 36500.0;
double clamp_difficulty(double d) { return std::clamp(d, 1.0, 10.0); }
double clamp_stability(double s) { return std::clamp(s, min_stability, max_stability); }
double g(Grade grade) { return static_cast<double>(static_cast<int>(grade)); }
}  // namespace

Fsrs::Fsrs(FsrsParameters parameters) : p_(parameters) {
  decay_ = -p_.w[20];
  factor_ = std::pow(0.9, 1.0 / decay_) - 1.0;
}

double Fsrs::retrievability(double elapsed_days, double stability) const {
  return std::pow(1.0 + factor_ * std::max(0.0, elapsed_days) / stability, decay_);
}

double Fsrs::interval_days(double stability) const {
  return stability / factor_ * (std::pow(p_.desired_retention, 1.0 / decay_) - 1.0);
}

double Fsrs::initial_difficulty(Grade grade) const { return p_.w[4] - std::exp(p_.w[5] * (g(grade) - 1.0)) + 1.0; }

MemoryState Fsrs::initial(Grade grade) const {
  return {clamp_stability(p_.w[static_cast<int>(grade) - 1]), clamp_difficulty(initial_difficulty(grade))};
}

double Fsrs::next_difficulty(double difficulty, Grade grade) const {
  const double delta = -p_.w[6] * (g(grade) - 3.0);
  const double damped = difficulty + delta * (10.0 - difficulty) / 9.0;
  // Mean reversion toward the (unclamped) initial difficulty of an Easy first answer.
  return clamp_difficulty(p_.w[7] * initial_difficulty(Grade::easy) + (1.0 - p_.w[7]) * damped);
}

double Fsrs::recall_stability(const MemoryState& s, double r, Grade grade) const {
  const double hard_penalty = grade == Grade::hard ? p_.w[15] : 1.0;
  const double easy_bonus = grade == Grade::easy ? p_.w[16] : 1.0;
  return s.stability * (std::exp(p_.w[8]) * (11.0 - s.difficulty) * std::pow(s.stability, -p_.w[9]) *
                            (std::exp((1.0 - r) * p_.w[10]) - 1.0) * hard_penalty * easy_bonus +
                        1.0);
}

double Fsrs::forget_stability(const MemoryState& s, double r) const {
  const double long_term = p_.w[11] * std::pow(s.difficulty, -p_.w[12]) *
                           (std::pow(s.stability + 1.0, p_.w[13]) - 1.0) * std::exp((1.0 - r) * p_.w[14]);
  const double short_term = s.stability / std::exp(p_.w[17] * p_.w[18]);
  return std::min(long_term, short_term);
}

double Fsrs::same_day_stability(double stability, Grade grade) const {
  double increase = std::exp(p_.w[17] * (g(grade) - 3.0 + p_.w[18])) * std::pow(stability, -p_.w[19]);
  // Only Again may lower stability the same day: Hard, Good and Easy keep at least what it was.
  if (grade != Grade::again) increase = std::max(increase, 1.0);
  return stability * increase;
}

MemoryState Fsrs::next(const MemoryState& state, double elapsed_days, Grade grade) const {
  MemoryState next;
  next.difficulty = next_difficulty(state.difficulty, grade);
  if (elapsed_days < 1.0) {
    next.stability = clamp_stability(same_day_stability(state.stability, grade));
    return next;
  }
  const double r = retrievability(elapsed_days, state.stability);
  next.stability = clamp_stability(grade == Grade::again ? forget_stability(state, r) : recall_stability(state, r, grade));
  return next;
}

CardState Fsrs::review(const std::optional<CardState>& card, TimeMs now, Grade grade) const {
  CardState next;
  next.last_review = now;
  if (!card) {
    next.memory = initial(grade);
    next.reps = 1;
    next.lapses = grade == Grade::again ? 1 : 0;
    next.due = now + static_cast<TimeMs>(due_in_days(next.memory.stability) * ms_per_day);
    return next;
  }
  const double elapsed = static_cast<double>(now - card->last_review) / ms_per_day;
  next.memory = this->next(card->memory, elapsed, grade);
  next.reps = card->reps + 1;
  next.lapses = card->lapses + (grade == Grade::again ? 1 : 0);
  double days = due_in_days(next.memory.stability);
  if (grade != Grade::again) {
    // As ts-fsrs schedules a review: Hard no later than Good, Good at least a day after Hard and
    // Easy at least a day after Good, each from its own next state. Unlike ts-fsrs, a nudged
    // interval still stops at the maximum (ts-fsrs would schedule Good at 36,501 days).
    const auto days_after = [&](Grade other) { return due_in_days(this->next(card->memory, elapsed, other).stability); };
    const double hard = std::min(days_after(Grade::hard), days_after(Grade::good));
    const double good = std::max(days_after(Grade::good), hard + 1.0);
    const double easy = std::max(days_after(Grade::easy), good + 1.0);
    days = std::min(grade == Grade::hard ? hard : grade == Grade::good ? good : easy,
                    static_cast<double>(p_.maximum_interval_days));
  }
  next.due = now + static_cast<TimeMs>(days * ms_per_day);
  return next;
}

double Fsrs::due_in_days(double stability) const {
  return std::clamp(std::round(interval_days(stability)), 1.0, static_cast<double>(p_.maximum_interval_days));
}

}  // namespace rp::core
