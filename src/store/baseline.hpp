#pragma once
// The benchmark's yardstick for answer commits: what bare SQLite takes for one prepared INSERT and
// COMMIT, with RolePath's pragmas, on the same disk. Kept here because all SQL lives in store/.
#include <filesystem>
#include <vector>

namespace rp::store {

// Commits `rows` single-row transactions into a fresh file at `path`; returns each one's latency
// in milliseconds. The file is removed afterwards.
std::vector<double> bare_commit_latencies_ms(const std::filesystem::path& path, int rows);

}  // namespace rp::store
