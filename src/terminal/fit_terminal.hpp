#pragma once
#include <iosfwd>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath fit --terminal`: the role-fit questionnaire on plain text. For each statement: its text
// on a line of its own, then a prompt line starting with "answer"; one line is read (1-5, s skip,
// b back, f finish, q quit) and "recorded" is printed once the answer is on disk. Ends with the
// result, suggestion first. Closing the input stops cleanly and keeps every answer.
// Returns the exit status: 1 when any answer could not be recorded, else 0.
int run_fit(app::App& app, bool start_over, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace rp::terminal
