// Simulated learners with a hidden preference take the adaptive questionnaire on the real bank.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "bank/loader.hpp"
#include "core/fit.hpp"

using namespace rp;

namespace {
struct Outcome {
  std::optional<std::size_t> suggested;
  int asked = 0;
};

// A learner who leans `preference` (-1..1, > 0 toward role 0), with an acquiescence bias and
// answer noise, answers until the questionnaire settles or runs out of statements.
Outcome simulate(const core::Bank& bank, double preference, double bias, double noise, std::mt19937_64& rng,
                 std::uint64_t seed) {
  std::normal_distribution<double> jitter(0.0, noise);
  std::vector<core::FitAnswer> answers;
  while (auto next = core::next_statement(bank, answers, {}, seed)) {
    const auto& s = bank.statements[*next];
    const double lean = s.weights.count(bank.roles[0].id) ? s.weights.at(bank.roles[0].id) : 0.0;
    const double other = s.weights.count(bank.roles[1].id) ? s.weights.at(bank.roles[1].id) : 0.0;
    const double latent = preference * (lean - other) + bias + jitter(rng);
    const int likert = std::clamp(static_cast<int>(std::lround(3 + 2 * std::clamp(latent, -1.0, 1.0))), 1, 5);
    answers.push_back({*next, likert});
    if (core::fit_is_settled(core::score_fit(bank, answers))) break;
  }
  return {core::score_fit(bank, answers).suggested, static_cast<int>(answers.size())};
}
}  // namespace

TEST_CASE("simulated learners with a clear preference get the right suggestion in at least 95% of 2000 runs") {
  const auto loaded = bank::load_banks({});
  REQUIRE(loaded.ok());
  const auto& bank = loaded.bank;
  std::mt19937_64 rng(20261124);
  std::uniform_real_distribution<double> strength(0.4, 1.0), bias(-0.3, 0.3);
  constexpr int runs = 2000;
  int right = 0, asked = 0;
  for (int run = 0; run < runs; ++run) {
    const bool toward_first = run % 2 == 0;
    const double preference = (toward_first ? 1 : -1) * strength(rng);
    const auto outcome = simulate(bank, preference, bias(rng), 0.6, rng, static_cast<std::uint64_t>(run));
    if (outcome.suggested && *outcome.suggested == (toward_first ? 0u : 1u)) ++right;
    asked += outcome.asked;
  }
  const double accuracy = static_cast<double>(right) / runs;
  const double average = static_cast<double>(asked) / runs;
  MESSAGE("right: ", accuracy * 100, "%  average statements: ", average, " of ", bank.statements.size());
  CHECK(accuracy >= 0.95);
  CHECK(average < static_cast<double>(bank.statements.size()));
}

TEST_CASE("simulated learners with no preference rarely get a confident suggestion") {
  const auto bank = bank::load_banks({}).bank;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> bias(-0.3, 0.3);
  int suggested = 0;
  constexpr int runs = 500;
  for (int run = 0; run < runs; ++run)
    if (simulate(bank, 0.0, bias(rng), 0.6, rng, static_cast<std::uint64_t>(run)).suggested) ++suggested;
  MESSAGE("indifferent learners given a suggestion: ", 100.0 * suggested / runs, "%");
  CHECK(suggested <= runs * 0.2);
}

TEST_CASE("a learner who agrees with everything gets no clear preference") {
  const auto bank = bank::load_banks({}).bank;
  std::vector<core::FitAnswer> answers;
  while (auto next = core::next_statement(bank, answers, {}, 1)) {
    answers.push_back({*next, 5});
    if (core::fit_is_settled(core::score_fit(bank, answers))) break;
  }
  const auto result = core::score_fit(bank, answers);
  CHECK_FALSE(result.suggested);
  CHECK(answers.size() == core::FitModel::min_statements);
}
