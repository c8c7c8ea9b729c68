#include "app/fit_controller.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/fit_flow.hpp"

namespace rp::app {

FitController::FitController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids,
                             std::int64_t profile_id, const Clock& clock, FitView& view)
    : flow_(std::make_unique<FitFlow>(store, bank, item_ids, profile_id, clock)), bank_(bank), view_(view) {}

FitController::~FitController() = default;

std::size_t FitController::results() const { return flow_->history().size(); }

// Every step of the questionnaire records (or closes) on disk before it returns; what it changes
// beyond its own view is the day's totals and, when it ends, the stored results.
Changes FitController::handle(const action::FitStart&) {
  flow_->start_new();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitResume&) {
  flow_->resume();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitAnswer& a) {
  flow_->answer(a.likert);
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitSkip&) {
  flow_->skip();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitBack&) {
  flow_->back();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitQuit&) {
  flow_->quit();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitFinish&) {
  flow_->finish();
  return Changes::questionnaire;
}
Changes FitController::handle(const action::FitAnswerMore&) {
  flow_->answer_more();
  return Changes::questionnaire;
}

void FitController::refresh() {
  FitView v;
  const FitFlow& flow = *flow_;
  v.stage = flow.stage();
  v.unfinished_answers = flow.unfinished_answers();
  v.statements_total = static_cast<int>(bank_.statements.size());
  v.answered = flow.answered();
  v.can_go_back = flow.can_go_back();
  v.can_finish = flow.can_finish();
  v.earlier_answer = flow.current_earlier_answer();
  if (const auto current = flow.current()) {
    const auto& statement = bank_.statements[*current];
    v.statement = statement.text;
    if (const auto* topic = bank_.find_topic(statement.topic)) v.topic = topic->name;
  }
  // The share of every statement there is: the questionnaire may end well before the bar is full
  // (the screen says so), but the bar never pretends to know when.
  v.progress = v.statements_total > 0 ? static_cast<float>(v.answered) / static_cast<float>(v.statements_total) : 0.0f;

  if (bank_.roles.size() >= 2) {
    v.first_role = bank_.roles[0].name;
    v.second_role = bank_.roles[1].name;
  }
  v.answering_more = flow.answering_more();
  // The result in full (bars, reasons, what would tip it) is the result view's, from what is stored.
  const core::FitResult& r = flow.result();
  if (flow.stage() == FitStage::done && bank_.roles.size() >= 2) {
    v.sentence = core::fit_sentence(bank_, r);
    v.clear = r.suggested.has_value();
  }
  for (const auto& entry : flow.history()) {
    FitHistoryPoint point;
    point.date = core::format_local_date(entry.when, Clock::local_offset_minutes(entry.when));
    point.lean = entry.lean;
    point.outcome = entry.suggested ? bank_.roles[*entry.suggested].name : "No clear preference";
    point.sure = entry.sure;
    point.sentence = entry.sentence;
    v.history.push_back(std::move(point));
  }
  if (flow.stage() != FitStage::done && !flow.history().empty()) {
    const auto& last = v.history.back();
    v.sentence = last.outcome == "No clear preference"
                     ? std::string("Last time: no clear preference.")
                     : fmt::format("Last time: {} — {:.0f}% sure.", last.outcome, std::min(99.0, last.sure * 100));
  }
  view_ = std::move(v);
}

}  // namespace rp::app
