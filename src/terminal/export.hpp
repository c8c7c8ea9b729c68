#pragma once
#include <filesystem>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath export --csv FILE`: one row per answer of the current profile under a header row.
// Written to a temporary file beside FILE and renamed into place, so a failure never leaves a
// half-written export. Returns the number of rows; throws with the path and the problem.
std::int64_t export_csv(app::App& app, const std::filesystem::path& file);

}  // namespace rp::terminal
