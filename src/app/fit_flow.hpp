#pragma once
// The "which role suits you" questionnaire as a use case, shared by the GUI and the terminal:
// which statement to show, recording each answer when given, Back, Skip, Quit (kept for next
// time), and the result with its history.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "app/clock.hpp"
#include "app/item_ids.hpp"
#include "app/views.hpp"
#include "core/fit.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

// One completed result as the history shows it.
struct FitHistoryEntry {
  core::TimeMs when = 0;
  std::optional<std::size_t> suggested;  // role index
  double sure = 0.5;
  double lean = 0;  // -1..1: > 0 leans to the bank's first role, < 0 to the second
  std::string sentence;
};

class FitFlow {
 public:
  using Stage = FitStage;

  FitFlow(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, std::int64_t profile,
          const Clock& clock);

  Stage stage() const { return stage_; }
  // Answers held by an unfinished questionnaire from an earlier sitting (0 when there is none).
  int unfinished_answers() const { return unfinished_answers_; }

  void start_new();  // closes any unfinished questionnaire and starts a fresh one
  void resume();     // carries on with the unfinished one
  void answer(int likert);  // 1..5; written to the database before this returns
  void skip();
  void back();  // shows the previous statement again so its answer can be changed
  // Leaves; what was answered is kept and offered again next time. While answering more after a
  // result, goes back to the result instead (updated when answers were given).
  void quit();
  void finish();       // ends now with the result so far (after the minimum number of statements)
  void answer_more();  // after a result: keep answering to sharpen it

  std::optional<std::size_t> current() const;          // the statement being asked
  std::optional<int> current_earlier_answer() const;   // its earlier answer, when revisited with Back
  bool can_go_back() const;
  bool can_finish() const;
  int answered() const { return static_cast<int>(answers_.size()); }
  bool answering_more() const { return sharpening_ && stage_ == Stage::asking; }
  const core::FitResult& result() const { return result_; }
  const std::vector<core::FitAnswer>& answers() const { return answers_; }
  const std::vector<FitHistoryEntry>& history() const { return history_; }

 private:
  void load_history();
  void load_session(std::int64_t session);
  void advance();
  void complete();
  void show(std::optional<std::size_t> statement);

  store::Store& store_;
  const core::Bank& bank_;
  const ItemIds& item_ids_;
  std::unordered_map<std::int64_t, std::size_t> statement_of_item_;
  std::int64_t profile_;
  const Clock& clock_;

  Stage stage_ = Stage::idle;
  int unfinished_answers_ = 0;
  std::optional<std::int64_t> session_;
  std::vector<core::FitAnswer> answers_;  // one per statement, latest answer, in the order given
  std::set<std::size_t> skipped_;
  std::optional<std::size_t> next_;
  std::optional<std::size_t> revisit_;  // index into answers_ while going back
  bool sharpening_ = false;  // after "answer more": keep asking until the learner asks for the result
  bool changed_since_result_ = false;  // while sharpening: an answer given or changed since the result
  core::TimeMs shown_at_ = 0;
  core::FitResult result_;
  std::vector<FitHistoryEntry> history_;
};

}  // namespace rp::app
