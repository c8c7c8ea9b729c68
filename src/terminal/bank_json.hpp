#pragma once
#include <iosfwd>

#include "core/bank.hpp"

namespace rp::terminal {

// `rolepath bank --json`: the loaded bank (built-in plus --bank files) as one JSON object with
// the keys bank, roles, topics, lessons (one entry per role a lesson teaches), questions (every
// field the bank holds) and statements, for scripts that work with the content.
void print_bank_json(const core::Bank& bank, std::ostream& out);

}  // namespace rp::terminal
