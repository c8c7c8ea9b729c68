#include "store/repositories.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

namespace rp::store {

namespace {
Profile read_profile(SQLite::Statement& row) {
  return Profile{row.getColumn(0).getInt64(), row.getColumn(1).getString(), row.getColumn(2).getInt64()};
}

// The cached statement for `sql` with `args` bound in order: one line per simple read or write.
template <typename... Args>
SQLite::Statement& bound(Store& store, std::string_view sql, const Args&... args) {
  auto& statement = store.prepared(sql);
  int index = 0;
  (statement.bind(++index, args), ...);
  return statement;
}

// The single number a `SELECT count(...)`-style query returns.
template <typename... Args>
std::int64_t number(Store& store, std::string_view sql, const Args&... args) {
  auto& query = bound(store, sql, args...);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.bind(index, static_cast<int>(*value));
  } else {
    statement.bind(index);  // NULL
  }
}
}  // namespace

std::vector<Profile> Profiles::list() {
  return store_.guarded([&] {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile ORDER BY created_ms, id");
    std::vector<Profile> profiles;
    while (query.executeStep()) profiles.push_back(read_profile(query));
    return profiles;
  });
}

std::optional<Profile> Profiles::find(RowId id) {
  return store_.guarded([&]() -> std::optional<Profile> {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile WHERE id = ?");
    query.bind(1, id);
    if (query.executeStep()) return read_profile(query);
    return std::nullopt;
  });
}

std::optional<Profile> Profiles::find_by_name(const std::string& name) {
  return store_.guarded([&]() -> std::optional<Profile> {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile WHERE name = ?");
    query.bind(1, name);
    if (query.executeStep()) return read_profile(query);
    return std::nullopt;
  });
}

Profile Profiles::create(const std::string& name, core::TimeMs now) {
  return store_.in_transaction([&] {
    bound(store_, "INSERT INTO profile (name, created_ms) VALUES (?, ?)", name, now).exec();
    return Profile{store_.connection().getLastInsertRowid(), name, now};
  });
}

Profile Profiles::ensure(const std::string& name, core::TimeMs now) {
  if (auto existing = find_by_name(name)) return *existing;
  return create(name, now);
}

void Profiles::rename(RowId id, const std::string& name) {
  store_.in_transaction([&] { bound(store_, "UPDATE profile SET name = ? WHERE id = ?", name, id).exec(); });
}

void Profiles::remove(RowId id) {
  store_.in_transaction([&] {
    // Settings have no foreign key (0 holds app-wide ones); everything else cascades.
    bound(store_, "DELETE FROM setting WHERE profile_id = ?", id).exec();
    bound(store_, "DELETE FROM profile WHERE id = ?", id).exec();
  });
}

ItemSync Items::sync(const core::Bank& bank, core::TimeMs now) {
  return store_.in_transaction([&] {
    ItemSync result;
    auto& lookup = store_.prepared("SELECT id, content_hash FROM item WHERE key = ?");
    auto upsert = [&](const std::string& key, std::string_view kind, const std::string& roles,
                      const std::string& topic, const std::string& hash) {
      lookup.reset();
      lookup.bind(1, key);
      if (lookup.executeStep()) {
        const RowId id = lookup.getColumn(0).getInt64();
        const std::string old_hash = lookup.getColumn(1).getString();
        lookup.reset();
        result.ids[key] = id;
        if (old_hash == hash) return;
        auto& update = store_.prepared(
            "UPDATE item SET kind = ?, roles = ?, topic = ?, content_hash = ?, changed_ms = ? WHERE id = ?");
        update.bind(1, std::string(kind));
        update.bind(2, roles);
        update.bind(3, topic);
        update.bind(4, hash);
        update.bind(5, now);
        update.bind(6, id);
        update.exec();
        ++result.changed;
        return;
      }
      lookup.reset();
      auto& insert = store_.prepared(
          "INSERT INTO item (key, kind, roles, topic, content_hash, first_seen_ms, changed_ms) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)");
      insert.bind(1, key);
      insert.bind(2, std::string(kind));
      insert.bind(3, roles);
      insert.bind(4, topic);
      insert.bind(5, hash);
      insert.bind(6, now);
      insert.bind(7, now);
      insert.exec();
      result.ids[key] = store_.connection().getLastInsertRowid();
      ++result.added;
    };
    for (const auto& question : bank.questions)
      upsert(question.id, core::to_string(question.kind), join(question.roles), question.topic,
             core::content_hash(question));
    for (const auto& statement : bank.statements) {
      std::vector<std::string> roles;
      for (const auto& [role, weight] : statement.weights) roles.push_back(role);
      upsert(statement.id, "statement", join(roles), statement.topic, core::content_hash(statement));
    }
    return result;
  });
}

