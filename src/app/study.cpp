#include "app/study.hpp"

#include <algorithm>
#include <string>

#include "store/local_day_queries.hpp"
#include "store/repositories.hpp"

namespace rp::app {

namespace {
constexpr const char* retention_key = "desired_retention";
constexpr const char* daily_limit_key = "daily_limit";
constexpr const char* confidence_key = "ask_confidence";
constexpr const char* streaks_key = "streaks";
constexpr const char* rest_days_key = "rest_days";
constexpr const char* day_start_key = "day_start_hour";
}  // namespace

const TopicStatus* StudySnapshot::find(std::size_t role, std::size_t topic) const {
  if (topic >= topic_count) return nullptr;
  const auto slot = role * topic_count + topic;
  return slot < topics.size() ? &topics[slot] : nullptr;
}

std::optional<core::TopicMastery> StudySnapshot::role_readiness(std::size_t role) const {
  // A role's rows are one run of topic_count rows (role-major).
  if (topic_count == 0 || (role + 1) * topic_count > topics.size()) return std::nullopt;
  const auto first = topics.begin() + static_cast<std::ptrdiff_t>(role * topic_count);
  const auto last = first + static_cast<std::ptrdiff_t>(topic_count);
  core::TopicMastery total;
  int started = 0;
  double score = 0;
  for (auto t = first; t != last; ++t) {
    total.total += t->mastery.total;
    total.seen += t->mastery.seen;
    score += t->mastery.score;
    if (t->mastery.seen > 0) ++started;
  }
  if (started == 0) return std::nullopt;
  total.score = score / static_cast<int>(topic_count);
  // The same thresholds as a topic's, applied to the mean over all of the role's topics.
  total.level = core::level_for(total.score, total.seen);
  return total;
}

Study::Study(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, store::RowId profile,
             const Clock& clock)
    : store_(store), bank_(bank), index_(bank), profile_(profile), clock_(clock) {
  items_.reserve(bank_.questions.size());
  for (const auto& question : bank_.questions) {
    question_of_item_.emplace(item_ids.at(question.id), items_.size());
    items_.push_back(item_ids.at(question.id));
  }
  std::unordered_map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t q = 0; q < bank_.questions.size(); ++q)
    if (!bank_.questions[q].fact.empty()) groups[index_.sibling_group(q)].push_back(q);
  for (auto& [group, questions] : groups)
    if (questions.size() > 1) siblings_.emplace(group, std::move(questions));
  load_settings();
}

void Study::load_settings() {
  store::Settings settings(store_);
  if (auto v = settings.get(profile_, retention_key)) {
    try {
      settings_.desired_retention = std::stod(*v);  // out of range is clamped, as every assignment is
    } catch (const std::exception&) {
    }
  }
  if (auto v = settings.get(profile_, daily_limit_key)) {
    try {
      settings_.daily_limit = std::stoi(*v);
    } catch (const std::exception&) {
    }
  }
  if (auto v = settings.get(profile_, confidence_key)) settings_.ask_confidence = *v == "1";
  if (auto v = settings.get(profile_, streaks_key)) settings_.streaks = *v == "1";
  if (auto v = settings.get(profile_, rest_days_key); v && v->size() == 1 && (*v)[0] >= '0' && (*v)[0] <= '2')
    settings_.rest_days = (*v)[0] - '0';
  if (auto v = settings.get(profile_, day_start_key)) {
    try {
      settings_.day_start_hour = std::stoi(*v);
    } catch (const std::exception&) {
    }
  }
}

void Study::save_settings() {
  store_.in_transaction([&] {
    store::Settings settings(store_);
    settings.set(profile_, retention_key, std::to_string(settings_.desired_retention.get()));
    settings.set(profile_, daily_limit_key, std::to_string(settings_.daily_limit.get()));
    settings.set(profile_, confidence_key, settings_.ask_confidence ? "1" : "0");
    settings.set(profile_, streaks_key, settings_.streaks ? "1" : "0");
    settings.set(profile_, rest_days_key, std::to_string(settings_.rest_days.get()));
    settings.set(profile_, day_start_key, std::to_string(settings_.day_start_hour.get()));
  });
}

