#pragma once
// What one action changed, as the controller that carried it out reports it. App reads it to
// redo only the views that show what changed, after the action and never inside a frame.
#include <cstddef>
#include <optional>

#include "app/screen.hpp"

namespace rp::app {

struct Changes {
  enum Part : unsigned {
    session = 1u << 0,           // the running quiz or review's own view (an option picked, moved on)
    answer = 1u << 1,            // one question answered or its answer undone: `question`
    study = 1u << 2,             // what is known and due: every study figure is redone
    session_ended = 1u << 3,     // a quiz or review ended: this week's mastery goes on record
    questionnaire = 1u << 4,     // the questionnaire moved on; a result may have been saved
    quiz_offer = 1u << 5,        // which unread lessons to offer before a quiz
    result_steps = 1u << 6,      // next steps and the decision panel
    progress = 1u << 7,          // the progress view's goal or choices
    profiles = 1u << 8,          // the list of profiles
    profile_switched = 1u << 9,  // another profile is current: every view is rebuilt
  };

  unsigned parts = 0;
  std::size_t question = 0;     // with `answer`: the question's index in the bank
  std::optional<Screen> go_to;  // the screen the action leads to, if it leads somewhere

  Changes() = default;
  Changes(unsigned parts_changed) : parts(parts_changed) {}  // NOLINT: a set of parts reads as Changes
  static Changes leading_to(Screen screen, unsigned parts_changed = 0) {
    Changes changes(parts_changed);
    changes.go_to = screen;
    return changes;
  }
  static Changes answered(std::size_t question_index) {
    Changes changes(answer);
    changes.question = question_index;
    return changes;
  }
  bool has(Part part) const { return (parts & part) != 0; }
};

}  // namespace rp::app
