#pragma once
// Use cases behind every front end. Screens read the ViewState this class prepares and push
// Actions; after each frame apply_pending() carries them out (each write in its own
// transaction) and refreshes the view state they touched. No screen ever touches the store.
#include <array>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/clock.hpp"
#include "app/fit_flow.hpp"
#include "app/learn.hpp"
#include "app/quiz_flow.hpp"
#include "app/result.hpp"
#include "app/screen.hpp"
#include "app/study.hpp"
#include "core/bank.hpp"
#include "core/codepoints.hpp"
#include "core/coverage.hpp"
#include "store/repositories.hpp"

namespace rp::app {

enum class Theme { light, dark };

struct RoleOverview {
  std::string id;
  std::string name;
  std::string summary;
  int questions = 0;
};

struct TopicOverview {
  std::string id;
  std::string name;
  std::vector<int> questions_per_role;  // in bank role order
};

struct FitHistoryPoint {
  std::string date;     // YYYY-MM-DD, local
  double lean = 0;      // -1..1 toward the first role
  std::string outcome;  // role name or "No clear preference"
  double sure = 0.5;
  std::string sentence;  // as shown when the result was given
};

// Mastery and review state, for Home, Review, the fit result and reports.
struct TopicRow {
  std::string role_id, topic_id;
  std::string role, topic;
  std::string level;
  double score = 0;
  int seen = 0, total = 0;
  std::int64_t answers = 0, correct = 0;
  int due = 0;
};

struct LeechLine {
  std::size_t question = 0;  // index into Bank::questions
  std::string prompt, explanation;
  int misses = 0;
};

struct SuspendedLine {
  std::size_t question = 0;
  std::string prompt, topic;
};

struct StudyView {
  std::vector<TopicRow> topics;  // role-major
  std::vector<std::size_t> weak;  // indices into topics, weakest first
  std::vector<LeechLine> leeches;
  std::vector<SuspendedLine> suspended;
  std::array<int, 15> due_by_day{};
  std::array<std::string, 15> day_labels;
  std::int64_t reviewed_today = 0;
  int review_available = 0;  // questions a review would serve now: review_due, then review_extra
  int review_due = 0, review_extra = 0;
  StudySettings settings;
};

// A running quiz or review, whichever stage it is in.
struct SessionView {
  QuizFlow::Stage stage = QuizFlow::Stage::none;
  core::SessionKind kind = core::SessionKind::quiz;
  int number = 0, total = 0;
  std::string prompt, topic, roles;
  // Options as shown, top to bottom; selection, chosen and right are positions in this list, and
  // option_index maps a position to the option's index in the bank.
  std::vector<std::string> options;
  std::vector<std::size_t> option_index;
  bool several = false;
  std::string why;  // review: "Due today" or "Extra practice: a weak topic"
  std::set<std::size_t> selection;
  std::optional<bool> sure;
  bool ask_sure = false;
  std::string card_title, card_text;
  bool correct = false;
  std::set<std::size_t> chosen, right;
  std::string right_answer, explanation, source;
  std::string next_due;  // "Back tomorrow", "Back in 6 days"
  bool capped = false;   // answered again after undo: counted as the first answer was
  // The lesson section the question rests on, for "Read more" after an answer.
  std::string lesson_id, section, section_title;
  bool can_undo = false;
  int right_count = 0, answered = 0;
  struct TopicLine {
    std::string topic;
    int right = 0, total = 0;
  };
  std::vector<TopicLine> by_topic;
  struct Missed {
    std::string prompt, right_answer, explanation;
  };
  std::vector<Missed> missed;
  std::string after;  // the summary's last line: what is due next

  bool running() const {
    return stage == QuizFlow::Stage::card || stage == QuizFlow::Stage::question || stage == QuizFlow::Stage::feedback;
  }
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

  bool answering_more = false;  // after a result: leaving goes back to it

