#pragma once
// The result and the decision panel as JSON, shared by `rolepath result --json` and the report.
// Private to the terminal layer (its .cpp files), which links nlohmann-json.
#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace rp::terminal {

nlohmann::json decision_json(const core::Bank& bank, const app::DecisionView& decision);

}  // namespace rp::terminal
