#include "core/fit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace rp::core {

namespace {

// Weighted samples kept as running sums, so that the effect of changing one answer can be worked
// out without going through all the others again.
struct Sums {
  double sw = 0, sw2 = 0, swx = 0, swxx = 0;
  // value: agreement signed so that > 0 favours the side being measured
  void add(double weight, double value) {
    sw += weight;
    sw2 += weight * weight;
    swx += weight * value;
    swxx += weight * value * value;
  }
};

struct Estimate {
  double mean = 0;
  double se = FitModel::prior_spread;
};

// A weighted mean with a standard error whose spread is shrunk toward a prior, so that a few
// identical answers do not pass for certainty.
Estimate estimate(const Sums& s) {
  if (s.sw <= 0) return {};
  Estimate e;
  e.mean = s.swx / s.sw;
  const double spread = std::max(0.0, s.swxx - s.sw * e.mean * e.mean);
  const double variance = (spread + FitModel::prior_weight * FitModel::prior_spread * FitModel::prior_spread) /
                          (s.sw + FitModel::prior_weight);
  const double effective_n = s.sw * s.sw / s.sw2;
  // Few answers: widen by Student's t over the normal (Cornish-Fisher expansion of the 90% point),
  // so early looks at the evidence are not over-confident.
  const double nu = std::max(1.0, effective_n - 1.0);
  const double z = FitModel::z90;
  const double t = z + (z * z * z + z) / (4 * nu) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * nu * nu);
  e.se = std::sqrt(variance / effective_n) * (t / z) * FitModel::repeated_look_widening;
  return e;
}

// The lead of one role over another: the estimate above weighed against the prior that true leads
// are mostly small (normal, centred on no lead, spread FitModel::lead_spread). The mean moves
// toward zero and the error shrinks by the same share, the more so the less the answers say.
Estimate lead(const Sums& s) {
  Estimate e = estimate(s);
  const double prior = FitModel::lead_spread * FitModel::lead_spread;
  const double share = prior / (prior + e.se * e.se);
  e.mean *= share;
  e.se *= std::sqrt(share);
  return e;
}

double weight_of(const Statement& s, const std::string& role_id) {
  const auto it = s.weights.find(role_id);
  return it == s.weights.end() ? 0.0 : it->second;
}

// How much agreeing with `s` favours role a over role b.
double contrast(const Bank& bank, const Statement& s, std::size_t a, std::size_t b) {
  return weight_of(s, bank.roles[a].id) - weight_of(s, bank.roles[b].id);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }

Sums pair_sums(const Bank& bank, const std::vector<FitAnswer>& answers, std::size_t a, std::size_t b) {
  Sums sums;
  for (const auto& answer : answers) {
    const double c = contrast(bank, bank.statements[answer.statement], a, b);
    if (c != 0) sums.add(std::abs(c), agreement(answer.likert) * sign(c));
  }
  return sums;
}

NoPreference answer_pattern(const std::vector<FitAnswer>& answers) {
  if (answers.empty()) return NoPreference::too_few_answers;
  std::map<int, int> counts;
  for (const auto& a : answers) ++counts[a.likert];
  const double n = static_cast<double>(answers.size());
  if (counts[3] >= FitModel::straight_share * n) return NoPreference::all_neutral;
  for (const auto& [likert, count] : counts)
    if (likert != 3 && answers.size() >= 8 && count >= FitModel::straight_share * n) return NoPreference::straight_lined;
  return NoPreference::none;
}

}  // namespace

std::string_view likert_label(int likert) {
  switch (likert) {
    case 1: return "Strongly disagree";
    case 2: return "Disagree";
    case 3: return "Neutral";
    case 4: return "Agree";
    case 5: return "Strongly agree";
  }
  return "Neutral";
}

