#pragma once
// One small repository per kind of row. Each takes the Store and speaks in domain terms.
//
// Every row is read through one reader per kind of row, which returns values in their valid
// range: a row that cannot be used (a NULL or text where a number belongs, an unknown item, a
// time no clock gives) is skipped, and an out-of-range value (negative stability, -50 answers,
// 1e17 ms of study a day, text that is not UTF-8) is clamped or repaired. Reading never writes:
// the row on disk stays as it was, and is counted once (see OddRow) so the learner hears of it.
//
// Every write runs in Store::in_transaction: in a transaction of its own, or, when the caller
// already holds one, in a savepoint of it. Either way a write that fails leaves nothing behind,
// and a write inside the caller's transaction reaches the disk when that transaction commits.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bank.hpp"
#include "core/calendar.hpp"
#include "core/fsrs.hpp"
#include "core/progress.hpp"
#include "core/session.hpp"
#include "core/time.hpp"
#include "store/store.hpp"

namespace rp::store {

using RowId = std::int64_t;

// Kinds of stored rows that can be found out of range, in the order the notice names them.
enum class OddRow {
  review_state,
  daily_total,
  answer,
  fit_result,
  mastery_snapshot,
  weekly_goal,
  profile_name,
  setting,
  lesson_read
};
inline constexpr std::size_t odd_row_kinds = 9;

// Notes that row `key` of this kind was skipped or corrected as it was read. Each row counts
// once per open database however often it is read. For readers outside the repositories too
// (the role-fit details are JSON, which the store does not parse).
void note_odd_row(Store& store, OddRow kind, const std::string& key);
// One line for the learner about the rows noted since the last call, or "" when there are none:
// "Some stored records were out of range and were skipped or corrected: 3 review states, 1 daily
// total. The database itself is unchanged." (Short enough for two lines of the window's banner.)
std::string take_odd_rows_notice(Store& store);

struct Profile {
  RowId id = 0;
  std::string name;
  core::TimeMs created_ms = 0;
};

class Profiles {
 public:
  explicit Profiles(Store& store) : store_(store) {}
  std::vector<Profile> list();
  std::optional<Profile> find(RowId id);
  std::optional<Profile> find_by_name(const std::string& name);
  Profile create(const std::string& name, core::TimeMs now);
  // The profile called `name`, created if there is none yet.
  Profile ensure(const std::string& name, core::TimeMs now);
  void rename(RowId id, const std::string& name);
  // Deletes the profile and everything that is only its own; other learners' data stays.
  void remove(RowId id);

 private:
  Store& store_;
};

struct ItemSync {
  int added = 0;
  int changed = 0;
  std::unordered_map<std::string, RowId> ids;  // bank id -> item row
};

class Items {
 public:
  explicit Items(Store& store) : store_(store) {}
  // Records every question and statement of the bank by its stable id, noting new and edited
  // ones; items that left the bank keep their rows so their history stays readable.
  ItemSync sync(const core::Bank& bank, core::TimeMs now);
  std::int64_t count();

 private:
  Store& store_;
};

class Sessions {
 public:
  explicit Sessions(Store& store) : store_(store) {}
  RowId start(RowId profile_id, core::SessionKind kind, core::TimeMs now);
  void finish(RowId session_id, core::TimeMs now);
  // Clears the end time so the learner can carry on with a finished session.
  void reopen(RowId session_id);
  // The learner's newest session of this kind that was never finished.
  std::optional<RowId> unfinished(RowId profile_id, core::SessionKind kind);
  // What a quiz or review set out to ask (JSON, written by app/), kept so it can be resumed.
  void set_plan(RowId session_id, const std::string& plan);
  struct Planned {
    RowId id = 0;
    core::SessionKind kind = core::SessionKind::quiz;
    core::TimeMs started_ms = 0;
    std::string plan;
  };
  // The learner's newest quiz or review that was never finished and has a plan.
  std::optional<Planned> unfinished_plan(RowId profile_id);

 private:
  Store& store_;
};

struct AnswerRecord {
  RowId profile_id = 0;
  RowId session_id = 0;
  RowId item_id = 0;
  core::TimeMs answered_ms = 0;
  std::string chosen;
  std::optional<bool> correct;  // unset for statements
  std::int64_t latency_ms = 0;
  std::optional<bool> sure;     // unset when the learner was not asked
  core::LocalDay local_day = 0;  // the learner's calendar day when answered
  bool was_due = false;          // a review answer to a question that was due
  std::string shown_order;       // option indices in the order shown, "2,0,1"; empty when not recorded
  bool after_undo = false;       // given again after the first answer was undone
};

class Answers {
 public:
  explicit Answers(Store& store) : store_(store) {}
  // Writes one answer and adds it to its day's totals, both or neither. Called outside any
  // transaction, the answer is on disk when this returns.
  RowId record(const AnswerRecord& answer);
  // Deletes one answer and takes it back from its day's totals, both or neither.
  void remove(RowId answer_id);
  std::int64_t count(RowId profile_id);
  // Answers that were marked right or wrong: quiz and review answers, not questionnaire statements.
  std::int64_t count_graded(RowId profile_id);
  std::int64_t count_between(RowId profile_id, core::TimeMs from, core::TimeMs to);
  // The same, counting only answers given in sessions of one kind.
  std::int64_t count_between(RowId profile_id, core::TimeMs from, core::TimeMs to, core::SessionKind kind);
  // Answers given in sessions of `kind` whose local day (answer.local_day, fixed when written) is
  // `day`. An answer keeps the day it was given on, whatever the zone or DST rule in force now.
  std::int64_t count_on_day(RowId profile_id, core::LocalDay day, core::SessionKind kind);
  // Oldest first.
  std::vector<AnswerRecord> in_session(RowId session_id);
  // The items answered at or after `from`, each once.
  std::vector<RowId> items_answered_since(RowId profile_id, core::TimeMs from);

