#pragma once
// "What would tip it": the smallest change to a learner's answers that changes the outcome of
// their role-fit result (the suggested role, or no clear preference). It only asks score_fit for
// FitResult::suggested, so it stays true whatever the scoring model does inside; a change that
// leaves the outcome as it was is never reported. docs/fit-model.md describes the rule.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/bank.hpp"
#include "core/fit.hpp"

namespace rp::core {

// One answer moved to another point of the scale.
struct AnswerChange {
  std::size_t statement = 0;  // index into Bank::statements
  int from = 3, to = 3;       // Likert points
};

// A result's outcome: the suggested role, or nothing for "no clear preference".
using FitOutcome = std::optional<std::size_t>;

struct FitTip {
  FitOutcome outcome;  // as the answers stand

  // One answer changed to another point that changes the outcome: the nearest such point, on the
  // answer whose change is smallest. Unset when no single answer can.
  std::optional<AnswerChange> single;
  FitOutcome single_outcome;
  int single_count = 0;  // how many answers could each change it on their own

  // Otherwise: answers flipped to the far end of the scale, against the outcome, most influential
  // first, until the outcome changes. `flips_least` says no smaller number of flips would (checked
  // exhaustively up to three flips); otherwise it is the greedy number, not proven least.
  std::vector<AnswerChange> flips;
  bool flips_least = false;
  FitOutcome flips_outcome;

  // Statements not answered yet that, answered at the far end against the outcome (the most
  // telling first), would change it; 0 when even all of them would not.
  int more_statements = 0;
  std::size_t more_toward = 0;  // the role those answers would favour
  FitOutcome more_outcome;
  int unanswered = 0;  // statements in the bank not answered yet
};

FitTip what_would_tip(const Bank& bank, const std::vector<FitAnswer>& answers);

// The tip in words, one sentence per part. Every outcome it names differs from the current one.
std::vector<std::string> tip_sentences(const Bank& bank, const FitTip& tip);

// "AI Architect", or "no clear preference".
std::string outcome_name(const Bank& bank, const FitOutcome& outcome);

}  // namespace rp::core
