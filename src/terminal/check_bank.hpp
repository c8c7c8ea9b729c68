#pragma once
#include <filesystem>
#include <iosfwd>
#include <vector>

namespace rp::terminal {

// `rolepath check-bank FILE...`: loads the files as one bank (each on top of the ones before,
// on top of the built-in bank when `on_default`), prints every problem to `err` as
// file:line:col, or a coverage table to `out`. Returns the exit status: 0 valid, 1 not.
int check_bank(const std::vector<std::filesystem::path>& files, bool on_default, std::ostream& out, std::ostream& err);

}  // namespace rp::terminal
