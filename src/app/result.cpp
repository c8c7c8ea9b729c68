#include "app/result.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "app/clock.hpp"
#include "core/fit_tip.hpp"
#include "store/repositories.hpp"

namespace rp::app {

namespace {
constexpr std::size_t first_steps = 3;

double weight_of(const core::Statement& s, const std::string& role_id) {
  const auto it = s.weights.find(role_id);
  return it == s.weights.end() ? 0.0 : it->second;
}

// Topics whose answers pushed both ways between the leader and the runner-up.
std::vector<ResultDetail::SplitTopic> split_topics(const core::Bank& bank, const core::FitResult& r,
                                                   const std::vector<core::FitAnswer>& answers) {
  std::map<std::string, std::pair<int, int>> pushes;  // topic id -> answers toward leader, runner-up
  for (const auto& answer : answers) {
    const auto& s = bank.statements[answer.statement];
    const double push = (weight_of(s, bank.roles[r.leader].id) - weight_of(s, bank.roles[r.runner_up].id)) *
                        core::agreement(answer.likert);
    if (push > 0) ++pushes[s.topic].first;
    if (push < 0) ++pushes[s.topic].second;
  }
  std::vector<ResultDetail::SplitTopic> out;
  for (const auto& topic : bank.topics) {
    const auto it = pushes.find(topic.id);
    if (it == pushes.end() || it->second.first == 0 || it->second.second == 0) continue;
    const core::Lesson* lesson = bank.find_lesson(bank.roles[r.leader].id, topic.id);
    if (!lesson) lesson = bank.find_lesson(bank.roles[r.runner_up].id, topic.id);
    out.push_back({topic.name, lesson ? lesson->id : std::string(), it->second.first, it->second.second});
  }
  // The most evenly split first: there the learner's own view is least settled.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::min(a.toward_leader, a.toward_runner_up) > std::min(b.toward_leader, b.toward_runner_up);
  });
  return out;
}

std::vector<FitReasonLine> reason_lines(const core::Bank& bank, const std::vector<core::Reason>& reasons) {
  std::vector<FitReasonLine> out;
  for (const auto& reason : reasons)
    out.push_back({bank.statements[reason.statement].text, std::string(core::likert_label(reason.likert))});
  return out;
}

// What a stored row says on its own, for a result whose answers can no longer be found.
void from_stored(const core::Bank& bank, const store::FitRecord& record, ResultDetail& d) {
  const auto detail = nlohmann::json::parse(record.detail_json, nullptr, false);
  if (detail.is_object() && detail.contains("sentence") && detail["sentence"].is_string())
    d.sentence = detail["sentence"].get<std::string>();
  if (detail.is_object() && detail.contains("roles") && detail["roles"].is_array())
    for (const auto& role : detail["roles"]) {
      if (!role.is_object() || !role.contains("role") || !role["role"].is_string()) continue;
      const auto* known = bank.find_role(role["role"].get<std::string>());
      const auto number = [&](const char* key) {
        return role.contains(key) && role[key].is_number() ? std::clamp(role[key].get<double>(), 0.0, 100.0) : 50.0;
      };
      if (known) d.bars.push_back({known->id, known->name, number("score"), number("low"), number("high")});
    }
  if (d.sentence.empty())
    d.sentence = d.suggested ? fmt::format("{} fits you better — {:.0f}% sure", bank.roles[*d.suggested].name,
                                           std::min(99.0, d.sure * 100))
                             : std::string("No clear preference");
}
}  // namespace

ResultController::ResultController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids,
                                   std::int64_t profile_id, ResultView& view)
    : store_(store), bank_(bank), profile_id_(profile_id), view_(view) {
  for (std::size_t i = 0; i < bank_.statements.size(); ++i)
    if (const auto it = item_ids.find(bank_.statements[i].id); it != item_ids.end()) statement_of_item_[it->second] = i;
  view_ = ResultView{};
  reload();
}

ResultController::~ResultController() = default;

std::size_t ResultController::count() const { return records_.size(); }

