#pragma once
// FSRS-6, the Free Spaced Repetition Scheduler, with its published default parameters, scheduling
// as ts-fsrs 5.4.2 does without fuzz or learning steps and with its same-day formula;
// tests/data/fsrs_reference.csv holds it to that. Pure functions of a card's memory state; time
// is passed in. docs/review.md maps quiz answers to grades, explains how the app uses these
// numbers and where it departs from ts-fsrs.
#include <array>
#include <optional>

#include "core/time.hpp"

namespace rp::core {

enum class Grade { again = 1, hard = 2, good = 3, easy = 4 };

struct FsrsParameters {
  // The 21 default weights of FSRS-6.
  std::array<double, 21> w = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                              0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                              1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
  double desired_retention = 0.90;
  int maximum_interval_days = 36500;
};

struct MemoryState {
  double stability = 0;   // days until recall probability falls to 90%
  double difficulty = 0;  // 1 (easy) .. 10 (hard)
};

struct CardState {
  MemoryState memory;
  TimeMs last_review = 0;
  TimeMs due = 0;
  int reps = 0;
  int lapses = 0;
};

constexpr double ms_per_day = 86'400'000.0;

class Fsrs {
 public:
  explicit Fsrs(FsrsParameters parameters = {});

  // Probability of recall `elapsed_days` after the last review.
  double retrievability(double elapsed_days, double stability) const;
  // Days until recall probability falls to the desired retention (not rounded).
  double interval_days(double stability) const;

  MemoryState initial(Grade grade) const;
  // The memory state after a review `elapsed_days` after the previous one; reviews less than a
  // day apart use FSRS-6's same-day formula, where only Again can lower stability. Stability
  // stays within [0.001, 36500] days.
  MemoryState next(const MemoryState& state, double elapsed_days, Grade grade) const;

  // A whole review: the new card state. The due date is the interval rounded to whole days, at
  // least one and at most maximum_interval_days; after a review (not a first answer) Good is due
  // at least a day after Hard would be, and Easy at least a day after Good, below that maximum.
  CardState review(const std::optional<CardState>& card, TimeMs now, Grade grade) const;

  double initial_difficulty(Grade grade) const;
  const FsrsParameters& parameters() const { return p_; }

 private:
  double next_difficulty(double difficulty, Grade grade) const;
  double recall_stability(const MemoryState& s, double r, Grade grade) const;
  double forget_stability(const MemoryState& s, double r) const;
  double same_day_stability(double stability, Grade grade) const;
  double due_in_days(double stability) const;

  FsrsParameters p_;
  double decay_;
  double factor_;
};

}  // namespace rp::core
