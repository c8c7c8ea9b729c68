#include "core/quiz.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rp::core {

namespace {
bool answer_is_all_roles(const Question& q) { return q.answer_roles.size() == q.roles.size(); }
}  // namespace

bool picks_several(const Question& q) {
  return q.kind == QuestionKind::multi ||
         (q.kind == QuestionKind::which_role && q.answer_roles.size() > 1 && !answer_is_all_roles(q));
}

std::vector<std::string> answer_options(const Bank& bank, const Question& q) {
  switch (q.kind) {
    case QuestionKind::single:
    case QuestionKind::multi: return q.options;
    case QuestionKind::true_false: return {"True", "False"};
    case QuestionKind::which_role: {
      std::vector<std::string> options;
      for (const auto& role_id : q.roles) {
        const Role* role = bank.find_role(role_id);
        options.push_back(role ? role->name : role_id);
      }
      if (!picks_several(q)) options.push_back(q.roles.size() == 2 ? "Both" : "All of these");
      return options;
    }
  }
  return {};
}

std::set<std::size_t> correct_options(const Bank&, const Question& q) {
  switch (q.kind) {
    case QuestionKind::single:
    case QuestionKind::multi: return {q.answer_indices.begin(), q.answer_indices.end()};
    case QuestionKind::true_false: return {q.answer_true ? 0u : 1u};
    case QuestionKind::which_role: {
      if (answer_is_all_roles(q) && !picks_several(q)) return {q.roles.size()};
      std::set<std::size_t> right;
      for (const auto& role : q.answer_roles)
        right.insert(static_cast<std::size_t>(std::find(q.roles.begin(), q.roles.end(), role) - q.roles.begin()));
      return right;
    }
  }
  return {};
}

bool is_correct(const Bank& bank, const Question& q, const std::set<std::size_t>& chosen) {
  return !chosen.empty() && chosen == correct_options(bank, q);
}

std::string encode_choice(const std::set<std::size_t>& chosen) {
  return fmt::format("{}", fmt::join(chosen, ","));
}

std::set<std::size_t> decode_choice(const std::string& text) {
  std::set<std::size_t> chosen;
  std::size_t value = 0;
  bool any = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + static_cast<std::size_t>(c - '0');
      any = true;
    } else if (c == ',') {
      if (any) chosen.insert(value);
      value = 0;
      any = false;
    }
  }
  if (any) chosen.insert(value);
  return chosen;
}

Grade grade_answer(bool correct, std::optional<bool> sure, std::int64_t latency_ms, const GradingRules& rules) {
  if (!correct) return Grade::again;
  if (sure == false || latency_ms >= rules.slow_ms) return Grade::hard;
  if (sure == true && latency_ms <= rules.fast_ms) return Grade::easy;
  return Grade::good;
}

}  // namespace rp::core
