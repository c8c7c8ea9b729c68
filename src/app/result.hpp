#pragma once
// The role-fit result as a place to come back to: the latest full result (or an earlier one from
// the history), what would tip it, the next steps on the suggested role's path, and the decision
// panel that puts interest and readiness side by side. ResultController owns ResultView and the
// result actions; App only routes them here.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/item_ids.hpp"
#include "app/learn.hpp"
#include "core/bank.hpp"
#include "core/fit.hpp"

namespace rp::store {
class Store;
struct FitRecord;
}  // namespace rp::store

namespace rp::app {

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

class ResultController {
 public:
  ResultController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile_id,
                   ResultView& view);
  ~ResultController();

  // Re-reads the stored results (after one is saved) and shows the latest.
  void reload();
  // Shows an earlier result, by its place in the history (oldest first).
  void open(std::size_t index);
  void show_latest();
  std::size_t count() const;  // results stored
  // Next steps and the decision panel, from readiness and the paths (after study or reading).
  void refresh_steps(const std::vector<ReadinessLine>& readiness, const LearnController& learn);

 private:
  ResultDetail describe(std::size_t index) const;
  std::optional<std::vector<core::FitAnswer>> answers_of(const store::FitRecord& record) const;

  store::Store& store_;
  const core::Bank& bank_;
  std::int64_t profile_id_;
  std::unordered_map<std::int64_t, std::size_t> statement_of_item_;
  std::vector<store::FitRecord> records_;  // oldest first
  ResultView& view_;
};

}  // namespace rp::app
