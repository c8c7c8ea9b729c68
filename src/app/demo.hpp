#pragma once
// `rolepath demo`: weeks of realistic simulated study for a profile, written through the same
// flows real answers use (questionnaire, quizzes, review), so screenshots and benchmarks have data.
#include <cstdint>

#include "app/app.hpp"

namespace rp::app {

struct DemoSummary {
  int days_studied = 0;
  std::int64_t answers = 0;
  int fit_results = 0;
};

// Simulates `weeks` weeks ending today for the app's current profile: irregular study days,
// accuracy that improves with practice, and a role-fit result at the start and half-way.
// Each simulated day is one transaction.
// `reviews_per_day` sets how much a study day holds (about that many review answers, give or take
// half); the benchmark raises it to build years of heavy study.
DemoSummary simulate_study(App& app, int weeks, std::uint64_t seed, int reviews_per_day = 20);

}  // namespace rp::app
