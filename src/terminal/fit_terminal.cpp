#include "terminal/fit_terminal.hpp"

#include "app/data.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <istream>
#include <ostream>
#include <string>

#include "core/fit.hpp"
#include "terminal/quiz_terminal.hpp"
#include "terminal/result_terminal.hpp"

namespace rp::terminal {

namespace {
std::string trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}
}  // namespace

int run_fit(app::App& app, bool start_over, std::istream& in, std::ostream& out, std::ostream& err) {
  const auto& fit = app.view().fit;
  if (!start_over && fit.unfinished_answers > 0) {
    fmt::print(out, "Continuing your unfinished questionnaire ({} answered).\n", fit.unfinished_answers);
    app.apply(app::action::FitResume{});
  } else {
    app.apply(app::action::FitStart{});
  }
  fmt::print(out, "Say how much you agree with each statement. Every answer is saved as you give it.\n");

  int not_recorded = 0;
  while (fit.stage == app::FitStage::asking) {
    fmt::print(out, "\n{}\n", fit.statement);
    if (fit.earlier_answer)
      fmt::print(out, "(your earlier answer: {} {})\n", *fit.earlier_answer, core::likert_label(*fit.earlier_answer));
    fmt::print(out, "answer 1-5 (1 strongly disagree, 3 neutral, 5 strongly agree), s skip, b back{}, q quit\n",
               fit.can_finish ? ", f finish" : "");
    out.flush();
    std::string line;
    if (!std::getline(in, line)) {
      const int kept = fit.answered;
      app.apply(app::action::FitQuit{});
      fmt::print(out, "\nInput closed. Your {} answer{} kept; run 'rolepath fit --terminal' to continue.\n", kept,
                 kept == 1 ? " is" : "s are");
      return answers_not_recorded_exit(not_recorded, err);
    }
    const std::string key = trimmed(line);
    if (key.size() == 1 && key[0] >= '1' && key[0] <= '5') {
      try {
        app.apply(app::action::FitAnswer{key[0] - '0'});
      } catch (const app::DataError& e) {
        fmt::print(err, "Your answer was not recorded: {}\n", e.what());
        ++not_recorded;
        continue;
      }
      fmt::print(out, "recorded\n");
    } else if (key == "s") {
      app.apply(app::action::FitSkip{});
    } else if (key == "b") {
      if (!fit.can_go_back) fmt::print(err, "There is no earlier answer to go back to.\n");
      app.apply(app::action::FitBack{});
    } else if (key == "f" && fit.can_finish) {
      app.apply(app::action::FitFinish{});
    } else if (key == "q") {
      const int kept = fit.answered;
      app.apply(app::action::FitQuit{});
      fmt::print(out, "Saved. Your {} answer{} kept; run 'rolepath fit --terminal' to continue.\n", kept,
                 kept == 1 ? " is" : "s are");
      return answers_not_recorded_exit(not_recorded, err);
    } else {
      fmt::print(err, "Please type 1 to 5, s, b{} or q.\n", fit.can_finish ? ", f" : "");
    }
  }
  fmt::print(out, "\n");
  print_result_detail(app.view().result.latest, out);
  return answers_not_recorded_exit(not_recorded, err);
}

}  // namespace rp::terminal
