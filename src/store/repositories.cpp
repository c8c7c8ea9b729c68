#include "store/repositories.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

#include "core/text.hpp"

namespace rp::store {

namespace {
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

// --- Rows found out of range -------------------------------------------------------------------

struct OddRowTally {
  sqlite3* connection = nullptr;
  std::array<std::set<std::string>, odd_row_kinds> rows;
  std::array<std::size_t, odd_row_kinds> told{};  // how many of each the learner has heard of
};

// Never destroyed, so a Store that outlives static destruction still finds it.
std::unordered_map<sqlite3*, OddRowTally*>& tallies() {
  static auto* map = new std::unordered_map<sqlite3*, OddRowTally*>;
  return *map;
}

void do_nothing(sqlite3_context*, int, sqlite3_value**) {}

// Store (store.hpp) keeps no per-database state for the repositories, so the tally hangs on the
// SQLite connection: it is the user data of a SQL function that does nothing, and SQLite calls
// its destructor when the connection closes. A database opened later, even at the same address,
// starts with a clean count.
OddRowTally& tally(Store& store) {
  sqlite3* connection = store.connection().getHandle();
  auto& map = tallies();
  if (const auto it = map.find(connection); it != map.end()) return *it->second;
  auto* fresh = new OddRowTally{connection, {}, {}};
  // On failure SQLite calls the destructor itself, so `fresh` is never leaked or freed twice.
  store.connection().createFunction("rolepath_odd_row_tally", 0, true, fresh, do_nothing, nullptr, nullptr,
                                    [](void* data) {
                                      auto* gone = static_cast<OddRowTally*>(data);
                                      tallies().erase(gone->connection);
                                      delete gone;
                                    });
  map[connection] = fresh;
  return *fresh;
}

constexpr core::TimeMs last_time_ms = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z
constexpr std::int64_t day_ms = 86'400'000;
constexpr std::int64_t study_ms_cap = 120'000;  // a long pause is not two hours of study
constexpr std::int64_t max_answers_a_day = 86'400;  // one a second, all day
constexpr std::int64_t max_latency_ms = day_ms;
constexpr double min_stability = 0.001, max_stability = 36'500;  // days, as FSRS bounds them
constexpr double min_difficulty = 1, max_difficulty = 10;
constexpr std::int64_t max_reviews = 1'000'000;

// The cells of one row as read: numbers are brought into range and the row marked odd when one
// was outside it; a NULL, text or blob where a number belongs makes the row unusable.
class Cells {
 public:
  explicit Cells(SQLite::Statement& row) : row_(row) {}

  std::int64_t integer(int column, std::int64_t lo, std::int64_t hi) {
    const auto cell = row_.getColumn(column);
    if (cell.getType() == SQLITE_INTEGER) return in_range(cell.getInt64(), lo, hi);
    if (cell.getType() == SQLITE_FLOAT) {
      // INTEGER affinity keeps a real only when it is fractional or beyond 64 bits.
      odd_ = true;
      const double value = cell.getDouble();
      if (std::isnan(value)) return unusable(lo);
      return static_cast<std::int64_t>(std::clamp(value, static_cast<double>(lo), static_cast<double>(hi)));
    }
    return unusable(lo);
  }
  // An integer outside [lo, hi] makes the row unusable instead of being clamped (a time no clock
  // gives, a week that is not a Monday: there is no nearest right value).
  std::int64_t integer_within(int column, std::int64_t lo, std::int64_t hi) {
    const bool was_odd = std::exchange(odd_, false);
    const auto value = integer(column, lo, hi);
    if (odd_) unusable_ = true;
    odd_ = odd_ || was_odd;
    return value;
  }
  double real(int column, double lo, double hi) {
    const auto cell = row_.getColumn(column);
    if (cell.getType() != SQLITE_INTEGER && cell.getType() != SQLITE_FLOAT) return unusable(lo);
    const double value = cell.getDouble();
    if (std::isnan(value)) return unusable(lo);
    return in_range(value, lo, hi);  // infinities clamp to the bounds
  }
  // NULL, 0 or 1; any other value reads as NULL ("not known").
  std::optional<bool> flag(int column) {
    const auto cell = row_.getColumn(column);
    if (cell.isNull()) return std::nullopt;
    if (cell.getType() == SQLITE_INTEGER && (cell.getInt64() == 0 || cell.getInt64() == 1)) return cell.getInt64() == 1;
    odd_ = true;
    return std::nullopt;
  }
  bool is_null(int column) { return row_.getColumn(column).isNull(); }
  // Text made valid UTF-8, so nothing downstream (JSON, ImGui, CSV) meets broken bytes.
  std::string text(int column) {
    std::string value = row_.getColumn(column).getString();
    if (core::is_utf8(value)) return value;
    odd_ = true;
    return core::to_valid_utf8(value);
  }

