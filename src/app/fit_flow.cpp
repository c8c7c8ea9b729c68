#include "app/fit_flow.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "store/repositories.hpp"

namespace rp::app {

namespace {
// The result with the answers it was given on, so it can be shown in full again later.
std::string detail_json(const core::Bank& bank, const core::FitResult& r, const std::vector<core::FitAnswer>& answers) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& fit : r.roles)
    roles.push_back({{"role", bank.roles[fit.role].id}, {"score", fit.score}, {"low", fit.low}, {"high", fit.high}});
  nlohmann::json given = nlohmann::json::array();
  for (const auto& answer : answers) given.push_back({{"statement", bank.statements[answer.statement].id}, {"likert", answer.likert}});
  return nlohmann::json{{"roles", roles},
                        {"answers", given},
                        {"leader", bank.roles[r.leader].id},
                        {"runner_up", bank.roles[r.runner_up].id},
                        {"difference", r.difference},
                        {"difference_low", r.difference_low},
                        {"difference_high", r.difference_high},
                        {"sure", r.sure},
                        {"answered", r.answered},
                        {"sentence", core::fit_sentence(bank, r)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::size_t> role_index(const core::Bank& bank, const std::string& role_id) {
  for (std::size_t i = 0; i < bank.roles.size(); ++i)
    if (bank.roles[i].id == role_id) return i;
  return std::nullopt;
}

// A member of stored result details when it is there with the type detail_json() gives it.
template <typename T>
std::optional<T> member(const nlohmann::json& detail, const char* key) {
  if (!detail.is_object() || !detail.contains(key)) return std::nullopt;
  const auto& value = detail[key];
  if constexpr (std::is_same_v<T, double>) {
    if (value.is_number() && std::isfinite(value.get<double>())) return value.get<double>();
  } else {
    if (value.is_string()) return value.get<std::string>();
  }
  return std::nullopt;
}

// What a result's own row still says when its details cannot be read.
std::string plain_sentence(const core::Bank& bank, const FitHistoryEntry& entry) {
  if (!entry.suggested || bank.roles.size() < 2) return "No clear preference";
  core::FitResult result;
  result.suggested = entry.suggested;
  result.sure = entry.sure;
  return core::fit_sentence(bank, result);
}
}  // namespace

FitFlow::FitFlow(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, store::RowId profile,
                 const Clock& clock)
    : store_(store), bank_(bank), item_ids_(item_ids), profile_(profile), clock_(clock) {
  for (std::size_t i = 0; i < bank_.statements.size(); ++i) {
    const auto it = item_ids_.find(bank_.statements[i].id);
    if (it != item_ids_.end()) statement_of_item_[it->second] = i;
  }
  if (const auto open = store::Sessions(store_).unfinished(profile_, core::SessionKind::fit)) {
    load_session(*open);
    unfinished_answers_ = answered();
    session_.reset();
    answers_.clear();
  }
  load_history();
}

void FitFlow::load_history() {
  history_.clear();
  for (const auto& record : store::FitResults(store_).history(profile_)) {
    FitHistoryEntry entry;
    entry.when = record.computed_ms;
    entry.sure = record.sure;
    if (record.suggested) entry.suggested = role_index(bank_, *record.suggested);
    // The details are JSON this version wrote; one edited by hand or cut short keeps its row in
    // the history (date, outcome, sureness) with a neutral lean and a sentence from the row.
    const auto detail = nlohmann::json::parse(record.detail_json, nullptr, false);
    const auto leader = member<std::string>(detail, "leader");
    const auto difference = member<double>(detail, "difference");
    const auto sentence = member<std::string>(detail, "sentence");
    if (leader && difference && sentence && !bank_.roles.empty()) {
      const double lean = *leader == bank_.roles[0].id ? *difference : -*difference;
      entry.lean = std::clamp(lean, -1.0, 1.0);
      entry.sentence = *sentence;
      if (entry.lean != lean) store::note_odd_row(store_, store::OddRow::fit_result, std::to_string(record.id));
    } else {
      entry.sentence = plain_sentence(bank_, entry);
      store::note_odd_row(store_, store::OddRow::fit_result, std::to_string(record.id));
    }
    history_.push_back(entry);
  }
}

// Rebuilds the answers of a session from its rows: the latest answer to each statement counts.
void FitFlow::load_session(store::RowId session) {
  session_ = session;
  answers_.clear();
  for (const auto& row : store::Answers(store_).in_session(session)) {
    const auto it = statement_of_item_.find(row.item_id);
    if (it == statement_of_item_.end()) continue;  // a statement no longer in the bank
    const int likert = row.chosen.empty() ? 3 : row.chosen[0] - '0';
    if (likert < 1 || likert > 5) continue;
    auto existing = std::find_if(answers_.begin(), answers_.end(),
                                 [&](const core::FitAnswer& a) { return a.statement == it->second; });
    if (existing != answers_.end()) {
      existing->likert = likert;
    } else {
      answers_.push_back({it->second, likert});
    }
  }
  result_ = core::score_fit(bank_, answers_);
}

void FitFlow::start_new() {
  const auto now = clock_.now();
  store_.in_transaction([&] {
    if (const auto open = store::Sessions(store_).unfinished(profile_, core::SessionKind::fit))
      store::Sessions(store_).finish(*open, now);
    session_ = store::Sessions(store_).start(profile_, core::SessionKind::fit, now);
  });
  unfinished_answers_ = 0;
  answers_.clear();
  skipped_.clear();
  revisit_.reset();
  result_ = core::score_fit(bank_, answers_);
  stage_ = Stage::asking;
  sharpening_ = false;
  advance();
}

void FitFlow::resume() {
  const auto open = store::Sessions(store_).unfinished(profile_, core::SessionKind::fit);
  if (!open) {
    start_new();
    return;
  }
  load_session(*open);
  unfinished_answers_ = 0;
  skipped_.clear();
  revisit_.reset();
  stage_ = Stage::asking;
  sharpening_ = false;
  advance();
}

void FitFlow::show(std::optional<std::size_t> statement) {
  next_ = statement;
  shown_at_ = clock_.now();
}

void FitFlow::advance() {
  revisit_.reset();
  if (!sharpening_ && core::fit_is_settled(result_)) {
    complete();
    return;
  }
  const auto next = core::next_statement(bank_, answers_, skipped_, static_cast<std::uint64_t>(session_.value_or(0)));
  if (!next) {
    complete();
    return;
  }
  show(next);
}

std::optional<std::size_t> FitFlow::current() const {
  if (stage_ != Stage::asking) return std::nullopt;
  if (revisit_) return answers_[*revisit_].statement;
  return next_;
}

std::optional<int> FitFlow::current_earlier_answer() const {
  if (stage_ != Stage::asking || !revisit_) return std::nullopt;
  return answers_[*revisit_].likert;
}

bool FitFlow::can_go_back() const {
  if (stage_ != Stage::asking || answers_.empty()) return false;
  return !revisit_ || *revisit_ > 0;
}

bool FitFlow::can_finish() const {
  return stage_ == Stage::asking && (sharpening_ || answered() >= core::FitModel::min_statements);
}

void FitFlow::answer(int likert) {
  if (likert < 1 || likert > 5) throw std::invalid_argument("an answer is a point from 1 to 5");
  const auto statement = current();
  if (!statement || !session_) return;
  const auto now = clock_.now();
  store::AnswerRecord row;
  row.profile_id = profile_;
  row.session_id = *session_;
  row.item_id = item_ids_.at(bank_.statements[*statement].id);
  row.answered_ms = now;
  row.chosen = std::to_string(likert);
  row.latency_ms = std::max<core::TimeMs>(0, now - shown_at_);
  row.local_day = Clock::local_day(now);
  store::Answers(store_).record(row);  // on disk before the flow moves on

  changed_since_result_ = sharpening_;
  if (revisit_) {
    answers_[*revisit_].likert = likert;
  } else {
    answers_.push_back({*statement, likert});
    skipped_.erase(*statement);
  }
  result_ = core::score_fit(bank_, answers_);
  advance();
}

void FitFlow::skip() {
  const auto statement = current();
  if (!statement) return;
  if (revisit_) {  // skipping a revisited statement keeps its earlier answer
    advance();
    return;
  }
  skipped_.insert(*statement);
  advance();
}

void FitFlow::back() {
  if (!can_go_back()) return;
  revisit_ = revisit_ ? *revisit_ - 1 : answers_.size() - 1;
  shown_at_ = clock_.now();
}

void FitFlow::quit() {
  // Leaving while answering more keeps a finished result finished: with new answers it becomes
  // the result they give, as "See my result" would; without, the result stands as it was.
  if (stage_ == Stage::asking && sharpening_) {
    if (changed_since_result_) {
      complete();
    } else {
      stage_ = Stage::done;
      revisit_.reset();
      sharpening_ = false;
    }
    return;
  }
  if (stage_ == Stage::asking) unfinished_answers_ = answered();
  stage_ = Stage::idle;
  session_.reset();
  revisit_.reset();
  sharpening_ = false;
}

void FitFlow::finish() {
  if (can_finish()) complete();
}

void FitFlow::complete() {
  if (!session_) return;
  const auto now = clock_.now();
  store::FitRecord record;
  record.session_id = *session_;
  record.computed_ms = now;
  if (result_.suggested) record.suggested = bank_.roles[*result_.suggested].id;
  record.sure = result_.sure;
  record.detail_json = detail_json(bank_, result_, answers_);
  store_.in_transaction([&] {
    store::FitResults(store_).save(profile_, record);
    store::Sessions(store_).finish(*session_, now);
  });
  stage_ = Stage::done;
  revisit_.reset();
  sharpening_ = false;
  unfinished_answers_ = 0;
  load_history();
}

void FitFlow::answer_more() {
  if (stage_ != Stage::done || !session_) return;
  // The session stays finished on disk: should the app close now, the result stands and no
  // unfinished questionnaire is offered in its place. Answers given from here are recorded in it
  // and count once a new result is asked for.
  stage_ = Stage::asking;
  sharpening_ = true;
  changed_since_result_ = false;
  advance();
}

}  // namespace rp::app