core::Fsrs Study::fsrs() const {
  core::FsrsParameters parameters;
  parameters.desired_retention = settings_.desired_retention;
  return core::Fsrs(parameters);
}

std::int64_t Study::reviewed_today() const {
  return store::count_answers_on_day(store_, profile_, Clock::local_day(clock_.now()), core::SessionKind::review);
}

std::int64_t Study::reviews_left_today() const {
  return std::max<std::int64_t>(0, settings_.daily_limit - reviewed_today());
}

store::RowId Study::item_id(std::size_t question) const { return items_.at(question); }

void Study::suspend(std::size_t question) { store::Suspensions(store_).suspend(profile_, items_.at(question), clock_.now()); }

void Study::restore(std::size_t question) { store::Suspensions(store_).restore(profile_, items_.at(question)); }

void Study::reset(std::size_t question) { store::Schedules(store_).remove(profile_, items_.at(question)); }

std::optional<std::size_t> Study::question_of_item(store::RowId item) const {
  const auto found = question_of_item_.find(item);
  if (found == question_of_item_.end()) return std::nullopt;
  return found->second;
}

Study::Today Study::today() const {
  Today t;
  t.now = clock_.now();
  t.day = Clock::learner_day(t.now, day_start());
  t.day_begin = Clock::learner_day_start(t.day, day_start());
  t.day_end = Clock::learner_day_start(t.day + 1, day_start());
  for (auto item : store::Answers(store_).items_answered_since(profile_, t.day_begin))
    if (const auto q = question_of_item(item)) {
      t.answered.insert(*q);
      t.buried.insert(index_.sibling_group(*q));
    }
  t.suspended.assign(bank_.questions.size(), false);
  for (auto item : store::Suspensions(store_).all(profile_))
    if (const auto q = question_of_item(item)) {
      t.suspended[*q] = true;
      t.set_aside.push_back(*q);
    }
  return t;
}

bool Study::due_today(std::size_t question, const core::CardState& card, const Today& t) const {
  return core::is_due(card, t.day_end) && !t.suspended[question] && !t.buried.count(index_.sibling_group(question));
}

bool Study::question_is_about(std::size_t question, std::size_t role, std::size_t topic) const {
  const auto slots = index_.slots_of(question);
  return role < index_.roles() && topic < index_.topics() &&
         std::binary_search(slots.begin(), slots.end(), index_.slot(role, topic));
}

std::vector<TopicStatus> Study::mastery() const { return mastery_from(store::Schedules(store_).all(profile_), today()); }

Study::QuestionFigures Study::figures_of(std::size_t q, const Cards& cards, const Today& today, core::TimeMs as_of,
                                        const core::Fsrs& engine) const {
  QuestionFigures f;
  const auto card = cards.find(items_[q]);
  if (card == cards.end()) return f;
  f.recall = core::recall_term(card->second, as_of, engine);
  f.due = due_today(q, card->second, today);
  // Each question's FSRS state counts its answers (reps) and misses (lapses), so accuracy
  // needs no pass over the answer history.
  f.answers = card->second.reps;
  f.correct = card->second.reps - card->second.lapses;
  return f;
}

std::vector<Study::QuestionFigures> Study::figures_from(const Cards& cards, const Today& today, core::TimeMs as_of) const {
  const auto engine = fsrs();
  std::vector<QuestionFigures> figures;
  figures.reserve(bank_.questions.size());
  for (std::size_t q = 0; q < bank_.questions.size(); ++q) figures.push_back(figures_of(q, cards, today, as_of, engine));
  return figures;
}

std::vector<TopicStatus> Study::rows_from(const std::vector<QuestionFigures>& figures,
                                          std::vector<core::MasteryTally>* tallies) const {
  std::vector<TopicStatus> topics(index_.slots());
  if (tallies) tallies->assign(index_.slots(), {});
  for (std::size_t slot = 0; slot < index_.slots(); ++slot) {
    TopicStatus& status = topics[slot];
    status.role = index_.role_of(slot);
    status.topic = index_.topic_of(slot);
    core::MasteryTally tally;
    for (auto q : index_.questions_in(slot)) {
      tally.add(figures[q].recall);
      status.due += figures[q].due ? 1 : 0;
      status.answers += figures[q].answers;
      status.correct += figures[q].correct;
    }
    status.mastery = tally.mastery();
    if (tallies) (*tallies)[slot] = tally;
  }
  return topics;
}

