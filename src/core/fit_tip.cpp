#include "core/fit_tip.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace rp::core {

namespace {

double weight_of(const Statement& statement, const std::string& role_id) {
  const auto it = statement.weights.find(role_id);
  return it == statement.weights.end() ? 0.0 : it->second;
}

double agreement_at(int likert) { return (likert - 3) / 2.0; }

FitOutcome outcome_of(const Bank& bank, const std::vector<FitAnswer>& answers) {
  return score_fit(bank, answers).suggested;
}

// Answers moved toward one role and away from another: the way that changes this outcome.
struct Direction {
  std::size_t toward = 0, away = 0;
};

std::vector<Direction> directions_against(const Bank& bank, const FitOutcome& outcome) {
  std::vector<Direction> out;
  for (std::size_t toward = 0; toward < bank.roles.size(); ++toward)
    for (std::size_t away = 0; away < bank.roles.size(); ++away) {
      if (toward == away) continue;
      // A suggestion is changed by pushing away from it; "no preference" by pushing to any role.
      if (outcome && away != *outcome) continue;
      out.push_back({toward, away});
    }
  return out;
}

double contrast(const Bank& bank, std::size_t statement, const Direction& d) {
  const auto& s = bank.statements[statement];
  return weight_of(s, bank.roles[d.toward].id) - weight_of(s, bank.roles[d.away].id);
}

// The far end of the scale in that direction for a statement, or 3 when it does not take sides.
int far_end(double c) { return c > 0 ? 5 : (c < 0 ? 1 : 3); }

struct Flip {
  std::size_t answer = 0;  // index into the answers
  AnswerChange change;
  double influence = 0;
};

// Every answer that can move in direction `d`, the most influential first.
std::vector<Flip> flips_in(const Bank& bank, const std::vector<FitAnswer>& answers, const Direction& d) {
  std::vector<Flip> flips;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const double c = contrast(bank, answers[i].statement, d);
    const int to = far_end(c);
    if (to == 3 || to == answers[i].likert) continue;
    const double influence = std::abs(c) * std::abs(agreement_at(to) - agreement_at(answers[i].likert));
    flips.push_back({i, {answers[i].statement, answers[i].likert, to}, influence});
  }
  std::stable_sort(flips.begin(), flips.end(), [](const Flip& a, const Flip& b) { return a.influence > b.influence; });
  return flips;
}

void find_single(const Bank& bank, const std::vector<FitAnswer>& answers, FitTip& tip) {
  int best_distance = 5;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    std::vector<FitAnswer> changed = answers;
    // The nearest point first: a one-step change is the likeliest second thought.
    bool tips = false;
    for (int distance = 1; distance <= 4 && !tips; ++distance)
      for (int to : {answers[i].likert - distance, answers[i].likert + distance}) {
        if (to < 1 || to > 5) continue;
        changed[i].likert = to;
        const FitOutcome after = outcome_of(bank, changed);
        if (after == tip.outcome) continue;
        tips = true;
        if (distance < best_distance) {
          best_distance = distance;
          tip.single = AnswerChange{answers[i].statement, answers[i].likert, to};
          tip.single_outcome = after;
        }
        break;
      }
    if (tips) ++tip.single_count;
  }
}

// True when some two of `flips` together change the outcome.
bool two_flips_tip(const Bank& bank, const std::vector<FitAnswer>& answers, const std::vector<Flip>& flips,
                   const FitOutcome& outcome) {
  std::vector<FitAnswer> changed = answers;
  for (std::size_t a = 0; a < flips.size(); ++a)
    for (std::size_t b = a + 1; b < flips.size(); ++b) {
      changed[flips[a].answer].likert = flips[a].change.to;
      changed[flips[b].answer].likert = flips[b].change.to;
      const bool tips = outcome_of(bank, changed) != outcome;
      changed[flips[a].answer].likert = answers[flips[a].answer].likert;
      changed[flips[b].answer].likert = answers[flips[b].answer].likert;
      if (tips) return true;
    }
  return false;
}

void find_flips(const Bank& bank, const std::vector<FitAnswer>& answers, FitTip& tip) {
  std::vector<std::vector<Flip>> candidates;
  for (const auto& d : directions_against(bank, tip.outcome)) {
    auto flips = flips_in(bank, answers, d);
    std::vector<FitAnswer> changed = answers;
    for (std::size_t k = 0; k < flips.size(); ++k) {
      changed[flips[k].answer].likert = flips[k].change.to;
      const FitOutcome after = outcome_of(bank, changed);
      if (after == tip.outcome) continue;
      if (tip.flips.empty() || k + 1 < tip.flips.size()) {
        tip.flips.clear();
        for (std::size_t j = 0; j <= k; ++j) tip.flips.push_back(flips[j].change);
        tip.flips_outcome = after;
      }
      break;
    }
    candidates.push_back(std::move(flips));
  }
  if (tip.flips.empty()) return;
  // No single change tips it, so two flips are the least; three are, unless some pair does.
  tip.flips_least = tip.flips.size() <= 2;
  if (tip.flips.size() == 3)
    tip.flips_least = std::none_of(candidates.begin(), candidates.end(),
                                   [&](const std::vector<Flip>& flips) { return two_flips_tip(bank, answers, flips, tip.outcome); });
}