 private:
  Store& store_;
};

// FSRS memory state per learner and question.
class Schedules {
 public:
  explicit Schedules(Store& store) : store_(store) {}
  std::optional<core::CardState> get(RowId profile_id, RowId item_id);
  void put(RowId profile_id, RowId item_id, const core::CardState& card);
  void remove(RowId profile_id, RowId item_id);
  std::unordered_map<RowId, core::CardState> all(RowId profile_id);

 private:
  Store& store_;
};

struct FitRecord {
  RowId id = 0;
  RowId session_id = 0;
  core::TimeMs computed_ms = 0;
  std::optional<std::string> suggested;  // role id; unset for "no clear preference"
  double sure = 0.5;
  std::string detail_json;
};

class FitResults {
 public:
  explicit FitResults(Store& store) : store_(store) {}
  RowId save(RowId profile_id, const FitRecord& record);
  // Oldest first.
  std::vector<FitRecord> history(RowId profile_id);

 private:
  Store& store_;
};

// Per-day totals, kept up to date by Answers::record and Answers::remove.
class DailyActivity {
 public:
  explicit DailyActivity(Store& store) : store_(store) {}
  // Days with activity in [from, to], oldest first.
  std::vector<core::DayTotals> range(RowId profile_id, core::LocalDay from, core::LocalDay to);

 private:
  Store& store_;
};

struct Goal {
  static constexpr int max_weekly_target = 100'000;  // the bound App's SetGoal enforces
  std::string unit;  // "answers" or "minutes"
  int weekly_target = 0;
};

class Goals {
 public:
  explicit Goals(Store& store) : store_(store) {}
  std::optional<Goal> get(RowId profile_id);
  void set(RowId profile_id, const Goal& goal, core::TimeMs now);

 private:
  Store& store_;
};

struct MasteryPoint {
  core::LocalDay week_monday = 0;
  std::string role, topic;
  double score = 0;
};

class MasterySnapshots {
 public:
  explicit MasterySnapshots(Store& store) : store_(store) {}
  // A score that is not a number is not written (mastery_snapshot.score is NOT NULL, and SQLite
  // stores NaN as NULL); others are kept within [0, 1].
  void put(RowId profile_id, const MasteryPoint& point);
  // The snapshot of the week starting `week_monday`, only `role`'s points when one is named. A
  // row that cannot be used (a week that is not a Monday, a score that is not a number) is
  // skipped; a score is clamped into [0, 1].
  std::vector<MasteryPoint> week(RowId profile_id, core::LocalDay week_monday,
                                 const std::optional<std::string>& role = std::nullopt);

 private:
  Store& store_;
};

// One answer as `rolepath export --csv` writes it.
struct ExportRow {
  core::TimeMs answered_ms = 0;
  std::string profile, session_kind, item, roles, topic;
  std::optional<bool> correct;
  std::int64_t latency_ms = 0;
  std::optional<bool> sure;
  std::string chosen, shown_order;
  bool after_undo = false;
};

class Export {
 public:
  explicit Export(Store& store) : store_(store) {}
  // Calls `row` for every answer of the profile, oldest first, without holding them all.
  void answers(RowId profile_id, const std::function<void(const ExportRow&)>& row);

 private:
  Store& store_;
};

struct LessonRead {
  std::string lesson_id;
  core::TimeMs first_read_ms = 0, last_read_ms = 0;
  std::int64_t times = 1;
};

class LessonReads {
 public:
  explicit LessonReads(Store& store) : store_(store) {}
  // Notes one reading of a lesson to its end at `now`. A clock set back does not move the first
  // reading later or the last one earlier.
  void mark_read(RowId profile_id, const std::string& lesson_id, core::TimeMs now);
  // Every lesson the profile has read, by lesson id. A row with a time no clock gives or without a
  // lesson id is skipped; a count below one reads as one.
  std::vector<LessonRead> all(RowId profile_id);

 private:
  Store& store_;
};

// Questions a learner set aside: not served in review or quizzes until taken back.
class Suspensions {
 public:
  explicit Suspensions(Store& store) : store_(store) {}
  void suspend(RowId profile_id, RowId item_id, core::TimeMs now);
  void restore(RowId profile_id, RowId item_id);
  // Item ids, oldest suspension first.
  std::vector<RowId> all(RowId profile_id);

 private:
  Store& store_;
};

class Settings {
 public:
  static constexpr RowId app_wide = 0;
  explicit Settings(Store& store) : store_(store) {}
  // Nothing for a value that is wholly a number but not a finite one ("nan", "inf", "1e999"): no
  // setting is one, and such a value would carry NaN into every interval and mastery figure.
  std::optional<std::string> get(RowId profile_id, const std::string& key);
  void set(RowId profile_id, const std::string& key, const std::string& value);

 private:
  Store& store_;
};

}  // namespace rp::store
