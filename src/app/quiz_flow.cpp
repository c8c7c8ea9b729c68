#include "app/quiz_flow.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "store/repositories.hpp"

namespace rp::app {

namespace {
constexpr const char* cards_shown_key = "cards_shown";

std::string_view reason_name(core::ReviewReason reason) { return reason == core::ReviewReason::due ? "due" : "extra"; }

std::vector<core::ReviewPick> as_picks(const std::vector<std::size_t>& questions, core::ReviewReason reason) {
  std::vector<core::ReviewPick> picks;
  for (auto q : questions) picks.push_back({q, reason});
  return picks;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

QuizFlow::QuizFlow(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, store::RowId profile,
                   const Clock& clock, Study& study)
    : store_(store), bank_(bank), item_ids_(item_ids), profile_(profile), clock_(clock), study_(study) {}

std::vector<std::size_t> QuizFlow::pick(const QuizSetup& setup, std::uint64_t seed) const {
  std::vector<std::size_t> matching;
  for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
    const auto& question = bank_.questions[q];
    const bool role_ok = setup.roles.empty() ||
                         std::any_of(question.roles.begin(), question.roles.end(),
                                     [&](const std::string& r) { return contains(setup.roles, r); });
    if (role_ok && contains(setup.topics, question.topic)) matching.push_back(q);
  }
  const auto today = study_.today();
  std::erase_if(matching, [&](std::size_t q) { return today.suspended[q]; });
  std::mt19937_64 rng(seed);
  std::shuffle(matching.begin(), matching.end(), rng);
  // A fact tested today comes back only when nothing fresher is left, and then through a question
  // not yet asked today if it has one; siblings never share a quiz.
  auto freshness = [&](std::size_t q) {
    if (!today.buried.count(study_.index().sibling_group(q))) return 0;
    return today.answered.count(q) ? 2 : 1;
  };
  std::stable_sort(matching.begin(), matching.end(), [&](std::size_t a, std::size_t b) { return freshness(a) < freshness(b); });
  matching = core::one_per_sibling_group(matching, study_.index());
  if (matching.size() > static_cast<std::size_t>(std::max(setup.count, 1)))
    matching.resize(static_cast<std::size_t>(std::max(setup.count, 1)));
  return matching;
}

void QuizFlow::begin(core::SessionKind kind, std::vector<core::ReviewPick> questions) {
  if (stage_ == Stage::card || stage_ == Stage::question || stage_ == Stage::feedback) finish();
  discard_unfinished();  // a new session replaces one left from before
  kind_ = kind;
  queue_ = std::move(questions);
  position_ = 0;
  results_.clear();
  first_answers_.clear();
  undo_.reset();
  if (queue_.empty()) {
    stage_ = Stage::none;
    return;
  }
  // The order of options only has to differ between presentations; the clock seeds it.
  random_.seed(static_cast<std::uint64_t>(clock_.now()));
  // The session and its plan are written together; if that fails (a full disk), nothing is running.
  store::RowId started = 0;
  try {
    store_.in_transaction([&] {
      started = store::Sessions(store_).start(profile_, kind, clock_.now());
      store_plan(started);
    });
  } catch (...) {
    queue_.clear();
    stage_ = Stage::none;
    throw;
  }
  session_ = started;
  show_question();
}

void QuizFlow::store_plan(store::RowId session) const {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& pick : queue_)
    questions.push_back({{"id", bank_.questions[pick.question].id}, {"reason", reason_name(pick.reason)}});
  nlohmann::json plan = {{"questions", std::move(questions)}, {"role", nullptr}};
  if (review_role_) plan["role"] = bank_.roles[*review_role_].id;
  store::Sessions(store_).set_plan(session, plan.dump());
}

namespace {
// A stored plan read back: the questions still in the bank, in order, and the review's role.
struct ReadPlan {
  std::vector<core::ReviewPick> queue;
  std::optional<std::size_t> role;
};
std::optional<ReadPlan> read_plan(const core::Bank& bank, const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("questions") || !json["questions"].is_array())
    return std::nullopt;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t q = 0; q < bank.questions.size(); ++q) index.emplace(bank.questions[q].id, q);
  ReadPlan plan;
  for (const auto& entry : json["questions"]) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string()) continue;
    const auto found = index.find(entry["id"].get<std::string>());
    if (found == index.end()) continue;  // a question since removed from the bank
    const bool extra = entry.contains("reason") && entry["reason"] == "extra";
    plan.queue.push_back({found->second, extra ? core::ReviewReason::extra : core::ReviewReason::due});
  }
  if (json.contains("role") && json["role"].is_string())
    for (std::size_t r = 0; r < bank.roles.size(); ++r)
      if (bank.roles[r].id == json["role"].get<std::string>()) plan.role = r;
  return plan;
}
}  // namespace

