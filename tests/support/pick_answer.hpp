#pragma once
// Picks an answer to the question on screen through the actions a learner's clicks push, whatever
// order the options are shown in: every right option, or one wrong one.
#include <optional>
#include <stdexcept>

#include "app/app.hpp"
#include "app/quiz_flow.hpp"
#include "core/quiz.hpp"

namespace rp::test {

inline void pick_answer(app::App& a, bool right) {
  const auto& q = a.bank().questions[a.quiz().question()];
  const auto correct = core::correct_options(a.bank(), q);
  // QuizPick counts options as shown; option_index says which bank option each position shows.
  const auto shown = a.view().session.option_index;
  std::optional<std::size_t> wrong;
  for (std::size_t p = 0; p < shown.size(); ++p) {
    if (right && correct.count(shown[p])) a.apply(app::action::QuizPick{p});
    if (!correct.count(shown[p])) wrong = p;
  }
  if (right) return;
  if (!wrong) throw std::logic_error("the question on screen has no wrong option");
  a.apply(app::action::QuizPick{*wrong});
}

}  // namespace rp::test
