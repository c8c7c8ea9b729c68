#pragma once
// The Learn feature: each role's path of lessons, the lesson open for reading, and which lessons
// the learner has read to the end. It owns its slice of the view state (LearnView) and the
// learn actions; App only routes them here.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/clock.hpp"
#include "core/bank.hpp"
#include "core/markdown.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class LearnController {
 public:
  LearnController(store::Store& store, const core::Bank& bank, std::int64_t profile_id, const Clock& clock,
                  LearnView& view);

  Changes handle(const action::LearnChooseRole&);
  Changes handle(const action::LearnOpen&);
  Changes handle(const action::LearnClose&);
  Changes handle(const action::LearnReachedEnd&);

  void choose_role(std::size_t role);
  // Opens a lesson, at one of its sections when `section` names one. Opening a lesson the shown
  // role's path does not hold switches to a role whose path does.
  void open(const std::string& lesson_id, const std::string& section);
  void close();
  // The learner has scrolled to the end of the open lesson: one reading, recorded once per opening.
  void reached_end();

  // Whether a lesson on this topic for this role has been read to the end (true when there is no
  // lesson: nothing to offer first).
  bool lesson_read(const std::string& role_id, const std::string& topic_id) const;
  // A role's path of lessons in order, with what has been read (any role, not only the shown one).
  std::vector<LessonLine> path_of(std::size_t role) const;

 private:
  void refresh_path();

  store::Store& store_;
  const core::Bank& bank_;
  std::int64_t profile_id_;
  const Clock& clock_;
  LearnView& view_;
  std::map<std::string, core::TimeMs> reads_;  // lesson id -> last read to the end
  std::vector<std::vector<std::pair<std::size_t, const core::Lesson*>>> paths_;  // per role: (topic, lesson)
};

}  // namespace rp::app
