#pragma once
#include <iosfwd>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath report [--json]`: the learner's state: answers, mastery, accuracy and due counts for
// every role and topic, weak topics in order, leeches and the latest role-fit result.
void print_report(const app::App& app, bool json, std::ostream& out);

}  // namespace rp::terminal
