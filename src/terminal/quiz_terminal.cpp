#include "terminal/quiz_terminal.hpp"

#include "app/data.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <istream>
#include <ostream>
#include <sstream>

namespace rp::terminal {

namespace {
using Stage = app::SessionStage;

// "2" or "1, 3" -> option indices; nothing when the text is not a list of numbers in range.
std::optional<std::set<std::size_t>> parse_options(const std::string& line, std::size_t count) {
  std::set<std::size_t> chosen;
  std::stringstream parts(line);
  std::string part;
  while (std::getline(parts, part, ',')) {
    const auto first = part.find_first_not_of(" \t\r");
    if (first == std::string::npos) return std::nullopt;
    const auto last = part.find_last_not_of(" \t\r");
    const std::string number = part.substr(first, last - first + 1);
    if (number.empty() || number.size() > 2 || number.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    const auto value = static_cast<std::size_t>(std::stoi(number));
    if (value < 1 || value > count) return std::nullopt;
    chosen.insert(value - 1);
  }
  if (chosen.empty()) return std::nullopt;
  return chosen;
}

std::string trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

void print_summary(const app::SessionView& v, std::ostream& out) {
  fmt::print(out, "\n{} of {} right\n", v.right_count, v.answered);
  for (const auto& line : v.by_topic) fmt::print(out, "  {:<24} {} of {}\n", line.topic, line.right, line.total);
  if (!v.missed.empty()) fmt::print(out, "\nWhat you missed:\n");
  for (const auto& missed : v.missed)
    fmt::print(out, "  - {}\n    Answer: {}\n    {}\n", missed.prompt, missed.right_answer, missed.explanation);
  if (!v.after.empty()) fmt::print(out, "\n{}\n", v.after);
}
}  // namespace

int answers_not_recorded_exit(int not_recorded, std::ostream& err) {
  if (not_recorded == 0) return 0;
  // A script or a learner who reads only the end learns that some answers are missing.
  fmt::print(err, "{} answer{} could not be recorded.\n", not_recorded, not_recorded == 1 ? "" : "s");
  return 1;
}

int run_quiz(app::App& app, std::optional<app::QuizSetup> setup, std::istream& in, std::ostream& out,
             std::ostream& err) {
  const auto& v = app.view().session;
  if (setup) {
    app.apply(app::action::SetQuizSetup{*setup});
    app.apply(app::action::QuizStart{});
  } else {
    app.apply(app::action::ReviewStart{});
  }
  if (v.stage == Stage::none) {
    fmt::print(out, "{}\n", setup ? "No questions match that role and topic."
                                   : "Nothing to review right now: no questions are due and no topic is started.");
    return 0;
  }

  int not_recorded = 0;
  while (v.running()) {
    if (v.stage == Stage::card) {
      fmt::print(out, "\nStudy card: {}\n{}\n", v.card_title, v.card_text);
      app.apply(app::action::CardDismiss{});
      continue;
    }
    fmt::print(out, "\nQuestion {} of {} ({}{}{})\n{}\n", v.number, v.total, v.why, v.why.empty() ? "" : ", ", v.topic,
               v.prompt);
    for (std::size_t i = 0; i < v.options.size(); ++i) fmt::print(out, "  {}. {}\n", i + 1, v.options[i]);
    fmt::print(out, "answer {} (1-{}{}), u undo, q quit\n", v.several ? "with every right option" : "with one option",
               v.options.size(), v.several ? ", comma-separated" : "");
    out.flush();
    std::string line;
    if (!std::getline(in, line)) {
      app.apply(app::action::QuizQuit{});
      fmt::print(out, "\nInput closed. Your {} answers are kept.\n", v.answered);
      return answers_not_recorded_exit(not_recorded, err);
    }
    const std::string key = trimmed(line);
    if (key == "q") {
      app.apply(app::action::QuizQuit{});
      if (v.stage == Stage::summary) print_summary(v, out);
      return answers_not_recorded_exit(not_recorded, err);
    }
    if (key == "u") {
      if (!v.can_undo) {
        fmt::print(err, "There is no answer to undo.\n");
        continue;
      }
      app.apply(app::action::QuizUndo{});
      fmt::print(out, "undone\n");
      continue;
    }
    const auto chosen = parse_options(key, v.options.size());
    if (!chosen || (!v.several && chosen->size() != 1)) {
      fmt::print(err, "Please type {} from 1 to {}, u or q.\n", v.several ? "option numbers" : "one option number",
                 v.options.size());
      continue;
    }
    // Picking toggles in multi-choice; bring the selection to exactly what was typed.
    for (std::size_t option = 0; option < v.options.size(); ++option)
      if (chosen->count(option) != v.selection.count(option)) app.apply(app::action::QuizPick{option});
    if (v.ask_sure) {
      fmt::print(out, "sure? y/n\n");
      out.flush();
      std::string sure;
      if (std::getline(in, sure)) app.apply(app::action::QuizSure{trimmed(sure) == "y"});
    }
    try {
      app.apply(app::action::QuizConfirm{});
    } catch (const app::DataError& e) {
      // Nothing was half-written; earlier answers stand. Say so and ask again.
      fmt::print(err, "Your answer was not recorded: {}\n", e.what());
      ++not_recorded;
      continue;
    }
    if (v.correct) {
      fmt::print(out, "correct. {}\n", v.explanation);
    } else {
      fmt::print(out, "wrong. The answer: {}. {}\n", v.right_answer, v.explanation);
    }
    if (v.capped) fmt::print(out, "(a second try after undo counts no better than the first)\n");
    fmt::print(out, "recorded\n{}.\n", v.next_due);
    app.apply(app::action::QuizNext{});
  }
  if (v.stage == Stage::summary) print_summary(v, out);
  return answers_not_recorded_exit(not_recorded, err);
}

}  // namespace rp::terminal