std::int64_t Items::count() {
  return store_.guarded([&] { return number(store_, "SELECT count(*) FROM item"); });
}

RowId Sessions::start(RowId profile_id, core::SessionKind kind, core::TimeMs now) {
  return store_.in_transaction([&] {
    bound(store_, "INSERT INTO study_session (profile_id, kind, started_ms) VALUES (?, ?, ?)", profile_id,
          std::string(core::to_string(kind)), now)
        .exec();
    return store_.connection().getLastInsertRowid();
  });
}

void Sessions::finish(RowId session_id, core::TimeMs now) {
  store_.in_transaction([&] {
    bound(store_, "UPDATE study_session SET ended_ms = ? WHERE id = ? AND ended_ms IS NULL", now, session_id).exec();
  });
}

void Sessions::reopen(RowId session_id) {
  store_.in_transaction([&] { bound(store_, "UPDATE study_session SET ended_ms = NULL WHERE id = ?", session_id).exec(); });
}

std::optional<RowId> Sessions::unfinished(RowId profile_id, core::SessionKind kind) {
  return store_.guarded([&]() -> std::optional<RowId> {
    auto& query = store_.prepared(
        "SELECT id FROM study_session WHERE profile_id = ? AND kind = ? AND ended_ms IS NULL "
        "ORDER BY started_ms DESC, id DESC LIMIT 1");
    query.bind(1, profile_id);
    query.bind(2, std::string(core::to_string(kind)));
    if (query.executeStep()) return query.getColumn(0).getInt64();
    return std::nullopt;
  });
}

