#include "core/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "core/quiz.hpp"

namespace rp::core {

LocalDay learner_day(TimeMs instant, int utc_offset_minutes, DayStart start) {
  const int hour = std::clamp(start.hour, 0, 23);
  return local_day(instant - static_cast<TimeMs>(hour) * 3'600'000, utc_offset_minutes);
}

std::vector<ReviewPick> plan_review(const std::vector<ReviewCandidate>& candidates, const std::set<std::size_t>& buried,
                                    const Fsrs& fsrs, const ReviewLimits& limits) {
  auto recall_now = [&](const ReviewCandidate& c) {
    if (!c.card) return 0.0;
    return fsrs.retrievability(static_cast<double>(limits.now - c.card->last_review) / ms_per_day, c.card->memory.stability);
  };
  std::vector<std::pair<double, const ReviewCandidate*>> due, extra;
  for (const auto& c : candidates) {
    if (buried.count(c.sibling_group)) continue;
    if (c.card && is_due(*c.card, limits.day_end)) {
      due.push_back({recall_now(c), &c});
    } else if (c.weak_score && *c.weak_score <= 1.0) {
      extra.push_back({recall_now(c), &c});
    }
  }
  // Ties keep the candidates' order, so the plan is the same every time for the same state.
  std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::stable_sort(extra.begin(), extra.end(), [](const auto& a, const auto& b) {
    if (*a.second->weak_score != *b.second->weak_score) return *a.second->weak_score < *b.second->weak_score;
    return a.first < b.first;
  });

  std::vector<ReviewPick> plan;
  std::unordered_set<std::size_t> served;
  auto take = [&](const auto& list, ReviewReason reason, std::size_t limit) {
    std::size_t taken = 0;
    for (const auto& [recall, c] : list) {
      if (taken >= limit) break;
      if (!served.insert(c->sibling_group).second) continue;
      plan.push_back({c->question, reason});
      ++taken;
    }
  };
  take(due, ReviewReason::due, limits.due_limit);
  take(extra, ReviewReason::extra, limits.extra_limit);
  return plan;
}

std::size_t extra_practice_for(std::size_t due) { return due >= 20 ? 0 : 10 - due / 2; }

std::vector<std::size_t> shown_order(const Bank& bank, const Question& question, std::mt19937_64& random) {
  const auto count = answer_options(bank, question).size();
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::size_t shuffled = count;
  if (question.kind == QuestionKind::true_false) {
    shuffled = 0;  // True before False, as everyone expects
  } else if (question.kind == QuestionKind::which_role && !picks_several(question)) {
    shuffled = count - 1;  // the roles move; "Both" / "All of these" stays last
  }
  std::shuffle(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shuffled), random);
  return order;
}

std::string encode_order(const std::vector<std::size_t>& order) { return fmt::format("{}", fmt::join(order, ",")); }

std::vector<std::size_t> decode_order(const std::string& text) {
  std::vector<std::size_t> order;
  const char* at = text.data();
  const char* end = text.data() + text.size();
  while (at < end) {
    std::size_t value = 0;
    const auto [next, error] = std::from_chars(at, end, value);
    if (error != std::errc()) return {};
    order.push_back(value);
    at = next;
    if (at < end && *at != ',') return {};
    if (at < end) ++at;
  }
  return order;
}

std::vector<std::size_t> one_per_sibling_group(const std::vector<std::size_t>& questions, const BankIndex& index) {
  std::vector<std::size_t> kept;
  std::unordered_set<std::size_t> groups;
  for (auto q : questions)
    if (groups.insert(index.sibling_group(q)).second) kept.push_back(q);
  return kept;
}

}  // namespace rp::core