FitResult score_fit(const Bank& bank, const std::vector<FitAnswer>& answers) {
  FitResult result;
  result.answered = static_cast<int>(answers.size());
  const std::size_t role_count = bank.roles.size();
  if (role_count < 2) return result;

  // Per-role fit: weighted mean agreement with what points to the role (and away from it).
  std::vector<double> means(role_count, 0.0);
  for (std::size_t r = 0; r < role_count; ++r) {
    Sums sums;
    for (const auto& answer : answers) {
      const double w = weight_of(bank.statements[answer.statement], bank.roles[r].id);
      if (w != 0) sums.add(std::abs(w), agreement(answer.likert) * sign(w));
    }
    const Estimate e = estimate(sums);
    means[r] = e.mean;
    const double half = FitModel::z90 * e.se;
    result.roles.push_back(RoleFit{r, 50 + 50 * e.mean, std::clamp(50 + 50 * (e.mean - half), 0.0, 100.0),
                                   std::clamp(50 + 50 * (e.mean + half), 0.0, 100.0)});
  }
  std::vector<std::size_t> order(role_count);
  for (std::size_t r = 0; r < role_count; ++r) order[r] = r;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return means[a] > means[b]; });
  result.leader = order[0];
  result.runner_up = order[1];

  // The decision rests on the direct comparison of the two leading roles.
  Sums pair = pair_sums(bank, answers, result.leader, result.runner_up);
  Estimate diff = lead(pair);
  if (diff.mean < 0) {
    std::swap(result.leader, result.runner_up);
    pair = pair_sums(bank, answers, result.leader, result.runner_up);
    diff = lead(pair);
  }
  result.difference = diff.mean;
  result.difference_low = diff.mean - FitModel::z90 * diff.se;
  result.difference_high = diff.mean + FitModel::z90 * diff.se;
  result.sure = normal_cdf(diff.mean / diff.se);

  result.no_preference = answer_pattern(answers);
  if (result.no_preference == NoPreference::none) {
    if (result.difference_low > 0) {
      result.suggested = result.leader;
    } else {
      result.no_preference = NoPreference::too_close;
    }
  }

  // Reasons: each answer's push in the leader-versus-runner-up comparison.
  std::vector<Reason> pushes;
  for (const auto& answer : answers) {
    const double c = contrast(bank, bank.statements[answer.statement], result.leader, result.runner_up);
    if (c != 0) pushes.push_back(Reason{answer.statement, answer.likert, c * agreement(answer.likert)});
  }
  std::vector<Reason> sorted = pushes;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Reason& a, const Reason& b) { return a.push > b.push; });
  for (const auto& r : sorted)
    if (r.push > 0 && result.toward_leader.size() < 3) result.toward_leader.push_back(r);
  for (auto it = sorted.rbegin(); it != sorted.rend(); ++it)
    if (it->push < 0 && result.toward_runner_up.size() < 3) result.toward_runner_up.push_back(*it);

  // Pivot: the single changed answer that would shrink the lead the most, the lead worked out
  // again in full (its error too) with just that answer changed.
  double best = result.difference;
  for (const auto& r : pushes) {
    const double c = contrast(bank, bank.statements[r.statement], result.leader, result.runner_up);
    const double w = std::abs(c), x = agreement(r.likert) * sign(c);
    for (int alternative = 1; alternative <= 5; ++alternative) {
      if (alternative == r.likert) continue;
      const double y = agreement(alternative) * sign(c);
      Sums changed = pair;
      changed.swx += w * (y - x);
      changed.swxx += w * (y * y - x * x);
      const double changed_lead = lead(changed).mean;
      if (changed_lead < best - 1e-12) {
        best = changed_lead;
        result.pivot = r;
        result.pivot_alternative = alternative;
        result.pivot_difference = changed_lead;
      }
    }
  }
  return result;
}

bool fit_is_settled(const FitResult& result) {
  if (result.answered < FitModel::min_statements) return false;
  if (result.suggested) return true;
  if (result.no_preference == NoPreference::all_neutral || result.no_preference == NoPreference::straight_lined)
    return true;
  // Confidently no preference: the whole interval sits inside the indifference band.
  return result.difference_high < FitModel::indifference && result.difference_low > -FitModel::indifference;
}

std::optional<std::size_t> next_statement(const Bank& bank, const std::vector<FitAnswer>& answers,
                                          const std::set<std::size_t>& skipped, std::uint64_t seed) {
  if (bank.roles.size() < 2) return std::nullopt;
  std::set<std::size_t> answered;
  std::map<std::string, int> per_topic;
  for (const auto& a : answers) {
    answered.insert(a.statement);
    ++per_topic[bank.statements[a.statement].topic];
  }
  auto collect = [&](bool allow_skipped) {
    std::vector<std::size_t> list;
    for (std::size_t i = 0; i < bank.statements.size(); ++i)
      if (!answered.count(i) && (allow_skipped || !skipped.count(i))) list.push_back(i);
    return list;
  };
  std::vector<std::size_t> candidates = collect(false);
  if (candidates.empty()) candidates = collect(true);
  if (candidates.empty()) return std::nullopt;

  // Cover every topic before going deeper into any.
  std::vector<std::size_t> uncovered;
  for (auto i : candidates)
    if (per_topic[bank.statements[i].topic] == 0) uncovered.push_back(i);
  if (!uncovered.empty()) candidates = uncovered;

  std::size_t a = 0, b = 1;
  if (!answers.empty()) {
    const FitResult current = score_fit(bank, answers);
    a = current.leader;
    b = current.runner_up;
  }
  // Balance which way agreement points, so a learner who agrees with everything does not drift.
  double keyed = 0;
  for (const auto& ans : answers) keyed += sign(contrast(bank, bank.statements[ans.statement], a, b));

  std::mt19937_64 rng(seed ^ (0x9E3779B97F4A7C15ULL * (answers.size() + 1)));
  std::uniform_real_distribution<double> jitter(0.0, 0.05);
  std::optional<std::size_t> best;
  double best_score = -1;
  for (auto i : candidates) {
    const double c = contrast(bank, bank.statements[i], a, b);
    double score = std::abs(c) + jitter(rng);
    if (keyed != 0 && sign(c) == -sign(keyed)) score += 0.2;
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

std::string no_preference_reason(NoPreference reason) {
  switch (reason) {
    case NoPreference::all_neutral: return "you answered neutral to nearly every statement";
    case NoPreference::straight_lined:
      return "you gave nearly the same answer to every statement, so your answers cannot tell the roles apart";
    case NoPreference::too_close: return "your answers point to both roles about equally";
    case NoPreference::too_few_answers: return "answer a few more statements first";
    case NoPreference::none: break;
  }
  return "";
}

std::string fit_sentence(const Bank& bank, const FitResult& result) {
  if (bank.roles.size() < 2) return "The question bank needs at least two roles to compare.";
  if (result.suggested) {
    const int percent = std::min(99, static_cast<int>(std::lround(result.sure * 100)));
    return fmt::format("{} fits you {} — {}% sure", bank.roles[*result.suggested].name,
                       bank.roles.size() == 2 ? "better" : "best", percent);
  }
  return fmt::format("No clear preference between {} and {} — {}", bank.roles[result.leader].name,
                     bank.roles[result.runner_up].name, no_preference_reason(result.no_preference));
}

}  // namespace rp::core
