#pragma once
#include <filesystem>
#include <iosfwd>
#include <vector>

namespace rp::terminal {

struct CheckBankOptions {
  bool on_default = false;  // check the files as additions to the built-in bank
  bool strict = false;      // an item-writing warning fails the check
};

// `rolepath check-bank FILE...`: loads the files as one bank (each on top of the ones before,
// on top of the built-in bank when `on_default`), prints every problem to `err` as
// file:line:col, or a coverage table and the item-writing rules with their warnings to `out`.
// Returns the exit status: 0 valid, 1 not (with `strict`, also 1 when any rule warns).
int check_bank(const std::vector<std::filesystem::path>& files, const CheckBankOptions& options, std::ostream& out,
               std::ostream& err);

}  // namespace rp::terminal