RowId FitResults::save(RowId profile_id, const FitRecord& record) {
  return store_.in_transaction([&] {
    auto& insert = store_.prepared(
        "INSERT INTO fit_result (profile_id, session_id, computed_ms, suggested, sureness, detail_json) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, profile_id);
    insert.bind(2, record.session_id);
    insert.bind(3, record.computed_ms);
    if (record.suggested) {
      insert.bind(4, *record.suggested);
    } else {
      insert.bind(4);
    }
    insert.bind(5, record.sure);
    insert.bind(6, record.detail_json);
    insert.exec();
    return store_.connection().getLastInsertRowid();
  });
}

std::vector<FitRecord> FitResults::history(RowId profile_id) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT id, session_id, computed_ms, suggested, sureness, detail_json FROM fit_result "
        "WHERE profile_id = ? ORDER BY computed_ms, id");
    query.bind(1, profile_id);
    std::vector<FitRecord> rows;
    while (query.executeStep()) {
      FitRecord row;
      row.id = query.getColumn(0).getInt64();
      row.session_id = query.getColumn(1).getInt64();
      row.computed_ms = query.getColumn(2).getInt64();
      if (!query.getColumn(3).isNull()) row.suggested = query.getColumn(3).getString();
      row.sure = query.getColumn(4).getDouble();
      row.detail_json = query.getColumn(5).getString();
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

namespace {
constexpr std::int64_t study_ms_cap = 120'000;  // a long pause is not two hours of study

// Adds (sign +1) or takes back (sign -1) one answer in its day's totals.
void count_in_day(Store& store, RowId profile_id, core::LocalDay day, std::optional<bool> correct,
                  std::int64_t latency_ms, bool was_due, int sign) {
  auto& upsert = store.prepared(
      "INSERT INTO daily_activity (profile_id, day, answers, graded, correct, study_ms, due_reviews, due_correct) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (profile_id, day) DO UPDATE SET "
      "answers = answers + ?3, graded = graded + ?4, correct = correct + ?5, study_ms = study_ms + ?6, "
      "due_reviews = due_reviews + ?7, due_correct = due_correct + ?8");
  upsert.bind(1, profile_id);
  upsert.bind(2, day);
  upsert.bind(3, sign);
  upsert.bind(4, correct ? sign : 0);
  upsert.bind(5, correct == true ? sign : 0);
  upsert.bind(6, sign * std::min(std::max<std::int64_t>(latency_ms, 0), study_ms_cap));
  upsert.bind(7, was_due ? sign : 0);
  upsert.bind(8, was_due && correct == true ? sign : 0);
  upsert.exec();
}
}  // namespace

RowId Answers::record(const AnswerRecord& answer) {
  return store_.in_transaction([&] {
    auto& insert = store_.prepared(
        "INSERT INTO answer (profile_id, session_id, item_id, answered_ms, chosen, correct, latency_ms, confidence, "
        "local_day, was_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, answer.profile_id);
    insert.bind(2, answer.session_id);
    insert.bind(3, answer.item_id);
    insert.bind(4, answer.answered_ms);
    insert.bind(5, answer.chosen);
    bind_optional(insert, 6, answer.correct);
    insert.bind(7, answer.latency_ms);
    bind_optional(insert, 8, answer.sure);
    insert.bind(9, answer.local_day);
    insert.bind(10, answer.was_due ? 1 : 0);
    insert.exec();
    const RowId id = store_.connection().getLastInsertRowid();
    count_in_day(store_, answer.profile_id, answer.local_day, answer.correct, answer.latency_ms, answer.was_due, +1);
    return id;
  });
}

void Answers::remove(RowId answer_id) {
  store_.in_transaction([&] {
    auto& row = store_.prepared("SELECT profile_id, local_day, correct, latency_ms, was_due FROM answer WHERE id = ?");
    row.bind(1, answer_id);
    if (!row.executeStep()) return;
    const RowId profile = row.getColumn(0).getInt64();
    const core::LocalDay day = row.getColumn(1).getInt64();
    const std::optional<bool> correct =
        row.getColumn(2).isNull() ? std::nullopt : std::optional<bool>(row.getColumn(2).getInt() != 0);
    const std::int64_t latency = row.getColumn(3).getInt64();
    const bool was_due = row.getColumn(4).getInt() != 0;
    row.reset();
    auto& erase = store_.prepared("DELETE FROM answer WHERE id = ?");
    erase.bind(1, answer_id);
    erase.exec();
    count_in_day(store_, profile, day, correct, latency, was_due, -1);
  });
}

std::vector<core::DayTotals> DailyActivity::range(RowId profile_id, core::LocalDay from, core::LocalDay to) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT day, answers, graded, correct, study_ms, due_reviews, due_correct FROM daily_activity "
        "WHERE profile_id = ? AND day BETWEEN ? AND ? AND answers > 0 ORDER BY day");
    query.bind(1, profile_id);
    query.bind(2, from);
    query.bind(3, to);
    std::vector<core::DayTotals> days;
    while (query.executeStep())
      days.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                      query.getColumn(3).getInt64(), query.getColumn(4).getInt64(), query.getColumn(5).getInt64(),
                      query.getColumn(6).getInt64()});
    return days;
  });
}

std::optional<Goal> Goals::get(RowId profile_id) {
  return store_.guarded([&]() -> std::optional<Goal> {
    auto& query = store_.prepared("SELECT unit, weekly_target FROM goal WHERE profile_id = ?");
    query.bind(1, profile_id);
    if (!query.executeStep()) return std::nullopt;
    return Goal{query.getColumn(0).getString(), query.getColumn(1).getInt()};
  });
}

