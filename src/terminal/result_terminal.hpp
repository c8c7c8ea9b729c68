#pragma once
#include <iosfwd>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath result [--json]`: the latest role-fit result in full (the suggestion first, the fit
// bars with their intervals, the reasons each way with the learner's own answers, what would tip
// it, its date), the next steps, the decision panel and the earlier results. Returns 0.
int print_result(const app::App& app, bool json, std::ostream& out);

// One result as text, the suggestion sentence first; also how `fit --terminal` ends.
void print_result_detail(const app::ResultDetail& result, std::ostream& out);

// The decision panel as text: which way the learner leans, readiness for each role, what next.
void print_decision(const app::DecisionView& decision, std::ostream& out);

}  // namespace rp::terminal