void ResultController::reload() {
  records_ = store::FitResults(store_).history(profile_id_);
  view_.has_result = !records_.empty() && bank_.roles.size() >= 2;
  if (!view_.has_result) {
    view_.latest = view_.shown = ResultDetail{};
    view_.showing_latest = true;
    return;
  }
  view_.latest = describe(records_.size() - 1);
  show_latest();
}

Changes ResultController::handle(const action::ResultOpen& a) {
  open(a.index);
  return Changes::leading_to(Screen::result);
}

Changes ResultController::handle(const action::ResultLatest&) {
  show_latest();
  return {};
}

void ResultController::open(std::size_t index) {
  if (index >= records_.size() || !view_.has_result) return;
  if (index + 1 == records_.size()) {
    show_latest();
    return;
  }
  view_.shown = describe(index);
  view_.showing_latest = false;
}

void ResultController::show_latest() {
  view_.shown = view_.latest;
  view_.showing_latest = true;
}

// The answers a result was given on: stored with it since this version; for older results, the
// answers its questionnaire held when the result was computed.
std::optional<std::vector<core::FitAnswer>> ResultController::answers_of(const store::FitRecord& record) const {
  std::vector<core::FitAnswer> answers;
  auto put = [&](std::size_t statement, int likert) {
    if (likert < 1 || likert > 5) return;
    const auto existing = std::find_if(answers.begin(), answers.end(),
                                       [&](const core::FitAnswer& a) { return a.statement == statement; });
    if (existing != answers.end()) {
      existing->likert = likert;
    } else {
      answers.push_back({statement, likert});
    }
  };
  const auto detail = nlohmann::json::parse(record.detail_json, nullptr, false);
  if (detail.is_object() && detail.contains("answers") && detail["answers"].is_array()) {
    for (const auto& a : detail["answers"]) {
      if (!a.is_object() || !a.contains("statement") || !a["statement"].is_string() || !a.contains("likert") ||
          !a["likert"].is_number_integer())
        continue;
      const std::string id = a["statement"].get<std::string>();
      for (std::size_t s = 0; s < bank_.statements.size(); ++s)
        if (bank_.statements[s].id == id) put(s, a["likert"].get<int>());
    }
  } else {
    for (const auto& row : store::Answers(store_).in_session(record.session_id)) {
      if (row.answered_ms > record.computed_ms) break;  // given later, while answering more
      const auto it = statement_of_item_.find(row.item_id);
      if (it == statement_of_item_.end() || row.chosen.empty()) continue;  // a statement no longer in the bank
      put(it->second, row.chosen[0] - '0');
    }
  }
  if (answers.empty()) return std::nullopt;
  return answers;
}

ResultDetail ResultController::describe(std::size_t index) const {
  const auto& record = records_[index];
  ResultDetail d;
  d.index = index;
  d.date = Clock::local_date_time(record.computed_ms);
  if (record.suggested)
    if (const auto* role = bank_.find_role(*record.suggested))
      d.suggested = static_cast<std::size_t>(role - bank_.roles.data());
  d.sure = record.sure;
  const auto answers = answers_of(record);
  if (!answers) {
    d.answers_found = false;
    d.close = !d.suggested;
    from_stored(bank_, record, d);
    d.outcome = d.suggested ? bank_.roles[*d.suggested].name : "No clear preference";
    return d;
  }
  const core::FitResult r = core::score_fit(bank_, *answers);
  d.suggested = r.suggested;
  d.sure = r.sure;
  d.answered = r.answered;
  d.sentence = core::fit_sentence(bank_, r);
  d.outcome = r.suggested ? bank_.roles[*r.suggested].name : "No clear preference";
  for (const auto& role : r.roles)
    d.bars.push_back({bank_.roles[role.role].id, bank_.roles[role.role].name, role.score, role.low, role.high});
  d.leader = bank_.roles[r.leader].name;
  d.runner_up = bank_.roles[r.runner_up].name;
  d.toward_leader = reason_lines(bank_, r.toward_leader);
  d.toward_runner_up = reason_lines(bank_, r.toward_runner_up);
  const core::FitTip tip = core::what_would_tip(bank_, *answers);
  d.tip = core::tip_sentences(bank_, tip);
  d.close = !r.suggested || tip.single.has_value();
  if (d.close) d.split_topics = split_topics(bank_, r, *answers);
  // "sure" is how likely the leader's fit really is the higher one given the answers' spread;
  // with few answers, each one still moves the scores a lot. Both are true, and the learner
  // should not read the percentage as "settled".
  if (d.suggested && d.close)
    d.caution = "Close: one different answer would change this (see What would tip it). The percentage says how "
                "clearly your answers so far favour it; with this few answers, each one still counts for a lot.";
  // Scored again, the answers may read otherwise than when given (a changed model or bank).
  const auto detail = nlohmann::json::parse(record.detail_json, nullptr, false);
  if (detail.is_object() && detail.contains("sentence") && detail["sentence"].is_string()) {
    const std::string then = detail["sentence"].get<std::string>();
    if (then != d.sentence) d.said_then = then;
  }
  return d;
}