// The session left unfinished, read back: its plan split into what was answered (with how it
// counted) and what is left, both in the planned order.
std::optional<QuizFlow::LeftBehind> QuizFlow::left_behind() const {
  if (session_) return std::nullopt;  // the one running now is not "left unfinished"
  const auto planned = store::Sessions(store_).unfinished_plan(profile_);
  if (!planned) return std::nullopt;
  const auto plan = read_plan(bank_, planned->plan);
  if (!plan) return std::nullopt;
  std::map<std::size_t, bool> counted;  // question -> right, as its first row in the session says
  for (const auto& answer : store::Answers(store_).in_session(planned->id))
    if (const auto q = study_.question_of_item(answer.item_id)) counted.emplace(*q, answer.correct.value_or(false));
  LeftBehind left;
  left.session = planned->id;
  left.kind = planned->kind;
  left.started = planned->started_ms;
  left.role = plan->role;
  for (const auto& pick : plan->queue) {
    if (const auto it = counted.find(pick.question); it != counted.end()) {
      left.done.push_back(pick);
      left.results.push_back({pick.question, it->second});
    } else {
      left.rest.push_back(pick);
    }
  }
  return left;
}

std::optional<QuizFlow::Unfinished> QuizFlow::unfinished() const {
  const auto left = left_behind();
  if (!left || left->rest.empty()) return std::nullopt;
  return Unfinished{left->kind, left->started, static_cast<int>(left->done.size()),
                    static_cast<int>(left->done.size() + left->rest.size())};
}

bool QuizFlow::resume() {
  auto left = left_behind();
  if (!left) return false;
  if (left->rest.empty()) {
    store::Sessions(store_).finish(left->session, clock_.now());
    return false;
  }
  kind_ = left->kind;
  review_role_ = left->role;
  session_ = left->session;
  results_ = std::move(left->results);
  queue_ = std::move(left->done);
  position_ = queue_.size();
  queue_.insert(queue_.end(), left->rest.begin(), left->rest.end());
  first_answers_.clear();
  undo_.reset();
  random_.seed(static_cast<std::uint64_t>(clock_.now()));
  show_question();
  return true;
}

void QuizFlow::discard_unfinished() {
  if (session_) return;
  if (const auto planned = store::Sessions(store_).unfinished_plan(profile_))
    store::Sessions(store_).finish(planned->id, clock_.now());
}

void QuizFlow::start_quiz(const QuizSetup& setup) {
  review_role_.reset();
  // The seed only has to differ between quizzes; the clock does that.
  begin(core::SessionKind::quiz, as_picks(pick(setup, static_cast<std::uint64_t>(clock_.now())), core::ReviewReason::due));
}

void QuizFlow::start_review(std::optional<std::size_t> role) {
  review_role_ = role;
  begin(core::SessionKind::review, study_.review_queue(role, static_cast<std::size_t>(study_.reviews_left_today())));
}

