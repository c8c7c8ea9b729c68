#pragma once
#include <iosfwd>
#include <optional>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath quiz --terminal` and `rolepath review --terminal`: for each question its prompt and
// numbered options, then a prompt line starting with "answer"; one line is read (option numbers,
// comma-separated for several; u undoes the last answer; q quits); then a line starting with
// "correct" or "wrong" with the explanation, and "recorded" once the answer is on disk.
// `setup` set: a quiz; unset: a review. Returns the exit status.
int run_quiz(app::App& app, std::optional<app::QuizSetup> setup, std::istream& in, std::ostream& out,
             std::ostream& err);

}  // namespace rp::terminal
