#pragma once
#include <iosfwd>
#include <optional>

#include "app/app.hpp"

namespace rp::terminal {

// `rolepath quiz --terminal` and `rolepath review --terminal`: for each question its prompt and
// numbered options, then a prompt line starting with "answer"; one line is read (option numbers,
// comma-separated for several; u undoes the last answer; q quits); then a line starting with
// "correct" or "wrong" with the explanation, and "recorded" once the answer is on disk.
// `setup` set: a quiz; unset: a review. Returns the exit status: 1 when any answer could not be
// recorded (each is reported as it fails, and their number at the end), else 0.
int run_quiz(app::App& app, std::optional<app::QuizSetup> setup, std::istream& in, std::ostream& out,
             std::ostream& err);

// The exit status of a terminal session in which `not_recorded` answers failed to be written;
// when there were any, says how many on `err`.
int answers_not_recorded_exit(int not_recorded, std::ostream& err);

}  // namespace rp::terminal