void QuizFlow::start_review_of(const std::vector<std::size_t>& questions) {
  review_role_.reset();
  begin(core::SessionKind::review, as_picks(core::one_per_sibling_group(questions, study_.index()), core::ReviewReason::extra));
}

void QuizFlow::show_question() {
  shown_order_ = core::shown_order(bank_, bank_.questions[question()], random_);
  selection_.clear();
  sure_.reset();
  card_ = kind_ == core::SessionKind::review ? card_due_for(question()) : std::nullopt;
  stage_ = card_ ? Stage::card : Stage::question;
  shown_at_ = clock_.now();
}

std::optional<std::pair<std::size_t, std::size_t>> QuizFlow::card_due_for(std::size_t question) const {
  const auto& q = bank_.questions[question];
  const auto shown = store::Settings(store_).get(profile_, cards_shown_key).value_or("");
  const std::string today = core::format_local_date(clock_.now(), Clock::local_offset_minutes(clock_.now()));
  for (std::size_t r = 0; r < bank_.roles.size(); ++r) {
    if (review_role_ && *review_role_ != r) continue;
    if (std::find(q.roles.begin(), q.roles.end(), bank_.roles[r].id) == q.roles.end()) continue;
    if (!bank_.find_card(bank_.roles[r].id, q.topic)) continue;
    const std::string mark = ";" + bank_.roles[r].id + "/" + q.topic;
    if (shown.rfind(today, 0) == 0 && shown.find(mark) != std::string::npos) return std::nullopt;
    for (std::size_t t = 0; t < bank_.topics.size(); ++t)
      if (bank_.topics[t].id == q.topic) return std::pair{r, t};
  }
  return std::nullopt;
}

// Remembers, for today only, which cards the learner has already read.
void QuizFlow::mark_card_shown(std::size_t role, std::size_t topic) {
  const std::string today = core::format_local_date(clock_.now(), Clock::local_offset_minutes(clock_.now()));
  std::string shown = store::Settings(store_).get(profile_, cards_shown_key).value_or("");
  if (shown.rfind(today, 0) != 0) shown = today;
  shown += ";" + bank_.roles[role].id + "/" + bank_.topics[topic].id;
  store::Settings(store_).set(profile_, cards_shown_key, shown);
}

void QuizFlow::dismiss_card() {
  if (stage_ != Stage::card || !card_) return;
  mark_card_shown(card_->first, card_->second);
  card_.reset();
  stage_ = Stage::question;
  shown_at_ = clock_.now();
  shown_order_ = core::shown_order(bank_, bank_.questions[question()], random_);
}

void QuizFlow::pick_option(std::size_t option) {
  if (stage_ != Stage::question) return;
  const auto& q = bank_.questions[question()];
  if (option >= core::answer_options(bank_, q).size()) return;
  if (core::picks_several(q)) {
    if (!selection_.erase(option)) selection_.insert(option);
  } else {
    selection_ = {option};
  }
}

void QuizFlow::set_sure(std::optional<bool> sure) {
  if (stage_ == Stage::question) sure_ = sure;
}

