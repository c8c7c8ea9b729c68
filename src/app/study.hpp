#pragma once
// What the learner knows: mastery per role and topic, weak topics, leeches, what is due, and the
// order review serves questions in. Built from the schedule and the answers, outside any frame.
#include <array>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "core/bank.hpp"
#include "core/mastery.hpp"
#include "store/repositories.hpp"

namespace rp::app {

struct StudySettings {
  double desired_retention = 0.90;  // 0.70 .. 0.97
  int daily_limit = 50;             // review questions a day
  bool ask_confidence = false;      // ask "sure / not sure" before confirming
  bool streaks = false;             // show streaks on Progress (opt-in; they never nag)
  int rest_days = 1;                // days off a week that do not break a day streak, 0..2

  static constexpr double min_retention = 0.70, max_retention = 0.97;
};

struct TopicStatus {
  std::size_t role = 0;   // index into Bank::roles
  std::size_t topic = 0;  // index into Bank::topics
  core::TopicMastery mastery;
  std::int64_t answers = 0, correct = 0;
  int due = 0;  // questions due now
};

struct StudySnapshot {
  std::vector<TopicStatus> topics;  // role-major: every role x topic, at BankIndex::slot(role, topic)
  std::size_t topic_count = 0;      // topics in the bank, to find a role's run of rows
  std::vector<std::size_t> weak;    // indices into topics: started ones, lowest mastery first
  std::vector<std::size_t> leeches; // question indices missed at least leech_threshold times
  std::array<int, 15> due_by_day{};  // due today (including overdue), then each of the next 14 days
  std::int64_t reviewed_today = 0;
  std::int64_t answers_total = 0;

  const TopicStatus* find(std::size_t role, std::size_t topic) const;
  // The mean mastery score of a role's started topics, or nothing when none is started.
  std::optional<core::TopicMastery> role_readiness(std::size_t role) const;
};

class Study {
 public:
  static constexpr int leech_threshold = 4;

  Study(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, store::RowId profile, const Clock& clock);

  StudySettings& settings() { return settings_; }
  void load_settings();
  void save_settings();
  core::Fsrs fsrs() const;

  StudySnapshot snapshot() const;
  // Brings `snap` (a snapshot() taken earlier) up to date after `question` was answered or its
  // answer undone: only the role x topic pairs the question belongs to are recomputed, with the
  // figures kept per question (due days, leeches) and today's counts. Returns those pairs, as
  // indices into snap.topics. Other pairs keep the mastery computed when they were last redone.
  std::span<const std::size_t> update(StudySnapshot& snap, std::size_t question) const;
  // Mastery and answer tallies of every role and topic (role-major) from the current schedule.
  std::vector<TopicStatus> mastery() const;

  // Review order: due questions first, least likely to be recalled first; then questions from the
  // weakest started topics. `role` limits it to that role's questions. At most `limit` questions.
  std::vector<std::size_t> review_queue(std::optional<std::size_t> role, std::size_t limit) const;
  // The same, ranking topics by `topics` (as in a snapshot) instead of computing them again.
  std::vector<std::size_t> review_queue(std::optional<std::size_t> role, std::size_t limit,
                                        const std::vector<TopicStatus>& topics) const;

  // Review answers given on the learner's local day now, each counted on the day it was given
  // (so 23:30 on the eve of a DST change stays on that eve), and what the daily limit leaves.
  std::int64_t reviewed_today() const;
  std::int64_t reviews_left_today() const;

  store::RowId item_id(std::size_t question) const;
  bool question_is_about(std::size_t question, std::size_t role, std::size_t topic) const;
  const core::BankIndex& index() const { return index_; }

 private:
  using Cards = std::unordered_map<store::RowId, core::CardState>;
  TopicStatus status_of(std::size_t slot, const Cards& cards, core::TimeMs now, const core::Fsrs& engine) const;
  std::vector<TopicStatus> mastery_from(const Cards& cards) const;
  // The figures that look at every question once: leeches, reviews due per day, today's counts.
  void per_question_figures(StudySnapshot& snap, const Cards& cards) const;

  store::Store& store_;
  const core::Bank& bank_;
  core::BankIndex index_;
  std::vector<store::RowId> items_;  // the item row of each question, in bank order
  store::RowId profile_;
  const Clock& clock_;
  StudySettings settings_;
};

}  // namespace rp::app