void ResultController::refresh_steps(const std::vector<ReadinessLine>& readiness, const LearnController& learn) {
  view_.next_steps.clear();
  DecisionView& decision = view_.decision;
  decision = DecisionView{};
  decision.taken = view_.has_result;
  const auto& latest = view_.latest;
  if (view_.has_result) {
    decision.lean = latest.suggested;
    decision.sure = latest.sure;
    decision.lean_text =
        latest.suggested
            ? fmt::format("You lean to {} — {:.0f}% sure ({})", bank_.roles[*latest.suggested].name,
                          std::min(99.0, latest.sure * 100), latest.date)
            : fmt::format("No clear lean yet: your latest result ({}) found no clear preference", latest.date);
  } else {
    decision.lean_text = "Not known yet: take the questionnaire to see which way you lean";
  }

  std::vector<NextSteps> all;
  for (std::size_t role = 0; role < bank_.roles.size(); ++role) {
    NextSteps steps;
    steps.role = role;
    steps.role_name = bank_.roles[role].name;
    if (role < readiness.size()) steps.readiness = readiness[role];
    const auto path = learn.path_of(role);
    steps.path_size = static_cast<int>(path.size());
    for (const auto& line : path) {
      if (line.read) {
        ++steps.read_count;
        continue;
      }
      if (steps.start_lesson_id.empty()) {
        steps.start_lesson_id = line.lesson_id;
        steps.start_title = line.title;
      }
      if (steps.first_lessons.size() < first_steps) steps.first_lessons.push_back(line);
    }
    decision.roles.push_back({role, steps.role_name, steps.readiness.measured ? steps.readiness.mastery : "Not measured yet",
                              steps.readiness.measured, steps.readiness.score, steps.read_count, steps.path_size});
    all.push_back(std::move(steps));
  }
  if (all.empty()) return;

  // Next steps follow the suggestion; without one, every role's path is worth a look.
  for (auto& steps : all)
    if (!view_.has_result || !latest.suggested || *latest.suggested == steps.role) view_.next_steps.push_back(steps);

  // What to study next: the leaning role's first unread lesson; without a lean, the first unread
  // lesson of any path (the overview they share comes first); when all are read, review.
  const NextSteps* next = nullptr;
  for (const auto& steps : view_.next_steps)
    if (!steps.start_lesson_id.empty()) {
      next = &steps;
      break;
    }
  if (next) {
    decision.next_role = next->role;
    decision.next_lesson_id = next->start_lesson_id;
    decision.next_text = fmt::format("Read \"{}\", the next lesson on the {} path ({} of {} read).", next->start_title,
                                     next->role_name, next->read_count, next->path_size);
  } else {
    decision.next_role = view_.next_steps.front().role;
    decision.next_text = fmt::format("Every lesson of the {} path is read: review it to keep it fresh.",
                                     view_.next_steps.front().role_name);
  }
}

}  // namespace rp::app
