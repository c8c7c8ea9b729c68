#pragma once
// Everything the screens show, prepared by the controllers outside the frame. Front ends read
// these types and nothing of the store: this header (and those it includes) never names one.
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/screen.hpp"
#include "core/bank.hpp"
#include "core/codepoints.hpp"
#include "core/markdown.hpp"
#include "core/progress.hpp"
#include "core/review.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"

namespace rp::app {

// Where a quiz or review is: a study card first (review of a new topic), then question and
// feedback in turn, then the summary.
enum class SessionStage { none, card, question, feedback, summary };

// Where the questionnaire is.
enum class FitStage { idle, asking, done };

// Each number keeps itself in range (core/settings.hpp): whatever is assigned is clamped.
struct StudySettings {
  core::DesiredRetention desired_retention = 0.90;
  core::DailyLimit daily_limit = 50;
  bool ask_confidence = false;  // ask "sure / not sure" before confirming
  bool streaks = false;         // show streaks on Progress (opt-in; they never nag)
  core::RestDays rest_days = 1;
  core::DayStartHour day_start_hour = core::DayStart::default_hour;

  static constexpr double min_retention = core::DesiredRetention::min, max_retention = core::DesiredRetention::max;
};

struct QuizSetup {
  std::vector<std::string> roles;   // role ids; empty means every role
  std::vector<std::string> topics;  // topic ids; empty means every topic ("mixed")
  int count = 10;
};

// Lessons.
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

// The role-fit result.
struct FitRoleBar {
  std::string role_id, name;
  double score = 50, low = 0, high = 100;  // 0..100
};

struct FitReasonLine {
  std::string statement;
  std::string answer;  // the learner's own answer: "Strongly agree"
};

// How ready the learner is for a role: mastery of the topics on its path.
struct ReadinessLine {
  std::size_t role = 0;
  std::string name;
  std::string level;  // a mastery level with its figure, or "Not measured yet"
  std::string mastery;  // the mastery level alone: "Attempted"
  bool measured = false;
  double score = 0;  // 0..1, when measured
};

// One stored result, rebuilt in full.
struct ResultDetail {
  std::size_t index = 0;  // in the history, oldest first
  std::string date;       // "2026-03-02 at 18:05", local
  std::string sentence;   // the suggestion first: "AI Architect fits you better — 84% sure"
  std::optional<std::size_t> suggested;
  std::string outcome;  // the suggested role's name, or "No clear preference"
  double sure = 0.5;
  int answered = 0;
  std::vector<FitRoleBar> bars;
  std::string leader, runner_up;
  std::vector<FitReasonLine> toward_leader, toward_runner_up;
  std::vector<std::string> tip;  // what would tip it, sentence by sentence
  bool close = false;            // no preference, or one answer could change it
  // With a suggestion that one answer could still change: why a high "sure" and "close" agree.
  std::string caution;
  // What the result said when it was given, when its answers scored today read otherwise (the
  // statements or the model have changed since).
  std::string said_then;
  bool answers_found = true;  // false: only what was stored is shown (no reasons, no tip)
  // Statement topics where the learner's answers pointed both ways: what would separate the roles.
  struct SplitTopic {
    std::string topic;
    std::string lesson_id;  // the topic's lesson, to read; empty when there is none
    int toward_leader = 0, toward_runner_up = 0;
  };
  std::vector<SplitTopic> split_topics;
};

// The first steps of a role's study path.
struct NextSteps {
  std::size_t role = 0;
  std::string role_name;
  ReadinessLine readiness;
  std::vector<LessonLine> first_lessons;  // the next unread lessons of its path, in order (up to 3)
  int read_count = 0, path_size = 0;
  std::string start_lesson_id, start_title;  // its first unread lesson; empty when all are read
};

// Interest and readiness together, for Home, the result screen and the report.
struct DecisionView {
  bool taken = false;                // a result exists
  std::optional<std::size_t> lean;   // the suggested role of the latest result
  double sure = 0.5;
  std::string lean_text;             // "You lean to AI Architect — 93% sure (2026-03-02)"
  struct RoleReadiness {
    std::size_t role = 0;
    std::string name, level;  // level: the mastery level alone, "Attempted"
    bool measured = false;
    double score = 0;
    int lessons_read = 0, lessons = 0;
  };
  std::vector<RoleReadiness> roles;
  std::string next_text;  // what to study next, in words
  std::size_t next_role = 0;
  std::string next_lesson_id;  // empty: every lesson of the path is read, so review it
};

struct ResultView {
  bool has_result = false;
  ResultDetail latest;
  ResultDetail shown;  // the latest, or an earlier one opened from the history
  bool showing_latest = true;
  std::vector<NextSteps> next_steps;  // the suggested role's, or every role's when none is suggested
  DecisionView decision;
};


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
  std::vector<ReadinessLine> readiness;  // per role, in bank order: mastery of the topics on its path
};

// A running quiz or review, whichever stage it is in.
struct SessionView {
  SessionStage stage = SessionStage::none;
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
    return stage == SessionStage::card || stage == SessionStage::question || stage == SessionStage::feedback;
  }
};

// The questionnaire screen: which stage, and what that stage shows.
struct FitView {
  FitStage stage = FitStage::idle;
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
  core::WeeklyGoal goal;  // the learner's, when has_goal; else the one offered
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

}  // namespace rp::app
