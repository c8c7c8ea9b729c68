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

#include "app/clock.hpp"
#include "core/bank.hpp"
#include "core/markdown.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

struct LessonLine {
  std::string lesson_id, topic_id, topic, title;
  int words = 0;
  int minutes = 0;      // reading time at about 200 words a minute
  bool read = false;
  std::string read_on;  // the last day it was read to the end, "2026-03-02"
};

struct LearnView {
  std::size_t role = 0;          // whose path is shown, an index into the bank's roles
  std::vector<LessonLine> path;  // that role's lessons in the order of its topics
  int read_count = 0;
  std::optional<std::size_t> next_unread;  // the first lesson of the path not read yet

  // The lesson open for reading, if any.
  std::optional<std::size_t> open;  // index into path
  std::string title, topic_id, lesson_id;
  core::Markdown body;
  std::vector<core::Source> sources;
  std::string scroll_to;    // a section anchor to bring into view once it is drawn
  int opening = 0;          // counts openings, so the screen starts each at the top
  bool end_reached = false;  // this opening has reached the end (recorded or not: one try each)
  bool marked_read = false;  // and the reading is on disk
};

class LearnController {
 public:
  LearnController(store::Store& store, const core::Bank& bank, std::int64_t profile_id, const Clock& clock,
                  LearnView& view);

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
