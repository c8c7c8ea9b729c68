#pragma once
// "Which role suits you": how Likert answers to role-fit statements become per-role scores, a
// suggestion with an interval and a "sure" figure, the reasons behind it, the next statement to
// ask and when to stop. Pure and deterministic; docs/fit-model.md explains the model.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bank.hpp"

namespace rp::core {

struct FitAnswer {
  std::size_t statement = 0;  // index into Bank::statements
  int likert = 3;             // 1 strongly disagree .. 5 strongly agree
};

struct RoleFit {
  std::size_t role = 0;  // index into Bank::roles
  double score = 50;     // 0..100: 50 is neutral, 100 agreeing fully with all that points to it
  double low = 0, high = 100;  // 90% interval
};

enum class NoPreference { none, all_neutral, straight_lined, too_close, too_few_answers };

// One statement's push in the comparison between the leading role and the runner-up.
struct Reason {
  std::size_t statement = 0;
  int likert = 3;
  double push = 0;  // > 0 toward the leading role, < 0 toward the runner-up
};

struct FitResult {
  std::vector<RoleFit> roles;       // in bank order
  std::size_t leader = 0;           // role with the higher fit (index into Bank::roles)
  std::size_t runner_up = 1;
  std::optional<std::size_t> suggested;  // set only when the evidence is clear
  NoPreference no_preference = NoPreference::too_few_answers;
  double difference = 0;            // leader minus runner-up, on [-1, 1]
  double difference_low = 0, difference_high = 0;  // 90% interval
  double sure = 0.5;                // probability the leader really fits better, 0.5..1
  int answered = 0;
  std::vector<Reason> toward_leader;     // strongest first, at most 3
  std::vector<Reason> toward_runner_up;  // strongest first, at most 3
  // The answer that, changed, would most shrink the leader's lead.
  std::optional<Reason> pivot;
  int pivot_alternative = 3;
  double pivot_difference = 0;      // the difference after that change
};

// Model constants, in one place so docs and tests can cite them.
struct FitModel {
  static constexpr int min_statements = 12;
  static constexpr double z90 = 1.6448536269514722;
  static constexpr double prior_spread = 0.6;   // assumed answer spread before any evidence
  static constexpr double prior_weight = 2.0;   // how many statements' worth that assumption counts
  static constexpr double indifference = 0.2;   // a difference this small is no real preference
  static constexpr double straight_share = 0.9; // share of identical answers that counts as straight-lining
  // The prior on the lead of one role over the other: true leads are mostly small, about two in
  // three within this much (on the [-1, 1] agreement scale). It keeps a few answers from passing
  // for a strong, certain lead (docs/fit-model.md: calibration).
  static constexpr double lead_spread = 0.3;
  // The interval is looked at after every answer from the 12th on; widening it keeps the chance of
  // a confident suggestion for an indifferent learner near 10% over all those looks.
  static constexpr double repeated_look_widening = 1.3;
};

FitResult score_fit(const Bank& bank, const std::vector<FitAnswer>& answers);

// The statement to ask next, or nothing when none are left. Never one already answered or in
// `skipped` (skipped ones come back only when nothing else is left).
std::optional<std::size_t> next_statement(const Bank& bank, const std::vector<FitAnswer>& answers,
                                          const std::set<std::size_t>& skipped, std::uint64_t seed);

// True when the questionnaire may end: enough answers and a clear outcome either way.
bool fit_is_settled(const FitResult& result);

// "AI Architect fits you better — 84% sure", or the reason there is no clear preference.
std::string fit_sentence(const Bank& bank, const FitResult& result);
std::string no_preference_reason(NoPreference reason);

// Likert point -> agreement on [-1, 1].
constexpr double agreement(int likert) { return (likert - 3) / 2.0; }
std::string_view likert_label(int likert);

}  // namespace rp::core