std::vector<TopicStatus> Study::mastery_from(const Cards& cards, const Today& today) const {
  return rows_from(figures_from(cards, today, today.now), nullptr);
}

namespace {
// A topic studied and not yet mastered: one at Mastered is never shown as weak.
bool is_weak(const TopicStatus& topic) {
  return topic.mastery.seen > 0 && topic.mastery.level != core::MasteryLevel::mastered;
}

// Weakest first; ties in bank order, so a full build and an update agree exactly.
void sort_weak(std::vector<std::size_t>& weak, const std::vector<TopicStatus>& topics) {
  std::sort(weak.begin(), weak.end(), [&](std::size_t a, std::size_t b) {
    if (topics[a].mastery.score != topics[b].mastery.score) return topics[a].mastery.score < topics[b].mastery.score;
    return a < b;
  });
}
}  // namespace

StudySnapshot Study::snapshot() const {
  StudySnapshot snap;
  const auto cards = store::Schedules(store_).all(profile_);
  const auto now = today();
  snap.as_of = now.now;
  snap.day = now.day;
  snap.per_question = figures_from(cards, now, snap.as_of);
  snap.topics = rows_from(snap.per_question, &snap.tallies);
  snap.topic_count = index_.topics();
  for (std::size_t i = 0; i < snap.topics.size(); ++i)
    if (is_weak(snap.topics[i])) snap.weak.push_back(i);
  sort_weak(snap.weak, snap.topics);
  per_question_figures(snap, cards, now);
  return snap;
}

std::span<const std::size_t> Study::update(StudySnapshot& snap, std::size_t question) const {
  const auto now = today();
  // Not a snapshot of this bank, or of another learner day (every "due today" moves): build it whole.
  if (snap.topics.size() != index_.slots() || snap.tallies.size() != index_.slots() ||
      snap.per_question.size() != bank_.questions.size() || question >= bank_.questions.size() || snap.day != now.day) {
    snap = snapshot();
    const auto slots = index_.slots_of(question);
    snap.changed.assign(slots.begin(), slots.end());
    return snap.changed;
  }
  const auto cards = store::Schedules(store_).all(profile_);
  const auto engine = fsrs();
  // The answered question, and its siblings: answering one buries the others for today.
  std::span<const std::size_t> redo(&question, 1);
  if (const auto group = siblings_.find(index_.sibling_group(question)); group != siblings_.end()) redo = group->second;
  snap.changed.clear();
  for (auto q : redo) {
    const auto after = figures_of(q, cards, now, snap.as_of, engine);
    auto& before = snap.per_question[q];
    if (after == before && q != question) continue;
    for (auto slot : index_.slots_of(q)) {
      auto& row = snap.topics[slot];
      snap.tallies[slot].replace(before.recall, after.recall);
      row.mastery = snap.tallies[slot].mastery();
      row.due += (after.due ? 1 : 0) - (before.due ? 1 : 0);
      row.answers += after.answers - before.answers;
      row.correct += after.correct - before.correct;
      snap.changed.push_back(slot);
    }
    before = after;
  }
  std::sort(snap.changed.begin(), snap.changed.end());
  snap.changed.erase(std::unique(snap.changed.begin(), snap.changed.end()), snap.changed.end());
  const auto& changed = snap.changed;
  std::erase_if(snap.weak, [&](std::size_t i) { return std::binary_search(changed.begin(), changed.end(), i); });
  for (auto slot : changed)
    if (is_weak(snap.topics[slot])) snap.weak.push_back(slot);
  sort_weak(snap.weak, snap.topics);
  per_question_figures(snap, cards, now);
  return snap.changed;
}

