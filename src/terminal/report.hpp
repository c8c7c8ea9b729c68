#pragma once
#include <iosfwd>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath report [--json]`: the learner's state: answers, mastery, accuracy and due counts for
// every role and topic, weak topics in order, leeches, the latest role-fit result, and the last
// `weeks` ISO weeks (answers, right answers, minutes, whether the goal was met).
void print_report(const app::App& app, int weeks, bool json, std::ostream& out);

}  // namespace rp::terminal
