#pragma once
// The rules of spaced review, free of storage and of the clock: which learner day an instant falls
// on, what counts as due, the order review serves questions in, how long a review should be, and
// the order a question's options are shown in. docs/review.md explains each rule.
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include "core/bank.hpp"
#include "core/calendar.hpp"
#include "core/fsrs.hpp"

namespace rp::core {

// The learner's day starts at a set hour, not at midnight (Anki's "next day starts at"), so a
// session after midnight still belongs to the evening it began in.
struct DayStart {
  static constexpr int default_hour = 4;
  int hour = default_hour;  // 0..23, local time
};

// The learner day of an instant, given the zone's offset at that instant: the local calendar day of
// the instant moved back by the day-start hour.
LocalDay learner_day(TimeMs instant, int utc_offset_minutes, DayStart start);

// A question is due today when it falls due before the learner's day ends.
inline bool is_due(const CardState& card, TimeMs day_end) { return card.due < day_end; }

// Why review serves a question: it is due, or it is extra practice on a weak topic.
enum class ReviewReason { due, extra };

struct ReviewPick {
  std::size_t question = 0;
  ReviewReason reason = ReviewReason::due;
};

// What the review order needs to know of one question.
struct ReviewCandidate {
  std::size_t question = 0;
  std::optional<CardState> card;     // unset: never answered
  std::size_t sibling_group = 0;     // questions testing the same fact share one
  std::optional<double> weak_score;  // mastery of its weakest eligible topic; unset: not for extra practice
};

struct ReviewLimits {
  TimeMs now = 0;
  TimeMs day_end = 0;           // when the learner's day ends
  std::size_t due_limit = 0;    // at most this many due questions (what the daily limit leaves)
  std::size_t extra_limit = 0;  // then at most this many for extra practice
};

// The review order: due questions first, least likely recalled first; then questions from the
// weakest topics (lowest score, then lowest recall). A sibling group answered today (`buried`) is
// left out entirely, and each group is served at most once per review.
std::vector<ReviewPick> plan_review(const std::vector<ReviewCandidate>& candidates, const std::set<std::size_t>& buried,
                                    const Fsrs& fsrs, const ReviewLimits& limits);

// How much extra practice a review adds to what is due: ten questions when nothing is due, one
// fewer for every two due, none once twenty are due. A near-new learner gets a short review.
std::size_t extra_practice_for(std::size_t due);

// The order a question's options are shown in, as indices into answer_options(): shuffled, except
// that True/False keep their order and "Both" / "All of these" stay last for which_role.
std::vector<std::size_t> shown_order(const Bank& bank, const Question& question, std::mt19937_64& random);

// "2,0,1" and back, for storing a shown order.
std::string encode_order(const std::vector<std::size_t>& order);
std::vector<std::size_t> decode_order(const std::string& text);

// Spreads the questions of a quiz so that no two of one sibling group are served: the first of
// each group (in the given order) is kept, later ones are dropped.
std::vector<std::size_t> one_per_sibling_group(const std::vector<std::size_t>& questions, const BankIndex& index);

}  // namespace rp::core