void Study::per_question_figures(StudySnapshot& snap, const Cards& cards, const Today& today) const {
  snap.leeches.clear();
  snap.suspended = today.set_aside;
  snap.due_by_day = {};
  const auto horizon = today.day_end + static_cast<core::TimeMs>(snap.due_by_day.size()) * static_cast<core::TimeMs>(core::ms_per_day);
  // Over the questions answered at all, not the whole bank: most of a large bank has no card.
  for (const auto& [item, card] : cards) {
    const auto found = question_of_item_.find(item);
    if (found == question_of_item_.end() || today.suspended[found->second]) continue;  // an item no longer in the bank
    const auto q = found->second;
    if (card.lapses >= leech_threshold) snap.leeches.push_back(q);
    // Bucketed by the learner day it falls due on. Anything due before today (say, after the
    // clock went forward) counts as today; a due question whose sibling was answered today waits
    // for tomorrow; anything past the two weeks shown is left out.
    const auto due = card.due;
    if (due_today(q, card, today)) {
      ++snap.due_by_day[0];
    } else if (core::is_due(card, today.day_end)) {
      ++snap.due_by_day[1];
    } else if (due < horizon) {
      if (const auto slot = core::period_index(Clock::learner_day(due, day_start()), today.day, 1, snap.due_by_day.size()))
        ++snap.due_by_day[*slot];
    }
  }
  std::sort(snap.leeches.begin(), snap.leeches.end());  // in bank order, as before
  snap.reviewed_today = reviewed_today();
  snap.answers_total = store::Answers(store_).count(profile_);
  // What a plain review would serve now, from the cards and the day already read.
  const auto left = std::max<std::int64_t>(0, settings_.daily_limit - snap.reviewed_today);
  snap.review_plan = plan_with(std::nullopt, static_cast<std::size_t>(left), snap.topics, today, cards);
}

std::vector<core::ReviewPick> Study::review_queue(std::optional<std::size_t> role, std::size_t limit) const {
  return review_queue(role, limit, mastery());
}

std::vector<core::ReviewPick> Study::review_queue(std::optional<std::size_t> role, std::size_t limit,
                                                  const std::vector<TopicStatus>& topics) const {
  return plan_with(role, limit, topics, today(), store::Schedules(store_).all(profile_));
}

std::vector<core::ReviewPick> Study::plan_with(std::optional<std::size_t> role, std::size_t limit,
                                               const std::vector<TopicStatus>& topics, const Today& now,
                                               const Cards& cards) const {
  auto about_role = [&](std::size_t q) {
    if (!role) return true;
    const auto& roles = bank_.questions[q].roles;
    return std::find(roles.begin(), roles.end(), bank_.roles[*role].id) != roles.end();
  };
  // Extra practice comes from the weakest topics: started ones by mastery; for a role's study, its
  // unstarted topics too.
  auto weak_score = [&](std::size_t q) -> std::optional<double> {
    std::optional<double> lowest;
    for (auto slot : index_.slots_of(q)) {
      if (role && index_.role_of(slot) != *role) continue;
      if (slot >= topics.size()) continue;
      const auto& status = topics[slot];
      if (status.mastery.seen == 0 && !role) continue;  // plain review keeps to started topics
      lowest = std::min(lowest.value_or(status.mastery.score), status.mastery.score);
    }
    return lowest;
  };

  std::vector<core::ReviewCandidate> candidates;
  std::size_t due = 0;
  for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
    if (!about_role(q) || now.suspended[q]) continue;
    core::ReviewCandidate c;
    c.question = q;
    c.sibling_group = index_.sibling_group(q);
    if (const auto card = cards.find(items_[q]); card != cards.end()) {
      c.card = card->second;
      if (due_today(q, card->second, now)) ++due;
    }
    c.weak_score = weak_score(q);
    candidates.push_back(std::move(c));
  }
  core::ReviewLimits limits;
  limits.now = now.now;
  limits.day_end = now.day_end;
  limits.due_limit = limit;
  const auto served_due = std::min(due, limit);
  limits.extra_limit = std::min(core::extra_practice_for(due), limit - served_due);
  return core::plan_review(candidates, now.buried, fsrs(), limits);
}

}  // namespace rp::app