void QuizFlow::confirm() {
  if (stage_ != Stage::question || selection_.empty() || !session_) return;
  const std::size_t q = question();
  const auto now = clock_.now();
  const bool correct = core::is_correct(bank_, bank_.questions[q], selection_);
  const std::int64_t latency = std::max<core::TimeMs>(0, now - shown_at_);
  const auto sure = study_.settings().ask_confidence ? sure_ : std::nullopt;
  const auto item = item_ids_.at(bank_.questions[q].id);

  // Answered again after an undo: it counts no better than the first answer did, for mastery and
  // for scheduling alike, so undo can correct a slip of the hand but cannot turn a miss into a hit.
  auto grade = core::grade_answer(correct, sure, latency);
  bool counted = correct;
  const auto first = first_answers_.find(q);
  if (first != first_answers_.end()) {
    counted = correct && first->second.correct;
    grade = std::min(grade, first->second.grade);
  }

  store::AnswerRecord row;
  row.profile_id = profile_;
  row.session_id = *session_;
  row.item_id = item;
  row.answered_ms = now;
  row.chosen = core::encode_choice(selection_);
  row.correct = counted;
  row.shown_order = core::encode_order(shown_order_);
  row.after_undo = first != first_answers_.end();
  row.latency_ms = latency;
  row.sure = sure;
  row.local_day = Clock::local_day(now);

  Undo undo;
  undo.position = position_;
  store_.in_transaction([&] {
    store::Schedules schedules(store_);
    undo.previous = schedules.get(profile_, item);
    row.was_due = kind_ == core::SessionKind::review && undo.previous && undo.previous->due <= now;
    undo.answer = store::Answers(store_).record(row);
    const auto next = study_.fsrs().review(undo.previous, now, grade);
    schedules.put(profile_, item, next);
    last_next_due_ = next.due;
  });
  if (first == first_answers_.end()) first_answers_.emplace(q, FirstAnswer{correct, grade});
  undo_ = undo;
  results_.push_back({q, counted});
  last_correct_ = correct;
  last_capped_ = row.after_undo && (counted != correct || grade < core::grade_answer(correct, sure, latency));
  last_choice_ = selection_;
  stage_ = Stage::feedback;
}

void QuizFlow::next() {
  if (stage_ != Stage::feedback) return;
  if (position_ + 1 >= queue_.size()) {
    finish();
    stage_ = Stage::summary;
    return;
  }
  ++position_;
  show_question();
}

bool QuizFlow::can_undo() const {
  // Until the next answer is given: on the feedback, or on the next question before answering.
  return undo_.has_value() && (stage_ == Stage::feedback || stage_ == Stage::question || stage_ == Stage::card);
}

void QuizFlow::undo() {
  if (!can_undo()) return;
  const auto item = item_ids_.at(bank_.questions[queue_[undo_->position].question].id);
  store_.in_transaction([&] {
    store::Answers(store_).remove(undo_->answer);
    if (undo_->previous) {
      store::Schedules(store_).put(profile_, item, *undo_->previous);
    } else {
      store::Schedules(store_).remove(profile_, item);
    }
  });
  results_.pop_back();
  position_ = undo_->position;
  undo_.reset();
  selection_.clear();
  sure_.reset();
  card_.reset();
  stage_ = Stage::question;
  shown_at_ = clock_.now();
  shown_order_ = core::shown_order(bank_, bank_.questions[question()], random_);
}

void QuizFlow::finish() {
  if (session_) store::Sessions(store_).finish(*session_, clock_.now());
  session_.reset();
  undo_.reset();
}

void QuizFlow::quit() {
  if (stage_ == Stage::none || stage_ == Stage::summary) {
    stage_ = Stage::none;
    return;
  }
  finish();
  stage_ = results_.empty() ? Stage::none : Stage::summary;
}

int QuizFlow::right() const {
  return static_cast<int>(std::count_if(results_.begin(), results_.end(), [](const Result& r) { return r.correct; }));
}

std::vector<QuizFlow::TopicTally> QuizFlow::by_topic() const {
  std::vector<TopicTally> tallies;
  for (std::size_t t = 0; t < bank_.topics.size(); ++t) {
    TopicTally tally{t, 0, 0};
    for (const auto& r : results_)
      if (bank_.questions[r.question].topic == bank_.topics[t].id) {
        ++tally.total;
        tally.right += r.correct ? 1 : 0;
      }
    if (tally.total > 0) tallies.push_back(tally);
  }
  return tallies;
}

std::vector<std::size_t> QuizFlow::missed() const {
  std::vector<std::size_t> out;
  for (const auto& r : results_)
    if (!r.correct) out.push_back(r.question);
  return out;
}

}  // namespace rp::app
