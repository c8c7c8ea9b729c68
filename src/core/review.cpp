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
  // Ties keep the candidates' order (their place in `candidates`), so the plan is the same every
  // time for the same state.
  auto by_recall = [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second < b.second; };
  auto by_weakness = [&](const auto& a, const auto& b) {
    if (*a.second->weak_score != *b.second->weak_score) return *a.second->weak_score < *b.second->weak_score;
    return by_recall(a, b);
  };

  std::vector<ReviewPick> plan;
  std::unordered_set<std::size_t> served;
  // Takes from `list` in `less` order until `limit` are taken. The order is found only as far as
  // it is used (a heap, not a sort): a large bank has thousands of candidates for ten places.
  auto take = [&](auto& list, auto less, ReviewReason reason, std::size_t limit) {
    auto after = [&](const auto& a, const auto& b) { return less(b, a); };  // the least on top
    std::make_heap(list.begin(), list.end(), after);
    std::size_t taken = 0;
    for (auto end = list.end(); taken < limit && end != list.begin(); --end) {
      std::pop_heap(list.begin(), end, after);
      const ReviewCandidate* c = (end - 1)->second;
      if (!served.insert(c->sibling_group).second) continue;
      plan.push_back({c->question, reason});
      ++taken;
    }
  };
  take(due, by_recall, ReviewReason::due, limits.due_limit);
  take(extra, by_weakness, ReviewReason::extra, limits.extra_limit);
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
