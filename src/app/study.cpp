#include "app/study.hpp"

#include <algorithm>
#include <string>

namespace rp::app {

namespace {
constexpr const char* retention_key = "desired_retention";
constexpr const char* daily_limit_key = "daily_limit";
constexpr const char* confidence_key = "ask_confidence";
constexpr const char* streaks_key = "streaks";
constexpr const char* rest_days_key = "rest_days";
}  // namespace

const TopicStatus* StudySnapshot::find(std::size_t role, std::size_t topic) const {
  for (const auto& t : topics)
    if (t.role == role && t.topic == topic) return &t;
  return nullptr;
}

std::optional<core::TopicMastery> StudySnapshot::role_readiness(std::size_t role) const {
  core::TopicMastery total;
  int started = 0;
  double score = 0;
  for (const auto& t : topics) {
    if (t.role != role) continue;
    total.total += t.mastery.total;
    total.seen += t.mastery.seen;
    score += t.mastery.score;
    if (t.mastery.seen > 0) ++started;
  }
  if (started == 0) return std::nullopt;
  int topic_count = 0;
  for (const auto& t : topics) topic_count += t.role == role ? 1 : 0;
  total.score = score / topic_count;
  // The same thresholds as a topic's, applied to the mean over all of the role's topics.
  total.level = core::level_for(total.score, total.seen);
  return total;
}

Study::Study(store::Store& store, const core::Bank& bank, const ItemIds& item_ids, store::RowId profile,
             const Clock& clock)
    : store_(store), bank_(bank), item_ids_(item_ids), profile_(profile), clock_(clock) {
  load_settings();
}

void Study::load_settings() {
  store::Settings settings(store_);
  if (auto v = settings.get(profile_, retention_key)) {
    try {
      settings_.desired_retention = std::clamp(std::stod(*v), StudySettings::min_retention, StudySettings::max_retention);
    } catch (const std::exception&) {
    }
  }
  if (auto v = settings.get(profile_, daily_limit_key)) {
    try {
      settings_.daily_limit = std::clamp(std::stoi(*v), 1, 1000);
    } catch (const std::exception&) {
    }
  }
  if (auto v = settings.get(profile_, confidence_key)) settings_.ask_confidence = *v == "1";
  if (auto v = settings.get(profile_, streaks_key)) settings_.streaks = *v == "1";
  if (auto v = settings.get(profile_, rest_days_key); v && v->size() == 1 && (*v)[0] >= '0' && (*v)[0] <= '2')
    settings_.rest_days = (*v)[0] - '0';
}

void Study::save_settings() {
  settings_.desired_retention = std::clamp(settings_.desired_retention, StudySettings::min_retention, StudySettings::max_retention);
  settings_.daily_limit = std::clamp(settings_.daily_limit, 1, 1000);
  store_.in_transaction([&] {
    store::Settings settings(store_);
    settings.set(profile_, retention_key, std::to_string(settings_.desired_retention));
    settings.set(profile_, daily_limit_key, std::to_string(settings_.daily_limit));
    settings.set(profile_, confidence_key, settings_.ask_confidence ? "1" : "0");
    settings.set(profile_, streaks_key, settings_.streaks ? "1" : "0");
    settings.set(profile_, rest_days_key, std::to_string(std::clamp(settings_.rest_days, 0, 2)));
  });
}

core::Fsrs Study::fsrs() const {
  core::FsrsParameters parameters;
  parameters.desired_retention = settings_.desired_retention;
  return core::Fsrs(parameters);
}

std::pair<core::TimeMs, core::TimeMs> Study::today() const {
  const auto now = clock_.now();
  const auto offset_ms = static_cast<core::TimeMs>(Clock::local_offset_minutes(now)) * 60'000;
  const auto day = static_cast<core::TimeMs>(core::ms_per_day);
  const core::TimeMs local = now + offset_ms;
  const core::TimeMs start = (local >= 0 ? local / day : (local - day + 1) / day) * day - offset_ms;
  return {start, start + day};
}

store::RowId Study::item_id(std::size_t question) const { return item_ids_.at(bank_.questions[question].id); }

bool Study::question_is_about(std::size_t question, std::size_t role, std::size_t topic) const {
  const auto& q = bank_.questions[question];
  return q.topic == bank_.topics[topic].id &&
         std::find(q.roles.begin(), q.roles.end(), bank_.roles[role].id) != q.roles.end();
}

std::vector<TopicStatus> Study::mastery() const { return mastery_from(store::Schedules(store_).all(profile_)); }

std::vector<TopicStatus> Study::mastery_from(const std::unordered_map<store::RowId, core::CardState>& cards) const {
  const auto now = clock_.now();
  const auto engine = fsrs();
  std::vector<TopicStatus> topics;
  for (std::size_t r = 0; r < bank_.roles.size(); ++r) {
    for (std::size_t t = 0; t < bank_.topics.size(); ++t) {
      TopicStatus status;
      status.role = r;
      status.topic = t;
      std::vector<std::optional<core::CardState>> topic_cards;
      for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
        if (!question_is_about(q, r, t)) continue;
        const auto card = cards.find(item_id(q));
        topic_cards.push_back(card == cards.end() ? std::nullopt : std::optional<core::CardState>(card->second));
        if (card != cards.end() && card->second.due <= now) ++status.due;
      }
      status.mastery = core::topic_mastery(topic_cards, now, engine);
      topics.push_back(status);
    }
  }
  return topics;
}