void Goals::set(RowId profile_id, const Goal& goal, core::TimeMs now) {
  store_.in_transaction([&] {
    bound(store_,
          "INSERT INTO goal (profile_id, unit, weekly_target, set_ms) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id) "
          "DO UPDATE SET unit = excluded.unit, weekly_target = excluded.weekly_target, set_ms = excluded.set_ms",
          profile_id, goal.unit, goal.weekly_target, now)
        .exec();
  });
}

void MasterySnapshots::put(RowId profile_id, const MasteryPoint& point) {
  store_.in_transaction([&] {
    bound(store_,
          "INSERT INTO mastery_snapshot (profile_id, week_monday, role, topic, score) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (profile_id, week_monday, role, topic) DO UPDATE SET score = excluded.score",
          profile_id, point.week_monday, point.role, point.topic, point.score)
        .exec();
  });
}

std::vector<MasteryPoint> MasterySnapshots::since(RowId profile_id, core::LocalDay first_monday) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT week_monday, role, topic, score FROM mastery_snapshot WHERE profile_id = ? AND week_monday >= ? "
        "ORDER BY week_monday");
    query.bind(1, profile_id);
    query.bind(2, first_monday);
    std::vector<MasteryPoint> points;
    while (query.executeStep())
      points.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                        query.getColumn(3).getDouble()});
    return points;
  });
}

void Export::answers(RowId profile_id, const std::function<void(const ExportRow&)>& emit) {
  store_.guarded([&] {
    // A statement of its own, not the cache: the caller may run other queries while rows stream.
    SQLite::Statement query(store_.connection(),
                            "SELECT a.answered_ms, p.name, s.kind, i.key, i.roles, i.topic, a.correct, a.latency_ms, "
                            "a.confidence FROM answer a JOIN profile p ON p.id = a.profile_id "
                            "JOIN study_session s ON s.id = a.session_id JOIN item i ON i.id = a.item_id "
                            "WHERE a.profile_id = ? ORDER BY a.answered_ms, a.id");
    query.bind(1, profile_id);
    ExportRow row;
    while (query.executeStep()) {
      row.answered_ms = query.getColumn(0).getInt64();
      row.profile = query.getColumn(1).getString();
      row.session_kind = query.getColumn(2).getString();
      row.item = query.getColumn(3).getString();
      row.roles = query.getColumn(4).getString();
      row.topic = query.getColumn(5).getString();
      row.correct = query.getColumn(6).isNull() ? std::nullopt : std::optional<bool>(query.getColumn(6).getInt() != 0);
      row.latency_ms = query.getColumn(7).getInt64();
      row.sure = query.getColumn(8).isNull() ? std::nullopt : std::optional<bool>(query.getColumn(8).getInt() != 0);
      emit(row);
    }
  });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to) {
  return store_.guarded([&] {
    return number(store_, "SELECT count(*) FROM answer WHERE profile_id = ? AND answered_ms >= ? AND answered_ms < ?",
                  profile_id, from, to);
  });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to, core::SessionKind kind) {
  return store_.guarded([&] {
    return number(store_,
                  "SELECT count(*) FROM answer a JOIN study_session s ON s.id = a.session_id "
                  "WHERE a.profile_id = ? AND a.answered_ms >= ? AND a.answered_ms < ? AND s.kind = ?",
                  profile_id, from, to, std::string(core::to_string(kind)));
  });
}

