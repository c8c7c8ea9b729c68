#pragma once
// The app behind every front end. It owns the learner's files (the store, sealed in app/), the
// bank and one controller per feature: questionnaire, result, learn, quiz and review, progress,
// profiles and settings. Screens read the ViewState the controllers prepare and push Actions;
// after each frame apply_pending() hands each action to the controller of its feature (each
// write in its own transaction) and, from the Changes it reports, has the other features redo
// the views that show what changed. No screen ever touches the store: this header names nothing
// of it but the one type App owns.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "app/views.hpp"
#include "core/bank.hpp"
#include "core/progress.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class FitController;
class FitFlow;
class LearnController;
class ProfilesController;
class ProgressController;
class QuizFlow;
class ResultController;
class Study;
class StudyController;
struct Changes;

struct AppOptions {
  // The profile to study as; unset means the one used last (or "Learner" the first time).
  std::optional<std::string> profile_name;
  std::vector<std::string> bank_sources = {"built-in bank"};
  std::string settings_file;
};

class App {
 public:
  App(std::unique_ptr<store::Store> store, core::Bank bank, Clock clock, AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  const ViewState& view() const { return view_; }
  ActionQueue& actions() { return actions_; }
  const core::Bank& bank() const { return bank_; }
  const Clock& clock() const { return clock_; }
  Clock& clock() { return clock_; }

  // The parts, for use cases in app/ (open, demo, export) and for tests and the benchmark. Front
  // ends never use them: they cannot even name the store's types.
  store::Store& store() { return *store_; }
  std::int64_t profile_id() const;
  FitFlow& fit();
  QuizFlow& quiz();
  Study& study();
  LearnController& learn() { return *learn_; }
  ResultController& result() { return *result_; }

  // Applies what the screens queued. A failure is shown in the banner; the app goes on.
  void apply_pending();
  // Carries out one action; a failure of the learner's files is thrown as a core::DataError.
  void apply(const Action& action);

  // For work done outside the actions (a demo, a test that moves the clock): redo a view, keep
  // this week's mastery on record, or re-read everything for the current profile.
  void refresh_session_view();
  void refresh_progress_view();
  void record_mastery_snapshot();
  void reload() { start_profile(); }

  // The last `weeks` ISO weeks (this one included), oldest first, from the per-day totals.
  std::vector<core::WeekTotals> weekly(int weeks) const;
  std::optional<core::WeeklyGoal> goal() const;

 private:
  // Builds the per-profile controllers for the current profile and every view from the store.
  void start_profile();
  // Redoes what `changes` names, in every feature that shows it.
  void follow(const Changes& changes);
  void refresh_result_steps();
  // The app's own actions: where the window is and the banner.
  Changes handle(const action::Navigate&);
  Changes handle(const action::DismissError&);
  Changes handle(const action::ShowError&);

  std::unique_ptr<store::Store> store_;
  core::Bank bank_;
  Clock clock_;
  ItemIds item_ids_;
  ViewState view_;
  ActionQueue actions_;
  std::unique_ptr<ProfilesController> profiles_;
  // Per profile, rebuilt by start_profile(); declared in the order they depend on each other.
  std::unique_ptr<LearnController> learn_;
  std::unique_ptr<StudyController> study_;
  std::unique_ptr<FitController> fit_;
  std::unique_ptr<ResultController> result_;
  std::unique_ptr<ProgressController> progress_;
};

}  // namespace rp::app