StudySnapshot Study::snapshot() const {
  StudySnapshot snap;
  const auto cards = store::Schedules(store_).all(profile_);
  const auto [day_start, day_end] = today();
  snap.topics = mastery_from(cards);
  // Each question's FSRS state counts its answers (reps) and misses (lapses), so accuracy needs
  // no pass over the answer history.
  for (auto& status : snap.topics) {
    for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
      if (!question_is_about(q, status.role, status.topic)) continue;
      if (const auto card = cards.find(item_id(q)); card != cards.end()) {
        status.answers += card->second.reps;
        status.correct += card->second.reps - card->second.lapses;
      }
    }
  }
  for (std::size_t i = 0; i < snap.topics.size(); ++i)
    if (snap.topics[i].mastery.seen > 0) snap.weak.push_back(i);
  std::stable_sort(snap.weak.begin(), snap.weak.end(), [&](std::size_t a, std::size_t b) {
    return snap.topics[a].mastery.score < snap.topics[b].mastery.score;
  });

  for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
    const auto card = cards.find(item_id(q));
    if (card == cards.end()) continue;
    if (card->second.lapses >= leech_threshold) snap.leeches.push_back(q);
    const auto due = card->second.due;
    if (due < day_end) {
      ++snap.due_by_day[0];
    } else {
      const auto day = static_cast<std::size_t>((due - day_end) / static_cast<core::TimeMs>(core::ms_per_day)) + 1;
      if (day < snap.due_by_day.size()) ++snap.due_by_day[day];
    }
  }
  snap.reviewed_today = store::Answers(store_).count_between(profile_, day_start, day_end, core::SessionKind::review);
  snap.answers_total = store::Answers(store_).count(profile_);
  return snap;
}

std::vector<std::size_t> Study::review_queue(std::optional<std::size_t> role, std::size_t limit) const {
  const auto now = clock_.now();
  const auto engine = fsrs();
  const auto cards = store::Schedules(store_).all(profile_);
  StudySnapshot snap;
  snap.topics = mastery_from(cards);

  auto about_role = [&](std::size_t q) {
    if (!role) return true;
    const auto& roles = bank_.questions[q].roles;
    return std::find(roles.begin(), roles.end(), bank_.roles[*role].id) != roles.end();
  };
  auto recall_now = [&](std::size_t q) {
    const auto card = cards.find(item_id(q));
    if (card == cards.end()) return 0.0;
    return engine.retrievability(static_cast<double>(now - card->second.last_review) / core::ms_per_day,
                                 card->second.memory.stability);
  };

  std::vector<std::size_t> due, rest;
  for (std::size_t q = 0; q < bank_.questions.size(); ++q) {
    if (!about_role(q)) continue;
    const auto card = cards.find(item_id(q));
    if (card != cards.end() && card->second.due <= now) {
      due.push_back(q);
    } else {
      rest.push_back(q);
    }
  }
  std::stable_sort(due.begin(), due.end(), [&](std::size_t a, std::size_t b) { return recall_now(a) < recall_now(b); });

  // Then the weakest topics: started ones by mastery; for a role's study, its unstarted topics too.
  auto topic_score = [&](std::size_t q) {
    double lowest = 2.0;
    for (std::size_t r = 0; r < bank_.roles.size(); ++r) {
      if (role && r != *role) continue;
      for (std::size_t t = 0; t < bank_.topics.size(); ++t) {
        if (!question_is_about(q, r, t)) continue;
        const auto* status = snap.find(r, t);
        if (!status) continue;
        if (status->mastery.seen == 0 && !role) continue;  // plain review keeps to started topics
        lowest = std::min(lowest, status->mastery.score);
      }
    }
    return lowest;
  };
  std::vector<std::pair<double, std::size_t>> weak;
  for (auto q : rest)
    if (const double score = topic_score(q); score <= 1.0) weak.push_back({score, q});
  std::stable_sort(weak.begin(), weak.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return recall_now(a.second) < recall_now(b.second);
  });

  std::vector<std::size_t> queue = due;
  for (const auto& [score, q] : weak) queue.push_back(q);
  if (queue.size() > limit) queue.resize(limit);
  return queue;
}

}  // namespace rp::app