  // The outcome in one sentence (in full: ViewState::result), or "Last time: ..." while idle.
  std::string sentence;
  bool clear = false;
  std::vector<ReadinessLine> readiness;
  std::vector<FitHistoryPoint> history;
  std::string first_role, second_role;
};

// Progress over weeks.
struct HeatDay {
  std::string date;
  std::int64_t answers = 0, correct = 0;
  double minutes = 0;
  int level = 0;        // 0 none .. 4 most, for the colour
  bool future = false;  // later this week: drawn empty
};

struct WeekBar {
  std::string label;  // "2026-W09"
  std::string starts;  // the Monday, "2026-03-02"
  std::int64_t answers = 0;
  std::optional<double> accuracy;
  double minutes = 0;
  std::optional<double> retention;  // right share of due reviews
  bool goal_met = false;
};

struct MasteryLine {
  std::string topic;
  std::vector<std::optional<double>> scores;  // one per shown week, oldest first
};

struct ProgressView {
  bool has_goal = false;
  std::string goal_unit = "answers";  // or "minutes"
  int goal_target = 50;
  double this_week = 0;  // in the goal's unit
  std::vector<HeatDay> heat;  // 26 weeks of 7 days, week by week, oldest first
  std::vector<WeekBar> weeks;  // the last weeks_shown weeks, oldest first
  int weeks_shown = 12;        // 12, 26 or 52
  std::size_t mastery_role = 0;
  std::vector<MasteryLine> mastery;  // a line per topic, for mastery_role
  int day_streak = 0, week_streak = 0;
};

struct ProfileLine {
  std::int64_t id = 0;
  std::string name;
  std::int64_t answers = 0;
  bool current = false;
};

// Everything the screens show, prepared outside the frame.
struct ViewState {
  Screen screen = Screen::home;
  Theme theme = Theme::light;
  std::string error_banner;  // shown above every screen until dismissed
  bool banner_is_notice = false;  // the banner tells something to know rather than a failure

  std::string profile_name;
  std::int64_t answers_total = 0;         // every answer, questionnaire statements included
  std::int64_t graded_answers_total = 0;  // quiz and review answers only

  std::string bank_title;
  std::vector<RoleOverview> roles;
  std::vector<TopicOverview> topics;
  int question_total = 0;
  int statement_total = 0;

  FitView fit;
  ResultView result;
  StudyView study;
  SessionView session;
  QuizSetup quiz_setup;
  int quiz_available = 0;  // questions matching the setup's roles and topics
  // Lessons on the setup's topics that are unread, where the learner has answered nothing yet:
  // offered before a first quiz.
  struct UnreadLesson {
    std::string lesson_id, topic;
  };
  std::vector<UnreadLesson> quiz_unread_lessons;
  // A quiz or review left when the window closed, offered again.
  struct UnfinishedSession {
    core::SessionKind kind = core::SessionKind::quiz;
    std::string started;  // "2026-03-02 18:05"
    int answered = 0, total = 0;
  };
  std::optional<UnfinishedSession> unfinished_session;
  LearnView learn;
  ProgressView progress;
  std::vector<ProfileLine> profiles;
  // A profile name that could not be used, and why: shown beside the field it was typed in, never
  // in the banner. `profile` is the one being renamed; unset for the new-profile field.
  struct NameProblem {
    std::optional<std::int64_t> profile;
    std::string name, message;
  };
  std::optional<NameProblem> name_problem;
  // The text size, in percent of the monitor's own scale (90 to 160), remembered per profile.
  int text_size = 100;
  // Every character the screens may show from data (the bank, profile names, paths, messages),
  // so the window puts exactly those glyphs in its font atlas. It only ever grows. The app says
  // what it will show, rather than the screens collecting what they drew without a glyph: it is
  // known before the first frame (no frame of "?", a first screenshot already right), it covers
  // text any ImGui widget draws (buttons, combos, tables), not only RolePath's text helpers, and
  // it costs one pass over the bank at start (under a millisecond), not a scan of every frame.
  core::CodepointSet characters;

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
  std::string unit;  // "answers" or "minutes"
  int target;
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

struct AppOptions {
  // The profile to study as; unset means the one used last (or "Learner" the first time).
  std::optional<std::string> profile_name;
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
  // For use cases in app/ and for tests and the benchmark; front ends never touch the store.
  store::Store& store() { return *store_; }
  store::RowId profile_id() const { return profile_.id; }
  FitFlow& fit() { return *fit_; }
  QuizFlow& quiz() { return *quiz_; }
  LearnController& learn() { return *learn_; }
  ResultController& result() { return *result_; }
  Study& study() { return *study_; }
  Clock& clock() { return clock_; }