std::optional<core::CardState> Schedules::get(RowId profile_id, RowId item_id) {
  return store_.guarded([&]() -> std::optional<core::CardState> {
    auto& query = store_.prepared(
        "SELECT stability, difficulty, last_review_ms, due_ms, reps, lapses FROM schedule "
        "WHERE profile_id = ? AND item_id = ?");
    query.bind(1, profile_id);
    query.bind(2, item_id);
    if (!query.executeStep()) return std::nullopt;
    return core::CardState{{query.getColumn(0).getDouble(), query.getColumn(1).getDouble()},
                           query.getColumn(2).getInt64(), query.getColumn(3).getInt64(), query.getColumn(4).getInt(),
                           query.getColumn(5).getInt()};
  });
}

void Schedules::put(RowId profile_id, RowId item_id, const core::CardState& card) {
  store_.in_transaction([&] {
    bound(store_,
          "INSERT INTO schedule (profile_id, item_id, stability, difficulty, last_review_ms, due_ms, reps, lapses) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, item_id) DO UPDATE SET "
          "stability = excluded.stability, difficulty = excluded.difficulty, last_review_ms = excluded.last_review_ms, "
          "due_ms = excluded.due_ms, reps = excluded.reps, lapses = excluded.lapses",
          profile_id, item_id, card.memory.stability, card.memory.difficulty, card.last_review, card.due, card.reps,
          card.lapses)
        .exec();
  });
}

void Schedules::remove(RowId profile_id, RowId item_id) {
  store_.in_transaction([&] {
    bound(store_, "DELETE FROM schedule WHERE profile_id = ? AND item_id = ?", profile_id, item_id).exec();
  });
}

std::unordered_map<RowId, core::CardState> Schedules::all(RowId profile_id) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT item_id, stability, difficulty, last_review_ms, due_ms, reps, lapses FROM schedule WHERE profile_id = ?");
    query.bind(1, profile_id);
    std::unordered_map<RowId, core::CardState> cards;
    while (query.executeStep())
      cards[query.getColumn(0).getInt64()] =
          core::CardState{{query.getColumn(1).getDouble(), query.getColumn(2).getDouble()},
                          query.getColumn(3).getInt64(), query.getColumn(4).getInt64(), query.getColumn(5).getInt(),
                          query.getColumn(6).getInt()};
    return cards;
  });
}

std::int64_t Answers::count(RowId profile_id) {
  return store_.guarded([&] {
    // The per-day totals hold the same count without a pass over every answer.
    return number(store_, "SELECT coalesce(sum(answers), 0) FROM daily_activity WHERE profile_id = ?", profile_id);
  });
}

std::vector<AnswerRecord> Answers::in_session(RowId session_id) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT profile_id, session_id, item_id, answered_ms, chosen, correct, latency_ms, confidence "
        "FROM answer WHERE session_id = ? ORDER BY answered_ms, id");
    query.bind(1, session_id);
    std::vector<AnswerRecord> rows;
    while (query.executeStep()) {
      AnswerRecord row;
      row.profile_id = query.getColumn(0).getInt64();
      row.session_id = query.getColumn(1).getInt64();
      row.item_id = query.getColumn(2).getInt64();
      row.answered_ms = query.getColumn(3).getInt64();
      row.chosen = query.getColumn(4).getString();
      if (!query.getColumn(5).isNull()) row.correct = query.getColumn(5).getInt() != 0;
      row.latency_ms = query.getColumn(6).getInt64();
      if (!query.getColumn(7).isNull()) row.sure = query.getColumn(7).getInt() != 0;
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

std::optional<std::string> Settings::get(RowId profile_id, const std::string& key) {
  return store_.guarded([&]() -> std::optional<std::string> {
    auto& query = store_.prepared("SELECT value FROM setting WHERE profile_id = ? AND key = ?");
    query.bind(1, profile_id);
    query.bind(2, key);
    if (query.executeStep()) return query.getColumn(0).getString();
    return std::nullopt;
  });
}

void Settings::set(RowId profile_id, const std::string& key, const std::string& value) {
  store_.in_transaction([&] {
    bound(store_,
          "INSERT INTO setting (profile_id, key, value) VALUES (?, ?, ?) "
          "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
          profile_id, key, value)
        .exec();
  });
}

}  // namespace rp::store
