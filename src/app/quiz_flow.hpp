#pragma once
// A topic quiz or a review session, shared by the GUI and the terminal: one question at a time,
// its options in a fresh order each time, each answer judged, graded and written (answer row and
// FSRS state in one transaction) when given, an undo of the last answer that restores the schedule
// exactly (an answer given again counts no better than the first), and a summary. What a session
// set out to ask is stored with it, so one left by closing the window can be resumed.
#include <map>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/study.hpp"
#include "core/quiz.hpp"
#include "core/session.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class QuizFlow {
 public:
  using Stage = SessionStage;

  QuizFlow(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile,
           const Clock& clock, Study& study);

  // The questions a quiz with this setup would ask, in order (shuffled by `seed`): no suspended
  // question, one question per fact, and facts answered today only after all the others.
  std::vector<std::size_t> pick(const QuizSetup& setup, std::uint64_t seed) const;
  void start_quiz(const QuizSetup& setup);
  // Review: the study queue (optionally one role's), limited by what is left of today's limit.
  void start_review(std::optional<std::size_t> role);
  // Review of chosen questions, e.g. the ones a quiz just missed.
  void start_review_of(const std::vector<std::size_t>& questions);

  // A quiz or review left unfinished (the window closed mid-way), from the store.
  struct Unfinished {
    core::SessionKind kind = core::SessionKind::quiz;
    core::TimeMs started = 0;
    int answered = 0, total = 0;
  };
  std::optional<Unfinished> unfinished() const;
  // Carries on with it where it stopped; returns false when there is nothing left to ask.
  bool resume();
  // Ends it as it stands: what was answered stays.
  void discard_unfinished();

  Stage stage() const { return stage_; }
  core::SessionKind kind() const { return kind_; }
  int total() const { return static_cast<int>(queue_.size()); }
  int number() const { return static_cast<int>(position_) + 1; }  // 1-based, of total()
  std::size_t question() const { return queue_.at(position_).question; }
  // Whether review serves the current question because it is due or as extra practice.
  core::ReviewReason reason() const { return queue_.at(position_).reason; }
  // The current question's options as shown, top to bottom: indices into core::answer_options().
  const std::vector<std::size_t>& shown_order() const { return shown_order_; }

  // The study card shown before the first question of a topic each day, in review.
  std::optional<std::pair<std::size_t, std::size_t>> card() const { return card_; }  // role, topic
  void dismiss_card();

  const std::set<std::size_t>& selection() const { return selection_; }
  std::optional<bool> sure() const { return sure_; }
  void pick_option(std::size_t option);  // single: chooses it; several: toggles it
  void set_sure(std::optional<bool> sure);
  void confirm();  // judges and records the selection; needs one
  void next();     // from the feedback to the next question or the summary
  bool can_undo() const;
  void undo();     // takes back the last answer until the next one is given
  void quit();     // ends the session; what was answered stays

  // Feedback on the answer just given.
  bool last_correct() const { return last_correct_; }
  const std::set<std::size_t>& last_choice() const { return last_choice_; }
  // True when the answer was given again after an undo and counted as the first one did.
  bool last_capped() const { return last_capped_; }
  // When the question just answered comes back.
  core::TimeMs last_next_due() const { return last_next_due_; }

  struct TopicTally {
    std::size_t topic = 0;
    int right = 0, total = 0;
  };
  int right() const;
  int answered() const { return static_cast<int>(results_.size()); }
  std::vector<TopicTally> by_topic() const;
  std::vector<std::size_t> missed() const;

 private:
  struct Result {
    std::size_t question;
    bool correct;
  };
  // The first answer to a question in this session, kept through an undo.
  struct FirstAnswer {
    bool correct;
    core::Grade grade;
  };
  struct Undo {
    std::int64_t answer = 0;
    std::size_t position = 0;
    std::optional<core::CardState> previous;
  };

  struct LeftBehind {
    std::int64_t session = 0;
    core::SessionKind kind = core::SessionKind::quiz;
    core::TimeMs started = 0;
    std::optional<std::size_t> role;
    std::vector<core::ReviewPick> done, rest;
    std::vector<Result> results;  // of `done`, in its order
  };
  std::optional<LeftBehind> left_behind() const;
  void begin(core::SessionKind kind, std::vector<core::ReviewPick> questions);
  void store_plan(std::int64_t session) const;
  void show_question();
  void finish();
  std::optional<std::pair<std::size_t, std::size_t>> card_due_for(std::size_t question) const;
  void mark_card_shown(std::size_t role, std::size_t topic);

  store::Store& store_;
  const core::Bank& bank_;
  const ItemIds& item_ids_;
  std::int64_t profile_;
  const Clock& clock_;
  Study& study_;

  Stage stage_ = Stage::none;
  core::SessionKind kind_ = core::SessionKind::quiz;
  std::optional<std::int64_t> session_;
  std::optional<std::size_t> review_role_;
  std::vector<core::ReviewPick> queue_;
  std::size_t position_ = 0;
  std::vector<std::size_t> shown_order_;
  std::mt19937_64 random_;
  std::map<std::size_t, FirstAnswer> first_answers_;  // by question
  bool last_capped_ = false;
  core::TimeMs last_next_due_ = 0;
  std::set<std::size_t> selection_;
  std::optional<bool> sure_;
  core::TimeMs shown_at_ = 0;
  std::optional<std::pair<std::size_t, std::size_t>> card_;
  bool last_correct_ = false;
  std::set<std::size_t> last_choice_;
  std::vector<Result> results_;
  std::optional<Undo> undo_;
};

}  // namespace rp::app
