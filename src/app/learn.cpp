#include "app/learn.hpp"

#include <algorithm>
#include <map>

#include "core/calendar.hpp"
#include "store/repositories.hpp"

namespace rp::app {

namespace {
constexpr int words_per_minute = 200;
}

LearnController::LearnController(store::Store& store, const core::Bank& bank, std::int64_t profile_id,
                                 const Clock& clock, LearnView& view)
    : store_(store), bank_(bank), profile_id_(profile_id), clock_(clock), view_(view) {
  view_ = LearnView{};
  // Each role's path once: after every answer the next steps walk them, so no walk searches the bank.
  paths_.resize(bank_.roles.size());
  if (!bank_.lessons.empty())
    for (std::size_t role = 0; role < bank_.roles.size(); ++role)
      for (std::size_t topic = 0; topic < bank_.topics.size(); ++topic)
        if (const core::Lesson* lesson = bank_.find_lesson(bank_.roles[role].id, bank_.topics[topic].id))
          paths_[role].push_back({topic, lesson});
  refresh_path();
}

std::vector<LessonLine> LearnController::path_of(std::size_t role) const {
  std::vector<LessonLine> path;
  if (role >= paths_.size()) return path;
  for (const auto& [topic_index, lesson] : paths_[role]) {
    const core::Topic& topic = bank_.topics[topic_index];
    LessonLine line;
    line.lesson_id = lesson->id;
    line.topic_id = topic.id;
    line.topic = topic.name;
    line.title = lesson->title;
    line.words = static_cast<int>(lesson->words);
    line.minutes = std::max(1, (line.words + words_per_minute / 2) / words_per_minute);
    if (const auto it = reads_.find(lesson->id); it != reads_.end()) {
      line.read = true;
      line.read_on = core::format_day(Clock::local_day(it->second));
    }
    path.push_back(std::move(line));
  }
  return path;
}

void LearnController::refresh_path() {
  reads_.clear();
  for (auto& read : store::LessonReads(store_).all(profile_id_)) reads_[read.lesson_id] = read.last_read_ms;

  const std::string open_id = view_.open ? view_.path[*view_.open].lesson_id : std::string();
  view_.path = path_of(view_.role);
  view_.read_count = 0;
  view_.next_unread.reset();
  view_.open.reset();
  for (std::size_t i = 0; i < view_.path.size(); ++i) {
    if (view_.path[i].read) {
      ++view_.read_count;
    } else if (!view_.next_unread) {
      view_.next_unread = i;
    }
    if (view_.path[i].lesson_id == open_id) view_.open = i;
  }
}

// Learning reads no answers: what changes elsewhere is only the lessons offered before a quiz,
// and after a lesson read to the end, the next steps.
Changes LearnController::handle(const action::LearnChooseRole& a) {
  choose_role(a.role);
  return Changes::quiz_offer;
}
Changes LearnController::handle(const action::LearnOpen& a) {
  open(a.lesson_id, a.section);
  return Changes::leading_to(Screen::learn, Changes::quiz_offer);
}
Changes LearnController::handle(const action::LearnClose&) {
  close();
  return Changes::quiz_offer;
}
Changes LearnController::handle(const action::LearnReachedEnd&) {
  reached_end();
  return Changes::quiz_offer | Changes::result_steps;
}

void LearnController::choose_role(std::size_t role) {
  if (role >= bank_.roles.size() || role == view_.role) return;
  view_.role = role;
  refresh_path();
}

void LearnController::open(const std::string& lesson_id, const std::string& section) {
  const core::Lesson* lesson = bank_.find_lesson(lesson_id);
  if (!lesson) return;
  const auto on_path = [&] {
    return std::any_of(view_.path.begin(), view_.path.end(), [&](const LessonLine& l) { return l.lesson_id == lesson_id; });
  };
  if (!on_path()) {
    for (std::size_t r = 0; r < bank_.roles.size(); ++r)
      if (std::find(lesson->roles.begin(), lesson->roles.end(), bank_.roles[r].id) != lesson->roles.end()) {
        view_.role = r;
        break;
      }
    refresh_path();
  }
  for (std::size_t i = 0; i < view_.path.size(); ++i)
    if (view_.path[i].lesson_id == lesson_id) view_.open = i;
  view_.title = lesson->title;
  view_.topic_id = lesson->topic;
  view_.lesson_id = lesson->id;
  view_.body = core::parse_markdown(lesson->text);
  view_.sources = lesson->sources;
  view_.scroll_to = section;
  view_.end_reached = false;
  view_.marked_read = false;
  ++view_.opening;
}

void LearnController::close() {
  view_.open.reset();
  view_.lesson_id.clear();
  view_.body = {};
  view_.sources.clear();
  view_.scroll_to.clear();
}

void LearnController::reached_end() {
  if (view_.lesson_id.empty() || view_.end_reached) return;
  // Set before writing: a write that fails (a full disk) is reported once, not retried on every
  // frame the end stays on screen.
  view_.end_reached = true;
  store::LessonReads(store_).mark_read(profile_id_, view_.lesson_id, clock_.now());
  view_.marked_read = true;
  refresh_path();
}

bool LearnController::lesson_read(const std::string& role_id, const std::string& topic_id) const {
  const core::Lesson* lesson = bank_.find_lesson(role_id, topic_id);
  return !lesson || reads_.count(lesson->id) > 0;
}

}  // namespace rp::app
