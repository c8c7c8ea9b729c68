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
DemoSummary simulate_study(App& app, int weeks, std::uint64_t seed);

}  // namespace rp::app
