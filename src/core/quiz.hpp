#pragma once
// What a quiz question offers and how an answer is judged and graded, whatever its kind.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bank.hpp"
#include "core/fsrs.hpp"

namespace rp::core {

// The choices shown for a question: its options; True/False; or each role plus "Both" (or
// "All of these" with more roles) for which_role.
std::vector<std::string> answer_options(const Bank& bank, const Question& question);
// The indices into answer_options() that make the right answer.
std::set<std::size_t> correct_options(const Bank& bank, const Question& question);
// True when the learner picks several options (multi, or a which_role answer that is a subset).
bool picks_several(const Question& question);
bool is_correct(const Bank& bank, const Question& question, const std::set<std::size_t>& chosen);

// "0,2" and back, for storing a choice.
std::string encode_choice(const std::set<std::size_t>& chosen);
std::set<std::size_t> decode_choice(const std::string& text);

// How a quiz answer becomes an FSRS grade (docs/review.md):
//   wrong -> Again; right but "not sure", or slower than slow_ms -> Hard;
//   right, "sure" and faster than fast_ms -> Easy; any other right answer -> Good.
struct GradingRules {
  std::int64_t fast_ms = 10'000;
  std::int64_t slow_ms = 45'000;
};
Grade grade_answer(bool correct, std::optional<bool> sure, std::int64_t latency_ms, const GradingRules& rules = {});

}  // namespace rp::core
