// Simulated learners with a hidden preference take the adaptive questionnaire on the real bank.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>

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

// --- Calibration on a population the model did not make -----------------------------------------
//
// The learners above answer exactly as the scoring model assumes (agreement = lean x the bank's
// contrast + noise), so they cannot show whether "95% sure" means right 95 times in 100. These
// people answer by a different process:
// - each has a true lean L, uniform on [-1, 1] (> 0 toward the first role), and the role it points
//   to is the right answer, however slight the lean;
// - each statement measures that lean imperfectly: its real loading is the bank's contrast times a
//   factor from 0.4 to 1.4, and one statement in five is nearly uninformative (factor -0.1 to 0.2);
// - each statement has its own pull (some activities are liked by nearly everyone, sd 0.3), each
//   person a tendency to agree with everything (sd 0.25) and a way of using the scale (their
//   reactions stretched by 0.7 to 1.5: some answer at the ends, some stay near the middle);
// - each reaction has a part of its own (how this person takes this wording, sd 0.35) and noise
//   (sd 0.4), and the reaction becomes a scale point through fixed cut points, not the model's
//   linear scale;
// - people stop at different points: when the questionnaire stops by itself, after 12 statements,
//   after 20, or after all of them (a quarter each).
// Statement properties are drawn afresh for each of several "worlds", so no single lucky draw of
// them decides the result. A second, harder population is mostly undecided (leans normal with
// spread 0.35), with more uninformative statements (35%) and more noise (0.6).
// Each result counts in the band of the sureness it states for its leading role, suggested or
// not: below 95% the learner is told "No clear preference", but the figure should still mean what
// it says, and the suggestion rule rests on it. docs/fit-model.md shows the tables.
namespace {
// How a population answers; the numbers are those described above unless a test says otherwise.
struct Population {
  double lean_spread = 0;       // 0: leans uniform on [-1, 1]; otherwise normal with this spread, cut to [-1, 1]
  double weak_share = 0.2;      // share of nearly uninformative statements
  double popularity = 0.3;      // spread of the statements' own pull
  double acquiescence = 0.25;   // spread of the tendency to agree with everything
  double own = 0.35;            // spread of each person's own take on each statement
  double noise = 0.4;
};

struct World {
  std::vector<double> loading;     // per statement: how far agreement really moves with the lean
  std::vector<double> popularity;  // per statement: how much everyone likes it anyway
};

World draw_world(const core::Bank& bank, const Population& population, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0), informative(0.4, 1.4), weak(-0.1, 0.2);
  std::normal_distribution<double> pull(0.0, population.popularity);
  World world;
  for (const auto& s : bank.statements) {
    const auto weight = [&](std::size_t role) {
      const auto it = s.weights.find(bank.roles[role].id);
      return it == s.weights.end() ? 0.0 : it->second;
    };
    const double factor = unit(rng) < population.weak_share ? weak(rng) : informative(rng);
    world.loading.push_back(factor * (weight(0) - weight(1)));
    world.popularity.push_back(pull(rng));
  }
  return world;
}

int scale_point(double reaction) {
  if (reaction < -0.9) return 1;
  if (reaction < -0.3) return 2;
  if (reaction <= 0.3) return 3;
  if (reaction <= 0.9) return 4;
  return 5;
}

constexpr int stop_when_settled = 0;  // a stop plan of 0: the questionnaire's own stopping rule

struct Sitting {
  core::FitResult result;
  bool first_role_is_right = false;
};

Sitting sit(const core::Bank& bank, const Population& population, const World& world, int stop_plan,
            std::mt19937_64& rng, std::uint64_t seed) {
  std::uniform_real_distribution<double> uniform_lean(-1.0, 1.0), stretch_of(0.7, 1.5);
  std::normal_distribution<double> normal_lean(0.0, std::max(population.lean_spread, 1e-9));
  std::normal_distribution<double> agreeing(0.0, population.acquiescence), own(0.0, population.own),
      noise(0.0, population.noise);
  const double lean = population.lean_spread == 0 ? uniform_lean(rng) : std::clamp(normal_lean(rng), -1.0, 1.0);
  const double acquiescence = agreeing(rng), stretch = stretch_of(rng);
  std::vector<core::FitAnswer> answers;
  while (auto next = core::next_statement(bank, answers, {}, seed)) {
    const double reaction = world.loading[*next] * lean + world.popularity[*next] + acquiescence + own(rng) + noise(rng);
    answers.push_back({*next, scale_point(stretch * reaction)});
    if (stop_plan == stop_when_settled ? core::fit_is_settled(core::score_fit(bank, answers))
                                       : static_cast<int>(answers.size()) == stop_plan)
      break;
  }
  return {core::score_fit(bank, answers), lean > 0};
}

// Bands of the sureness the learner is told (the rounded percentage, never above 99).
constexpr std::array<int, 6> band_edges = {50, 70, 85, 95, 99, 101};
constexpr std::size_t band_count = band_edges.size() - 1;

std::size_t band_of(double sure) {
  const int stated = std::min(99, static_cast<int>(std::lround(sure * 100)));
  std::size_t band = 0;
  while (band + 1 < band_count && stated >= band_edges[band + 1]) ++band;
  return band;
}

std::string band_name(std::size_t band) {
  return band_edges[band + 1] > 99 ? fmt::format("{}", band_edges[band])
                                   : fmt::format("{}-{}", band_edges[band], band_edges[band + 1] - 1);
}

struct Tally {
  long count = 0, right = 0;
};