  void mark_odd() { odd_ = true; }
  void reject() { unusable_ = true; }
  bool odd() const { return odd_ || unusable_; }
  bool usable() const { return !unusable_; }

 private:
  template <typename T>
  T in_range(T value, T lo, T hi) {
    if (value < lo || value > hi) odd_ = true;
    return std::clamp(value, lo, hi);
  }
  template <typename T>
  T unusable(T fallback) {
    unusable_ = true;
    return fallback;
  }

  SQLite::Statement& row_;
  bool odd_ = false, unusable_ = false;
};

// The value for a row read with `cells`: noted when it was odd, nothing when it cannot be used.
template <typename T>
std::optional<T> checked(Store& store, const Cells& cells, OddRow kind, const std::string& key, T value) {
  if (cells.odd()) note_odd_row(store, kind, key);
  if (!cells.usable()) return std::nullopt;
  return value;
}

std::string key_of(std::int64_t a, std::int64_t b) { return std::to_string(a) + "/" + std::to_string(b); }

bool is_non_finite_number(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && !std::isfinite(value);
}

Profile read_profile(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  Profile profile{row.getColumn(0).getInt64(), cells.text(1), row.getColumn(2).getInt64()};
  // A name from an older RolePath or an edited file may not be UTF-8; it is shown repaired.
  if (cells.odd()) note_odd_row(store, OddRow::profile_name, std::to_string(profile.id));
  return profile;
}

// Columns from `first`: stability, difficulty, last_review_ms, due_ms, reps, lapses.
std::optional<core::CardState> read_card(Store& store, SQLite::Statement& row, int first, RowId profile_id,
                                         RowId item_id) {
  Cells cells(row);
  core::CardState card;
  card.memory.stability = cells.real(first, min_stability, max_stability);
  card.memory.difficulty = cells.real(first + 1, min_difficulty, max_difficulty);
  card.last_review = cells.integer(first + 2, 0, last_time_ms);
  card.due = cells.integer(first + 3, card.last_review, card.last_review + static_cast<std::int64_t>(max_stability) * day_ms);
  card.reps = static_cast<int>(cells.integer(first + 4, 0, max_reviews));
  card.lapses = static_cast<int>(cells.integer(first + 5, 0, card.reps));  // a miss is one of the reviews
  return checked(store, cells, OddRow::review_state, key_of(profile_id, item_id), card);
}

double finite_in(double value, double lo, double hi, double if_nan) {
  return std::isnan(value) ? if_nan : std::clamp(value, lo, hi);
}

// A state as Schedules::put stores it: within the bounds read_card holds rows to.
core::CardState storable(core::CardState card) {
  card.memory.stability = finite_in(card.memory.stability, min_stability, max_stability, min_stability);
  card.memory.difficulty = finite_in(card.memory.difficulty, min_difficulty, max_difficulty, max_difficulty);
  card.last_review = std::clamp<core::TimeMs>(card.last_review, 0, last_time_ms);
  card.due = std::clamp<core::TimeMs>(card.due, card.last_review,
                                      card.last_review + static_cast<std::int64_t>(max_stability) * day_ms);
  card.reps = std::clamp(card.reps, 0, static_cast<int>(max_reviews));
  card.lapses = std::clamp(card.lapses, 0, card.reps);
  return card;
}

// Columns: day, answers, graded, correct, study_ms, due_reviews, due_correct. Each total is held
// to what the answers behind it allow: no more right than graded, no more than two minutes of
// study per answer, and so on.
std::optional<core::DayTotals> read_day(Store& store, SQLite::Statement& row, RowId profile_id) {
  Cells cells(row);
  core::DayTotals day;
  day.day = cells.integer(0, 0, last_time_ms / day_ms);
  day.answers = cells.integer(1, 0, max_answers_a_day);
  day.graded = cells.integer(2, 0, day.answers);
  day.correct = cells.integer(3, 0, day.graded);
  day.study_ms = cells.integer(4, 0, std::min(day_ms, day.answers * study_ms_cap));
  day.due_reviews = cells.integer(5, 0, day.graded);
  day.due_correct = cells.integer(6, 0, std::min(day.due_reviews, day.correct));
  return checked(store, cells, OddRow::daily_total, key_of(profile_id, day.day), day);
}

// Columns from `first`: id, profile_id, session_id, item_id, answered_ms, chosen, correct,
// latency_ms, confidence, local_day, was_due.
constexpr std::string_view answer_columns =
    "a.id, a.profile_id, a.session_id, a.item_id, a.answered_ms, a.chosen, a.correct, a.latency_ms, a.confidence, "
    "a.local_day, a.was_due";
constexpr int answer_column_count = 11;

std::optional<AnswerRecord> read_answer(Store& store, SQLite::Statement& row, Cells& cells, int first) {
  const RowId id = row.getColumn(first).getInt64();
  AnswerRecord answer;
  answer.profile_id = row.getColumn(first + 1).getInt64();
  answer.session_id = row.getColumn(first + 2).getInt64();
  answer.item_id = row.getColumn(first + 3).getInt64();
  answer.answered_ms = cells.integer(first + 4, 0, last_time_ms);
  answer.chosen = cells.text(first + 5);
  answer.correct = cells.flag(first + 6);
  answer.latency_ms = cells.integer(first + 7, 0, max_latency_ms);
  answer.sure = cells.flag(first + 8);
  if (cells.is_null(first + 9)) {
    // Written with every answer since schema 2; the migration's rule stands in for a missing one.
    answer.local_day = answer.answered_ms / day_ms;
    cells.mark_odd();
  } else {
    answer.local_day = cells.integer(first + 9, 0, last_time_ms / day_ms);
  }
  answer.was_due = cells.flag(first + 10).value_or(false);
  return checked(store, cells, OddRow::answer, std::to_string(id), answer);
}
}  // namespace

void note_odd_row(Store& store, OddRow kind, const std::string& key) {
  tally(store).rows[static_cast<std::size_t>(kind)].insert(key);
}

std::string take_odd_rows_notice(Store& store) {
  static constexpr std::array<std::pair<const char*, const char*>, odd_row_kinds> names = {{
      {"review state", "review states"},
      {"daily total", "daily totals"},
      {"answer", "answers"},
      {"role-fit result", "role-fit results"},
      {"mastery snapshot", "mastery snapshots"},
      {"weekly goal", "weekly goals"},
      {"profile name", "profile names"},
      {"setting", "settings"},
  }};
  auto& t = tally(store);
  std::string list;
  for (std::size_t kind = 0; kind < odd_row_kinds; ++kind) {
    const auto fresh = t.rows[kind].size() - t.told[kind];
    t.told[kind] = t.rows[kind].size();
    if (fresh == 0) continue;
    list += (list.empty() ? "" : ", ") + std::to_string(fresh) + " " + (fresh == 1 ? names[kind].first : names[kind].second);
  }
  if (list.empty()) return {};
  return "Some stored records were out of range and were skipped or corrected: " + list +
         ". The database itself is unchanged.";
}

std::optional<MasteryPoint> read_mastery_point(Store& store, RowId profile_id, SQLite::Statement& row) {
  Cells cells(row);
  MasteryPoint point;
  point.week_monday = cells.integer_within(0, 0, last_time_ms / day_ms);
  // The chart places snapshots by week; a day that is not a Monday has no place on it.
  if (core::monday_of(point.week_monday) != point.week_monday) cells.reject();
  point.role = cells.text(1);
  point.topic = cells.text(2);
  point.score = cells.real(3, 0, 1);
  return checked(store, cells, OddRow::mastery_snapshot,
                 std::to_string(profile_id) + "/" + std::to_string(point.week_monday) + "/" + point.role + "/" + point.topic,
                 point);
}

std::vector<Profile> Profiles::list() {
  return store_.guarded([&] {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile ORDER BY created_ms, id");
    std::vector<Profile> profiles;
    while (query.executeStep()) profiles.push_back(read_profile(store_, query));
    return profiles;
  });
}

std::optional<Profile> Profiles::find(RowId id) {
  return store_.guarded([&]() -> std::optional<Profile> {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile WHERE id = ?");
    query.bind(1, id);
    if (query.executeStep()) return read_profile(store_, query);
    return std::nullopt;
  });
}

std::optional<Profile> Profiles::find_by_name(const std::string& name) {
  return store_.guarded([&]() -> std::optional<Profile> {
    auto& query = store_.prepared("SELECT id, name, created_ms FROM profile WHERE name = ?");
    query.bind(1, name);
    if (query.executeStep()) return read_profile(store_, query);
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
    // The learner is told how sure the result is as a share; nothing else fits the column.
    insert.bind(5, std::isfinite(record.sure) ? std::clamp(record.sure, 0.0, 1.0) : 0.5);
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
      Cells cells(query);
      FitRecord row;
      row.id = query.getColumn(0).getInt64();
      row.session_id = query.getColumn(1).getInt64();
      row.computed_ms = cells.integer_within(2, 0, last_time_ms);  // a result dated by no clock has no place in the history
      if (!cells.is_null(3)) row.suggested = cells.text(3);
      row.sure = cells.real(4, 0, 1);
      row.detail_json = cells.text(5);
      if (auto kept = checked(store_, cells, OddRow::fit_result, std::to_string(row.id), std::move(row)))
        rows.push_back(std::move(*kept));
    }
    return rows;
  });
}

