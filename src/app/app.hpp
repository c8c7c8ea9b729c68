#pragma once
// Use cases behind every front end. Screens read the ViewState this class prepares and push
// Actions; after each frame apply_pending() carries them out (each write in its own
// transaction) and refreshes the view state they touched. No screen ever touches the store.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/clock.hpp"
#include "app/fit_flow.hpp"
#include "app/screen.hpp"
#include "core/bank.hpp"
#include "core/coverage.hpp"
#include "store/repositories.hpp"

namespace rp::app {

enum class Theme { light, dark };

struct RoleOverview {
  std::string name;
  std::string summary;
  int questions = 0;
};

struct TopicOverview {
  std::string name;
  std::vector<int> questions_per_role;  // in bank role order
};

struct FitRoleBar {
  std::string name;
  double score = 50, low = 0, high = 100;  // 0..100
};

struct FitReasonLine {
  std::string statement;
  std::string answer;  // "Strongly agree"
};

struct FitHistoryPoint {
  std::string date;     // YYYY-MM-DD, local
  double lean = 0;      // -1..1 toward the first role
  std::string outcome;  // role name or "No clear preference"
  double sure = 0.5;
};

struct ReadinessLine {
  std::string role;
  std::string level;  // "Not measured yet" until quizzes exist
  bool measured = false;
};

// The questionnaire screen: which stage, and what that stage shows.
struct FitView {
  FitFlow::Stage stage = FitFlow::Stage::idle;
  int unfinished_answers = 0;
  int statements_total = 0;

  // Asking
  std::string statement;
  std::string topic;
  int answered = 0;
  float progress = 0;
  std::optional<int> earlier_answer;
  bool can_go_back = false;
  bool can_finish = false;

  // Result (also the latest result while idle)
  std::string sentence;
  bool clear = false;
  std::vector<FitRoleBar> bars;
  std::string leader, runner_up;
  std::vector<FitReasonLine> toward_leader, toward_runner_up;
  std::string pivot;
  std::vector<ReadinessLine> readiness;
  std::vector<FitHistoryPoint> history;
  std::string first_role, second_role;
};

// Everything the screens show, prepared outside the frame.
struct ViewState {
  Screen screen = Screen::home;
  Theme theme = Theme::light;
  std::string error_banner;  // shown above every screen until dismissed

  std::string profile_name;
  std::int64_t answers_total = 0;

  std::string bank_title;
  std::vector<RoleOverview> roles;
  std::vector<TopicOverview> topics;
  int question_total = 0;
  int statement_total = 0;

  FitView fit;

  std::string database_path;
  int schema_version = 0;
  std::vector<std::string> bank_sources;
  std::string settings_file;  // where the window layout is kept
};

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
}  // namespace action

using Action = std::variant<action::Navigate, action::SetTheme, action::DismissError, action::ShowError,
                            action::FitStart, action::FitResume, action::FitAnswer, action::FitSkip, action::FitBack,
                            action::FitQuit, action::FitFinish, action::FitAnswerMore>;

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

struct AppOptions {
  std::string profile_name = "Learner";
  std::vector<std::string> bank_sources = {"built-in bank"};
  std::string settings_file;
};

class App {
 public:
  App(std::unique_ptr<store::Store> store, core::Bank bank, Clock clock, AppOptions options);

  const ViewState& view() const { return view_; }
  ActionQueue& actions() { return actions_; }
  const core::Bank& bank() const { return bank_; }
  const Clock& clock() const { return clock_; }
  store::Store& store() { return *store_; }
  store::RowId profile_id() const { return profile_.id; }
  FitFlow& fit() { return *fit_; }

  // Applies what the screens queued. A failure is shown in the banner; the app goes on.
  void apply_pending();
  void apply(const Action& action);

  // Rebuilds the questionnaire's view state from the flow (after any change to it).
  void refresh_fit_view();

 private:
  void refresh_study_figures();

  std::unique_ptr<store::Store> store_;
  core::Bank bank_;
  Clock clock_;
  store::Profile profile_;
  ItemIds item_ids_;
  std::unique_ptr<FitFlow> fit_;
  ViewState view_;
  ActionQueue actions_;
};

}  // namespace rp::app
