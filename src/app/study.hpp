#pragma once
// What the learner knows: mastery per role and topic, weak topics, leeches, what is due, and the
// order review serves questions in. Built from the schedule and the answers, outside any frame.
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <span>
#include <vector>

#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "app/views.hpp"
#include "core/bank.hpp"
#include "core/mastery.hpp"
#include "core/review.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

struct TopicStatus {
  std::size_t role = 0;   // index into Bank::roles
  std::size_t topic = 0;  // index into Bank::topics
  core::TopicMastery mastery;
  std::int64_t answers = 0, correct = 0;
  int due = 0;  // questions due today
};

struct StudySnapshot {
  std::vector<TopicStatus> topics;  // role-major: every role x topic, at BankIndex::slot(role, topic)
  std::size_t topic_count = 0;      // topics in the bank, to find a role's run of rows
  std::vector<std::size_t> weak;    // indices into topics: started ones, lowest mastery first
  std::vector<std::size_t> leeches; // question indices missed at least leech_threshold times, not suspended
  std::vector<std::size_t> suspended;  // question indices the learner set aside, oldest first
  // Due today (including overdue), then on each of the next 14 learner days. A due question whose
  // sibling was answered today waits until tomorrow; suspended questions are not counted.
  std::array<int, 15> due_by_day{};
  std::vector<core::ReviewPick> review_plan;  // what a plain review would serve now (review_queue's order)
  std::int64_t reviewed_today = 0;
  std::int64_t answers_total = 0;

  // What update() keeps so that an answer redoes only its own question's share of each row: per
  // question its recall term, whether it is due today and its answer tallies, and per row the
  // running sums. Mastery is evaluated as of `as_of` (when the snapshot was built), so every term
  // of a row refers to one moment and a row's sum equals a full recomputation at that moment.
  struct QuestionFigures {
    core::RecallTerm recall;
    bool due = false;
    std::int64_t answers = 0, correct = 0;
    bool operator==(const QuestionFigures&) const = default;
  };
  std::vector<QuestionFigures> per_question;
  std::vector<core::MasteryTally> tallies;  // one per row, as topics
  core::TimeMs as_of = 0;
  core::LocalDay day = 0;                   // the learner day it was built on
  std::vector<std::size_t> changed;         // the rows the last update() redid

  const TopicStatus* find(std::size_t role, std::size_t topic) const;
  // The mean mastery score of a role's started topics, or nothing when none is started.
  std::optional<core::TopicMastery> role_readiness(std::size_t role) const;
};

class Study {
 public:
  static constexpr int leech_threshold = 4;

  Study(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile, const Clock& clock);

  StudySettings& settings() { return settings_; }
  const StudySettings& settings() const { return settings_; }
  void load_settings();
  void save_settings();
  core::Fsrs fsrs() const;

  StudySnapshot snapshot() const;
  // Brings `snap` (a snapshot() taken earlier) up to date after `question` was answered or its
  // answer undone: in the role x topic pairs of the question (and of its siblings, whose "due
  // today" it may change) only that question's term is replaced, so the cost does not grow with
  // the questions per topic; then the figures kept per question (due days, leeches) and today's
  // counts. Returns the pairs it redid, as indices into snap.topics (valid until the next update).
  // Mastery stays evaluated as of snap.as_of; on a new learner day the snapshot is built whole.
  std::span<const std::size_t> update(StudySnapshot& snap, std::size_t question) const;
  // Mastery and answer tallies of every role and topic (role-major) from the current schedule.
  std::vector<TopicStatus> mastery() const;

  // Review order (core::plan_review): what is due today first, least likely recalled first; then
  // extra practice from the weakest started topics, as much as core::extra_practice_for allows.
  // `role` limits it to that role's questions (and adds its unstarted topics to the practice).
  // At most `limit` questions.
  std::vector<core::ReviewPick> review_queue(std::optional<std::size_t> role, std::size_t limit) const;
  // The same, ranking topics by `topics` (as in a snapshot) instead of computing them again.
  std::vector<core::ReviewPick> review_queue(std::optional<std::size_t> role, std::size_t limit,
                                             const std::vector<TopicStatus>& topics) const;

  // The learner's day now: when it ends, which sibling groups were answered in it, what is suspended.
  struct Today {
    core::TimeMs now = 0, day_end = 0, day_begin = 0;
    core::LocalDay day = 0;
    std::set<std::size_t> buried;  // sibling groups with a question answered today
    std::set<std::size_t> answered;  // the questions answered today
    std::vector<bool> suspended;   // per question
    std::vector<std::size_t> set_aside;  // the suspended questions, oldest suspension first
  };
  Today today() const;
  core::DayStart day_start() const { return {settings_.day_start_hour}; }
  // Due today and servable today: not suspended, and no sibling answered today.
  bool due_today(std::size_t question, const core::CardState& card, const Today& today) const;
  std::optional<std::size_t> question_of_item(std::int64_t item) const;

  // Review answers given on the learner's local day now, each counted on the day it was given
  // (so 23:30 on the eve of a DST change stays on that eve), and what the daily limit leaves.
  std::int64_t reviewed_today() const;
  std::int64_t reviews_left_today() const;

  // A leech set aside: not served in review or quizzes until restored. Reset forgets the question's
  // schedule (it is new again); its answers stay in the history.
  void suspend(std::size_t question);
  void restore(std::size_t question);
  void reset(std::size_t question);

  std::int64_t item_id(std::size_t question) const;
  bool question_is_about(std::size_t question, std::size_t role, std::size_t topic) const;
  const core::BankIndex& index() const { return index_; }

 private:
  using Cards = std::unordered_map<std::int64_t, core::CardState>;
  using QuestionFigures = StudySnapshot::QuestionFigures;
  QuestionFigures figures_of(std::size_t question, const Cards& cards, const Today& today, core::TimeMs as_of,
                             const core::Fsrs& engine) const;
  // Every row from the figures of every question; fills `tallies` when given.
  std::vector<TopicStatus> rows_from(const std::vector<QuestionFigures>& figures,
                                     std::vector<core::MasteryTally>* tallies) const;
  std::vector<QuestionFigures> figures_from(const Cards& cards, const Today& today, core::TimeMs as_of) const;
  std::vector<TopicStatus> mastery_from(const Cards& cards, const Today& today) const;
  // The figures that look at every question once: leeches, reviews due per day, today's counts.
  void per_question_figures(StudySnapshot& snap, const Cards& cards, const Today& today) const;
  std::vector<core::ReviewPick> plan_with(std::optional<std::size_t> role, std::size_t limit,
                                          const std::vector<TopicStatus>& topics, const Today& today,
                                          const Cards& cards) const;

  store::Store& store_;
  const core::Bank& bank_;
  core::BankIndex index_;
  std::vector<std::int64_t> items_;  // the item row of each question, in bank order
  std::unordered_map<std::int64_t, std::size_t> question_of_item_;
  // The questions of each sibling group of two or more, by group: an answer buries its siblings.
  std::unordered_map<std::size_t, std::vector<std::size_t>> siblings_;
  std::int64_t profile_;
  const Clock& clock_;
  StudySettings settings_;
};

}  // namespace rp::app