// The fewest right answers that n claims of at least p allow before they count as broken: the
// binomial's mean less 2.33 standard deviations (a 1% one-sided test per band). A band holds
// claims of p and more, so a calibrated band passes with room to spare; the tolerance only keeps
// chance from failing a band that just meets its lower edge.
double fewest_right(long n, double p) {
  return static_cast<double>(n) * p - 2.33 * std::sqrt(static_cast<double>(n) * p * (1 - p));
}

std::string percent(const Tally& t) {
  return t.count == 0 ? std::string("-") : fmt::format("{:.1f}%", 100.0 * static_cast<double>(t.right) / static_cast<double>(t.count));
}

constexpr std::size_t plan_count = 4;

struct Calibration {
  std::array<int, plan_count> stop_plans{};
  // tally[plan][band]: how often the role the result leans to was the right one. Bands below 95
  // are leads the questionnaire does not suggest ("No clear preference"); they are counted to see
  // whether the sureness means what it says all the way down.
  std::array<std::array<Tally, band_count>, plan_count> tally{};
  std::array<Tally, band_count> pooled{};
  std::array<Tally, plan_count + 1> suggested{};  // results that suggest a role, per plan and all
  std::array<long, plan_count + 1> results{};

  std::string table() const {
    std::string out = fmt::format("\n{:<8} {:>16} {:>16} {:>16} {:>16} {:>16}\n", "sure %", "own stop", "after 12",
                                  "after 20", fmt::format("after all {}", stop_plans[3]), "all stops");
    for (std::size_t b = 0; b < band_count; ++b) {
      out += fmt::format("{:<8}", band_name(b));
      for (std::size_t p = 0; p < plan_count; ++p)
        out += fmt::format(" {:>16}", fmt::format("{} {}", tally[p][b].count, percent(tally[p][b])));
      out += fmt::format(" {:>16}\n", fmt::format("{} {}", pooled[b].count, percent(pooled[b])));
    }
    out += fmt::format("{:<8}", "shown");
    for (std::size_t p = 0; p <= plan_count; ++p)
      out += fmt::format(" {:>16}", fmt::format("{}/{} {}", suggested[p].count, results[p], percent(suggested[p])));
    return out + "\n(each cell: results whose leading role had that stated sureness, and how often it was the right one;"
                 "\n shown: results that suggest a role, of all results, and how often the suggestion was right)";
  }
};

Calibration calibrate(const core::Bank& bank, const Population& population, int worlds, int people_per_world,
                      std::uint64_t seed) {
  Calibration c;
  c.stop_plans = {stop_when_settled, 12, 20, static_cast<int>(bank.statements.size())};
  std::mt19937_64 rng(seed);
  for (int w = 0; w < worlds; ++w) {
    const World world = draw_world(bank, population, rng);
    for (int person = 0; person < people_per_world; ++person) {
      const std::size_t plan = static_cast<std::size_t>(person) % plan_count;
      const auto sitting = sit(bank, population, world, c.stop_plans[plan], rng,
                               static_cast<std::uint64_t>(w * people_per_world + person));
      const auto& r = sitting.result;
      ++c.results[plan];
      ++c.results[plan_count];
      if (r.suggested)
        for (Tally* t : {&c.suggested[plan], &c.suggested[plan_count]}) {
          ++t->count;
          t->right += (*r.suggested == 0) == sitting.first_role_is_right;
        }
      if (r.difference == 0) continue;  // no lean at all: nothing to be right or wrong about
      const bool right = (r.leader == 0) == sitting.first_role_is_right;
      for (Tally* t : {&c.tally[plan][band_of(r.sure)], &c.pooled[band_of(r.sure)]}) {
        ++t->count;
        t->right += right;
      }
    }
  }
  return c;
}

// Every band with enough results to judge is right at least as often as its lower edge says, give
// or take chance: fewer right answers than fewest_right() would happen by chance less than once in
// a hundred if the band's claim held.
void check_bands(const Calibration& c) {
  auto check_band = [&](const Tally& t, std::size_t b, const std::string& where) {
    if (t.count < 30) return;  // too few to tell 99% from 90%: printed, not judged
    CAPTURE(where);
    CAPTURE(band_name(b));
    CAPTURE(t.count);
    CAPTURE(t.right);
    CHECK(static_cast<double>(t.right) >= fewest_right(t.count, band_edges[b] / 100.0));
  };
  for (std::size_t b = 0; b < band_count; ++b) {
    check_band(c.pooled[b], b, "all stops");
    for (std::size_t p = 0; p < plan_count; ++p) check_band(c.tally[p][b], b, fmt::format("stop plan {}", c.stop_plans[p]));
  }
  // What learners are shown: every suggestion claims at least 95%.
  for (std::size_t p = 0; p <= plan_count; ++p) {
    const Tally& t = c.suggested[p];
    if (t.count < 30) continue;
    CAPTURE(p < plan_count ? fmt::format("suggestions, stop plan {}", c.stop_plans[p]) : std::string("all suggestions"));
    CHECK(static_cast<double>(t.right) >= fewest_right(t.count, 0.95));
  }
}
}  // namespace

TEST_CASE("calibration: people with leans of every strength who answer unlike the model") {
  const auto loaded = bank::load_banks({});
  REQUIRE(loaded.ok());
  const auto c = calibrate(loaded.bank, Population{}, 8, 500, 20260302);
  MESSAGE(c.table());
  check_bands(c);
}

TEST_CASE("calibration: mostly undecided people and weaker statements") {
  const auto loaded = bank::load_banks({});
  REQUIRE(loaded.ok());
  Population undecided;
  undecided.lean_spread = 0.35;
  undecided.weak_share = 0.35;
  undecided.noise = 0.6;
  const auto c = calibrate(loaded.bank, undecided, 8, 500, 20260303);
  MESSAGE(c.table());
  check_bands(c);
}