namespace {
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
    auto& row = store_.prepared("SELECT " + std::string(answer_columns) + " FROM answer a WHERE a.id = ?");
    row.bind(1, answer_id);
    if (!row.executeStep()) return;
    // Taken back from its day's totals as the reader sees it, so a NULL day or an absurd latency
    // in the row cannot push the totals below zero or onto another day.
    Cells cells(row);
    const auto answer = read_answer(store_, row, cells, 0);
    row.reset();
    auto& erase = store_.prepared("DELETE FROM answer WHERE id = ?");
    erase.bind(1, answer_id);
    erase.exec();
    if (answer)
      count_in_day(store_, answer->profile_id, answer->local_day, answer->correct, answer->latency_ms, answer->was_due, -1);
  });
}

std::vector<core::DayTotals> DailyActivity::range(RowId profile_id, core::LocalDay from, core::LocalDay to) {
  return store_.guarded([&] {
    auto& query = store_.prepared(
        "SELECT day, answers, graded, correct, study_ms, due_reviews, due_correct FROM daily_activity "
        "WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day");
    query.bind(1, profile_id);
    query.bind(2, from);
    query.bind(3, to);
    std::vector<core::DayTotals> days;
    while (query.executeStep())
      if (const auto day = read_day(store_, query, profile_id); day && day->answers > 0) days.push_back(*day);
    return days;
  });
}

