#include "store/repositories.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace rp::store {

namespace {
Profile read_profile(SQLite::Statement& row) {
  return Profile{row.getColumn(0).getInt64(), row.getColumn(1).getString(), row.getColumn(2).getInt64()};
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
    auto& insert = store_.prepared("INSERT INTO profile (name, created_ms) VALUES (?, ?)");
    insert.bind(1, name);
    insert.bind(2, now);
    insert.exec();
    return Profile{store_.connection().getLastInsertRowid(), name, now};
  });
}

Profile Profiles::ensure(const std::string& name, core::TimeMs now) {
  if (auto existing = find_by_name(name)) return *existing;
  return create(name, now);
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
  return store_.guarded([&] {
    auto& query = store_.prepared("SELECT count(*) FROM item");
    query.executeStep();
    return query.getColumn(0).getInt64();
  });
}

RowId Sessions::start(RowId profile_id, core::SessionKind kind, core::TimeMs now) {
  return store_.in_transaction([&] {
    auto& insert = store_.prepared("INSERT INTO study_session (profile_id, kind, started_ms) VALUES (?, ?, ?)");
    insert.bind(1, profile_id);
    insert.bind(2, std::string(core::to_string(kind)));
    insert.bind(3, now);
    insert.exec();
    return store_.connection().getLastInsertRowid();
  });
}

void Sessions::finish(RowId session_id, core::TimeMs now) {
  store_.in_transaction([&] {
    auto& update = store_.prepared("UPDATE study_session SET ended_ms = ? WHERE id = ? AND ended_ms IS NULL");
    update.bind(1, now);
    update.bind(2, session_id);
    update.exec();
  });
}

void Sessions::reopen(RowId session_id) {
  store_.in_transaction([&] {
    auto& update = store_.prepared("UPDATE study_session SET ended_ms = NULL WHERE id = ?");
    update.bind(1, session_id);
    update.exec();
  });
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

RowId Answers::record(const AnswerRecord& answer) {
  return store_.in_transaction([&] {
    auto& insert = store_.prepared(
        "INSERT INTO answer (profile_id, session_id, item_id, answered_ms, chosen, correct, latency_ms, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, answer.profile_id);
    insert.bind(2, answer.session_id);
    insert.bind(3, answer.item_id);
    insert.bind(4, answer.answered_ms);
    insert.bind(5, answer.chosen);
    bind_optional(insert, 6, answer.correct);
    insert.bind(7, answer.latency_ms);
    bind_optional(insert, 8, answer.sure);
    insert.exec();
    return store_.connection().getLastInsertRowid();
  });
}

void Answers::remove(RowId answer_id) {
  store_.in_transaction([&] {
    auto& erase = store_.prepared("DELETE FROM answer WHERE id = ?");
    erase.bind(1, answer_id);
    erase.exec();
  });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to) {
  return store_.guarded([&] {
    auto& query = store_.prepared("SELECT count(*) FROM answer WHERE profile_id = ? AND answered_ms >= ? AND answered_ms < ?");
    query.bind(1, profile_id);
    query.bind(2, from);
    query.bind(3, to);
    query.executeStep();
    return query.getColumn(0).getInt64();
  });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to, core::SessionKind kind) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT count(*) FROM answer a JOIN study_session s ON s.id = a.session_id "
        "WHERE a.profile_id = ? AND a.answered_ms >= ? AND a.answered_ms < ? AND s.kind = ?");
    query.bind(1, profile_id);
    query.bind(2, from);
    query.bind(3, to);
    query.bind(4, std::string(core::to_string(kind)));
    query.executeStep();
    return query.getColumn(0).getInt64();
  });
}

std::unordered_map<RowId, Answers::ItemTally> Answers::tally_by_item(RowId profile_id) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT item_id, count(*), sum(correct) FROM answer WHERE profile_id = ? AND correct IS NOT NULL "
        "GROUP BY item_id");
    query.bind(1, profile_id);
    std::unordered_map<RowId, ItemTally> tallies;
    while (query.executeStep())
      tallies[query.getColumn(0).getInt64()] = ItemTally{query.getColumn(1).getInt64(), query.getColumn(2).getInt64()};
    return tallies;
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
    auto& upsert = store_.prepared(
        "INSERT INTO schedule (profile_id, item_id, stability, difficulty, last_review_ms, due_ms, reps, lapses) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, item_id) DO UPDATE SET "
        "stability = excluded.stability, difficulty = excluded.difficulty, last_review_ms = excluded.last_review_ms, "
        "due_ms = excluded.due_ms, reps = excluded.reps, lapses = excluded.lapses");
    upsert.bind(1, profile_id);
    upsert.bind(2, item_id);
    upsert.bind(3, card.memory.stability);
    upsert.bind(4, card.memory.difficulty);
    upsert.bind(5, card.last_review);
    upsert.bind(6, card.due);
    upsert.bind(7, card.reps);
    upsert.bind(8, card.lapses);
    upsert.exec();
  });
}

void Schedules::remove(RowId profile_id, RowId item_id) {
  store_.in_transaction([&] {
    auto& erase = store_.prepared("DELETE FROM schedule WHERE profile_id = ? AND item_id = ?");
    erase.bind(1, profile_id);
    erase.bind(2, item_id);
    erase.exec();
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
    auto& query = store_.prepared("SELECT count(*) FROM answer WHERE profile_id = ?");
    query.bind(1, profile_id);
    query.executeStep();
    return query.getColumn(0).getInt64();
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
    auto& upsert = store_.prepared(
        "INSERT INTO setting (profile_id, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, profile_id);
    upsert.bind(2, key);
    upsert.bind(3, value);
    upsert.exec();
  });
}

}  // namespace rp::store
