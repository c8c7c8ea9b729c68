#pragma once
// What the learner did, as the screens hand it to the app: one struct per kind of action, queued
// during a frame and carried out after it by the controller that owns the feature.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/views.hpp"

namespace rp::app {

namespace action {
struct Navigate {
  Screen to;
};
struct SetTheme {
  Theme theme;
};
struct DismissError {};
struct ShowError {
  std::string message;
  bool notice = false;  // something to know (a restore finished, odd rows skipped), not a failure
};
// The questionnaire.
struct FitStart {};
struct FitResume {};
struct FitAnswer {
  int likert;
};
struct FitSkip {};
struct FitBack {};
struct FitQuit {};
struct FitFinish {};
struct FitAnswerMore {};
// The result screen: an earlier result from the history (oldest first), or the latest again.
struct ResultOpen {
  std::size_t index;
};
struct ResultLatest {};
// Quizzes and review.
struct SetQuizSetup {
  QuizSetup setup;
};
struct QuizStart {};
struct ReviewStart {
  std::optional<std::size_t> role;  // "Study for this role"
};
struct ReviewMissed {};
struct CardDismiss {};
struct QuizPick {
  std::size_t option;
};
struct QuizSure {
  std::optional<bool> sure;
};
struct QuizConfirm {};
struct QuizNext {};
struct QuizUndo {};
struct QuizQuit {};
struct QuizResume {};
struct QuizDiscard {};
// Leeches: set aside, take back, or start over.
struct SuspendQuestion {
  std::size_t question;
};
struct RestoreQuestion {
  std::size_t question;
};
struct ResetQuestion {
  std::size_t question;
};
struct SetStudySettings {
  StudySettings settings;
};
// Lessons.
struct LearnChooseRole {
  std::size_t role;
};
// Opens the Learn screen at a lesson, and at one of its sections when `section` names one.
struct LearnOpen {
  std::string lesson_id;
  std::string section;
};
struct LearnClose {};
struct LearnReachedEnd {};
// Progress and profiles.
struct SetGoal {
  core::WeeklyGoal goal;
};
struct SetProgressWeeks {
  int weeks;
};
struct SetMasteryRole {
  std::size_t role;
};
struct CreateProfile {
  std::string name;
};
struct RenameProfile {
  std::int64_t id;
  std::string name;
};
struct DeleteProfile {
  std::int64_t id;
};
struct SwitchProfile {
  std::int64_t id;
};
// 90 to 160 (percent, in steps of 10) for this profile.
struct SetTextSize {
  int percent;
};
}  // namespace action

using Action = std::variant<action::Navigate, action::SetTheme, action::DismissError, action::ShowError,
                            action::FitStart, action::FitResume, action::FitAnswer, action::FitSkip, action::FitBack,
                            action::FitQuit, action::FitFinish, action::FitAnswerMore, action::ResultOpen,
                            action::ResultLatest, action::SetQuizSetup,
                            action::QuizStart, action::ReviewStart, action::ReviewMissed, action::CardDismiss,
                            action::QuizPick, action::QuizSure, action::QuizConfirm, action::QuizNext, action::QuizUndo,
                            action::QuizQuit, action::QuizResume, action::QuizDiscard, action::SuspendQuestion,
                            action::RestoreQuestion, action::ResetQuestion, action::SetStudySettings, action::LearnChooseRole, action::LearnOpen,
                            action::LearnClose, action::LearnReachedEnd, action::SetGoal, action::SetProgressWeeks,
                            action::SetMasteryRole, action::CreateProfile, action::RenameProfile, action::DeleteProfile,
                            action::SwitchProfile, action::SetTextSize>;

// What screens hand back: things the learner did this frame, applied after it.
class ActionQueue {
 public:
  template <typename A>
  void push(A action) {
    pending_.emplace_back(std::in_place_type<A>, std::move(action));
  }
  std::vector<Action> take() { return std::exchange(pending_, {}); }
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<Action> pending_;
};

}  // namespace rp::app