  // Applies what the screens queued. A failure is shown in the banner; the app goes on.
  void apply_pending();
  // Carries out one action; a failure of the learner's files is thrown as a core::DataError.
  void apply(const Action& action);

  // Rebuild the view state from the flows and the store (after any change, never in a frame).
  void refresh_fit_view();
  void refresh_study_view();
  void refresh_session_view();
  void refresh_progress_view();

  // Keeps this week's mastery of every role and topic for the mastery-over-time chart.
  void record_mastery_snapshot();
  // Re-reads everything for the current profile (after work done outside the actions, like a demo).
  void reload() { use_profile(profile_); }
  // The last `weeks` ISO weeks (this one included), oldest first, from the per-day totals.
  std::vector<core::WeekTotals> weekly(int weeks) const;
  std::optional<store::Goal> goal() const;
  // Re-reads the per-day totals of the last days after answers were recorded (cheap: two rows).
  void refresh_recent_days();

  // The longest a profile name may be, in characters.
  static constexpr std::size_t max_profile_name = 64;
  // The text size setting's range and step, in percent.
  static constexpr int min_text_size = 90, max_text_size = 160, text_size_step = 10;

 private:
  void refresh_study_figures();
  // After an answer or its undo: only the role x topic pairs that question belongs to are redone,
  // with today's figures; nothing walks every role and topic of the bank.
  void refresh_after_answer(std::size_t question);
  TopicRow topic_row(const TopicStatus& status) const;
  std::string next_due_text(core::TimeMs due) const;
  // The parts of the study view drawn from every question (weak list, leeches, due days, limit).
  void refresh_study_summary();
  void refresh_readiness(std::size_t role);
  // The result's next steps and the decision panel, after readiness or reading changed.
  void refresh_result_steps();
  // Progress in two parts: figures from the per-day totals (redone after each answer) and the
  // mastery lines from the weekly snapshots (redone only when those or the chart's choices change).
  void refresh_progress_figures();
  void refresh_mastery_lines();
  void record_mastery_snapshot(const std::vector<TopicStatus>& topics);
  void use_profile(const store::Profile& profile);
  void refresh_profiles();
  void refresh_quiz_offer();
  static std::string checked_profile_name(const std::string& name);
  // Whether `name` cannot be a new profile's name (no `id`) or profile `id`'s; the reason then
  // goes to ViewState::name_problem.
  bool report_name_problem(const std::string& name, std::optional<std::int64_t> id);

  std::unique_ptr<store::Store> store_;
  core::Bank bank_;
  Clock clock_;
  store::Profile profile_;
  ItemIds item_ids_;
  std::unique_ptr<FitFlow> fit_;
  std::unique_ptr<Study> study_;
  std::unique_ptr<QuizFlow> quiz_;
  std::unique_ptr<LearnController> learn_;
  std::unique_ptr<ResultController> result_;
  StudySnapshot snapshot_;
  std::vector<core::DayTotals> days_;  // the last 53 weeks of per-day totals, kept current
  core::LocalDay days_from_ = 0;
  // This week's snapshot as stored, per role x topic, so a snapshot writes only what changed.
  std::optional<core::LocalDay> written_week_;
  std::vector<std::optional<double>> written_scores_;
  ViewState view_;
  ActionQueue actions_;
};

}  // namespace rp::app