void find_more_statements(const Bank& bank, const std::vector<FitAnswer>& answers, FitTip& tip) {
  std::set<std::size_t> answered;
  for (const auto& a : answers) answered.insert(a.statement);
  tip.unanswered = static_cast<int>(bank.statements.size() - answered.size());
  for (const auto& d : directions_against(bank, tip.outcome)) {
    std::vector<std::pair<double, std::size_t>> telling;  // |contrast|, statement
    for (std::size_t s = 0; s < bank.statements.size(); ++s) {
      const double c = contrast(bank, s, d);
      if (!answered.count(s) && c != 0) telling.push_back({std::abs(c), s});
    }
    std::stable_sort(telling.begin(), telling.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<FitAnswer> more = answers;
    for (std::size_t k = 0; k < telling.size(); ++k) {
      const std::size_t s = telling[k].second;
      more.push_back({s, far_end(contrast(bank, s, d))});
      const FitOutcome after = outcome_of(bank, more);
      if (after == tip.outcome) continue;
      const int needed = static_cast<int>(k + 1);
      if (tip.more_statements == 0 || needed < tip.more_statements) {
        tip.more_statements = needed;
        tip.more_toward = d.toward;
        tip.more_outcome = after;
      }
      break;
    }
  }
}

std::string would_read(const Bank& bank, const FitOutcome& outcome) {
  if (outcome) return fmt::format("the result would suggest {}", bank.roles[*outcome].name);
  return "the result would be no clear preference";
}

std::string quoted_change(const Bank& bank, const AnswerChange& change) {
  return fmt::format("\"{}\" ({} → {})", bank.statements[change.statement].text, likert_label(change.from),
                     likert_label(change.to));
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string outcome_name(const Bank& bank, const FitOutcome& outcome) {
  if (outcome && *outcome < bank.roles.size()) return bank.roles[*outcome].name;
  return "no clear preference";
}

FitTip what_would_tip(const Bank& bank, const std::vector<FitAnswer>& answers) {
  FitTip tip;
  tip.outcome = outcome_of(bank, answers);
  if (bank.roles.size() < 2) return tip;
  find_single(bank, answers, tip);
  if (!tip.single) find_flips(bank, answers, tip);
  find_more_statements(bank, answers, tip);
  return tip;
}

std::vector<std::string> tip_sentences(const Bank& bank, const FitTip& tip) {
  std::vector<std::string> out;
  if (bank.roles.size() < 2) return out;
  if (tip.single && tip.single_outcome != tip.outcome) {
    const auto& change = *tip.single;
    out.push_back(fmt::format("One answer could change it. Had you answered \"{}\" instead of \"{}\" to \"{}\", {}.",
                              likert_label(change.to), likert_label(change.from), bank.statements[change.statement].text,
                              would_read(bank, tip.single_outcome)));
    if (tip.single_count > 1)
      out.push_back(fmt::format("{} could each change it on their own too.",
                                plural(tip.single_count - 1, "other answer", "other answers")));
    return out;
  }
  out.push_back("No single answer would change it, whichever point of the scale you moved it to.");
  if (!tip.flips.empty() && tip.flips_outcome != tip.outcome) {
    const int k = static_cast<int>(tip.flips.size());
    std::vector<std::string> named;
    for (std::size_t i = 0; i < tip.flips.size() && i < 3; ++i) named.push_back(quoted_change(bank, tip.flips[i]));
    std::string list = fmt::format("{}", fmt::join(named, "; "));
    if (k > 3) list += fmt::format("; and {} more", k - 3);
    if (tip.flips_least)
      out.push_back(fmt::format("At least {} of your answers would have to flip to the other end of the scale, for "
                                "example these {}: {}; then {}.",
                                k, k, list, would_read(bank, tip.flips_outcome)));
    else
      out.push_back(fmt::format("Flipping your {} most influential answers to the other end of the scale would do it: {}; "
                                "then {}.",
                                k, list, would_read(bank, tip.flips_outcome)));
  }
  if (tip.more_statements > 0 && tip.more_outcome != tip.outcome) {
    const std::string against = tip.outcome ? fmt::format("against {}", bank.roles[*tip.outcome].name)
                                            : fmt::format("in favour of {}", bank.roles[tip.more_toward].name);
    out.push_back(fmt::format("Or answering {} strongly {}: then {}.",
                              plural(tip.more_statements, "more statement", "more statements"), against,
                              would_read(bank, tip.more_outcome)));
  } else if (tip.unanswered > 0) {
    out.push_back(fmt::format("Even answering all {} left strongly against it would not change it.",
                              plural(tip.unanswered, "statement", "statements")));
  }
  return out;
}

}  // namespace rp::core
