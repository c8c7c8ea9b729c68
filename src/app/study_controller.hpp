#pragma once
// Quizzes, review and what the learner knows, for the window: it owns the study state (Study),
// the running quiz or review (QuizFlow), their snapshot, and its slices of the view state
// (ViewState::study, ::session, ::quiz_setup, ::quiz_available, ::quiz_unread_lessons and
// ::unfinished_session). It handles the quiz, review, leech and study-settings actions; App only
// routes them here and redoes the other features' views from the Changes they return.
#include <cstdint>
#include <memory>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "core/bank.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class LearnController;
class QuizFlow;
class Study;
struct StudySnapshot;
struct TopicStatus;

class StudyController {
 public:
  // `learn` tells which lessons are read, for the lessons offered before a quiz.
  StudyController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile_id,
                  const Clock& clock, const LearnController& learn, ViewState& view);
  ~StudyController();

  Study& study() { return *study_; }
  const Study& study() const { return *study_; }
  QuizFlow& quiz() { return *quiz_; }
  const StudySnapshot& snapshot() const { return *snapshot_; }

  Changes handle(const action::SetQuizSetup&);
  Changes handle(const action::QuizStart&);
  Changes handle(const action::ReviewStart&);
  Changes handle(const action::ReviewMissed&);
  Changes handle(const action::CardDismiss&);
  Changes handle(const action::QuizPick&);
  Changes handle(const action::QuizSure&);
  Changes handle(const action::QuizConfirm&);
  Changes handle(const action::QuizNext&);
  Changes handle(const action::QuizUndo&);
  Changes handle(const action::QuizQuit&);
  Changes handle(const action::QuizResume&);
  Changes handle(const action::QuizDiscard&);
  Changes handle(const action::SuspendQuestion&);
  Changes handle(const action::RestoreQuestion&);
  Changes handle(const action::ResetQuestion&);
  Changes handle(const action::SetStudySettings&);

  // Every study figure from the stored schedule: topics, weak list, leeches, due days,
  // readiness, the quiz offer and the session.
  void refresh();
  // After `question` was answered or its answer undone: only the role x topic pairs it belongs
  // to are redone (nothing walks every role and topic of the bank), then the summary and session.
  void refresh_after_answer(std::size_t question);
  void refresh_session();
  void refresh_quiz_offer();

 private:
  bool in_session() const;
  // Moving inside a session stores nothing other views show; leaving one changes what is known.
  Changes after_step() const;
  TopicRow topic_row(const TopicStatus& status) const;
  std::string next_due_text(core::TimeMs due) const;
  // The parts of the study view drawn from every question (weak list, leeches, due days, limit).
  void refresh_summary();
  void refresh_readiness(std::size_t role);

  store::Store& store_;
  const core::Bank& bank_;
  std::int64_t profile_id_;
  const Clock& clock_;
  const LearnController& learn_;
  std::unique_ptr<Study> study_;
  std::unique_ptr<QuizFlow> quiz_;
  std::unique_ptr<StudySnapshot> snapshot_;
  ViewState& view_;
};

}  // namespace rp::app
