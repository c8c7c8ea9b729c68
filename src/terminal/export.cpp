#include "terminal/export.hpp"

#include "app/data.hpp"

namespace rp::terminal {

std::int64_t export_csv(app::App& app, const std::filesystem::path& file) { return app::export_answers_csv(app, file); }

}  // namespace rp::terminal