std::optional<Goal> Goals::get(RowId profile_id) {
  return store_.guarded([&]() -> std::optional<Goal> {
    auto& query = store_.prepared("SELECT unit, weekly_target FROM goal WHERE profile_id = ?");
    query.bind(1, profile_id);
    if (!query.executeStep()) return std::nullopt;
    Cells cells(query);
    Goal goal{cells.text(0), static_cast<int>(cells.integer(1, 1, Goal::max_weekly_target))};
    if (goal.unit != "answers" && goal.unit != "minutes") cells.reject();  // no unit to count it in
    return checked(store_, cells, OddRow::weekly_goal, std::to_string(profile_id), std::move(goal));
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
  if (std::isnan(point.score)) return;
  store_.in_transaction([&] {
    bound(store_,
          "INSERT INTO mastery_snapshot (profile_id, week_monday, role, topic, score) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (profile_id, week_monday, role, topic) DO UPDATE SET score = excluded.score",
          profile_id, point.week_monday, point.role, point.topic, std::clamp(point.score, 0.0, 1.0))
        .exec();
  });
}

void Export::answers(RowId profile_id, const std::function<void(const ExportRow&)>& emit) {
  store_.guarded([&] {
    // A statement of its own, not the cache: the caller may run other queries while rows stream.
    // Outer joins, so an answer whose session or item row is missing is seen, counted and skipped
    // rather than silently dropped by the join.
    SQLite::Statement query(store_.connection(),
                            "SELECT " + std::string(answer_columns) +
                                ", p.name, s.kind, i.key, i.roles, i.topic FROM answer a JOIN profile p ON p.id = a.profile_id "
                                "LEFT JOIN study_session s ON s.id = a.session_id LEFT JOIN item i ON i.id = a.item_id "
                                "WHERE a.profile_id = ? ORDER BY a.answered_ms, a.id");
    query.bind(1, profile_id);
    constexpr int name = answer_column_count;
    ExportRow row;
    while (query.executeStep()) {
      Cells cells(query);
      if (cells.is_null(name + 1) || cells.is_null(name + 2)) cells.reject();
      const auto answer = read_answer(store_, query, cells, 0);
      if (!answer) continue;
      row.answered_ms = answer->answered_ms;
      row.profile = cells.text(name);
      row.session_kind = cells.text(name + 1);
      row.item = cells.text(name + 2);
      row.roles = cells.text(name + 3);
      row.topic = cells.text(name + 4);
      row.correct = answer->correct;
      row.latency_ms = answer->latency_ms;
      row.sure = answer->sure;
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
    return read_card(store_, query, 0, profile_id, item_id);
  });
}

void Schedules::put(RowId profile_id, RowId item_id, const core::CardState& state) {
  // Held to the range the reader accepts, so a bad input upstream (a NaN setting) can neither
  // fail the answer's write on a NOT NULL column nor store a due date no clock gives.
  const core::CardState card = storable(state);
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
    // The item join finds states of items that no longer exist at all (not merely left the bank).
    auto& query = store_.prepared(
        "SELECT s.item_id, s.stability, s.difficulty, s.last_review_ms, s.due_ms, s.reps, s.lapses, i.id IS NULL "
        "FROM schedule s LEFT JOIN item i ON i.id = s.item_id WHERE s.profile_id = ?");
    query.bind(1, profile_id);
    std::unordered_map<RowId, core::CardState> cards;
    while (query.executeStep()) {
      const RowId item = query.getColumn(0).getInt64();
      if (query.getColumn(7).getInt() != 0) {
        note_odd_row(store_, OddRow::review_state, key_of(profile_id, item));
        continue;
      }
      if (const auto card = read_card(store_, query, 1, profile_id, item)) cards[item] = *card;
    }
    return cards;
  });
}

std::int64_t Answers::count(RowId profile_id) {
  return store_.guarded([&] {
    // The per-day totals hold the same count without a pass over every answer; summed as the
    // reader sees each day, so one tampered day cannot make the total negative.
    auto& query = store_.prepared(
        "SELECT day, answers, graded, correct, study_ms, due_reviews, due_correct FROM daily_activity WHERE profile_id = ?");
    query.bind(1, profile_id);
    std::int64_t total = 0;
    while (query.executeStep())
      if (const auto day = read_day(store_, query, profile_id)) total += day->answers;
    return total;
  });
}

std::vector<AnswerRecord> Answers::in_session(RowId session_id) {
  return store_.guarded([&] {
    auto& query = store_.prepared("SELECT " + std::string(answer_columns) +
                                  " FROM answer a WHERE a.session_id = ? ORDER BY a.answered_ms, a.id");
    query.bind(1, session_id);
    std::vector<AnswerRecord> rows;
    while (query.executeStep()) {
      Cells cells(query);
      if (auto row = read_answer(store_, query, cells, 0)) rows.push_back(std::move(*row));
    }
    return rows;
  });
}

std::optional<std::string> Settings::get(RowId profile_id, const std::string& key) {
  return store_.guarded([&]() -> std::optional<std::string> {
    auto& query = store_.prepared("SELECT value FROM setting WHERE profile_id = ? AND key = ?");
    query.bind(1, profile_id);
    query.bind(2, key);
    if (!query.executeStep()) return std::nullopt;
    Cells cells(query);
    std::string value = cells.text(0);
    if (is_non_finite_number(value)) cells.reject();
    return checked(store_, cells, OddRow::setting, std::to_string(profile_id) + "/" + key, std::move(value));
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
