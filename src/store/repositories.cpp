#include "store/repositories.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/text.hpp"

namespace rp::store {

namespace {
// --- Binding ---------------------------------------------------------------------------------------
// Every statement gets its parameters from bind_all, so a value is written the same way wherever
// it goes.

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};

// One parameter: an empty optional is NULL, a flag 0 or 1, a session kind its name.
template <typename T>
void bind_one(SQLite::Statement& statement, int index, const T& value) {
  if constexpr (is_optional<T>::value) {
    if (value) {
      bind_one(statement, index, *value);
    } else {
      statement.bind(index);  // NULL
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    statement.bind(index, value ? 1 : 0);
  } else if constexpr (std::is_same_v<T, core::SessionKind>) {
    statement.bind(index, std::string(core::to_string(value)));
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    statement.bind(index, std::string(value));
  } else {
    statement.bind(index, value);
  }
}

// `statement` with `args` bound to its parameters in order.
template <typename... Args>
SQLite::Statement& bind_all(SQLite::Statement& statement, const Args&... args) {
  int index = 0;
  (bind_one(statement, ++index, args), ...);
  return statement;
}

// The cached statement for `sql` with `args` bound.
template <typename... Args>
SQLite::Statement& bound(Store& store, std::string_view sql, const Args&... args) {
  return bind_all(store.prepared(sql), args...);
}

// One step of `statement`: true while it yields rows. A step that fails leaves its error in the
// statement; Store::prepared clears it with tryReset before the statement's next use.
bool step(SQLite::Statement& statement) { return statement.executeStep(); }

// Runs a statement that returns no rows.
template <typename... Args>
void run(Store& store, std::string_view sql, const Args&... args) {
  step(bound(store, sql, args...));
}

// Runs an INSERT; the new row's id.
template <typename... Args>
RowId insert(Store& store, std::string_view sql, const Args&... args) {
  run(store, sql, args...);
  return store.connection().getLastInsertRowid();
}

// The integer in the first column of the first row (a count, an id), if there is a row.
template <typename... Args>
std::optional<std::int64_t> first_number(Store& store, std::string_view sql, const Args&... args) {
  auto& query = bound(store, sql, args...);
  if (!step(query)) return std::nullopt;
  const auto value = query.getColumn(0).getInt64();
  query.reset();
  return value;
}

// --- Reading ---------------------------------------------------------------------------------------
// Each kind of row has one RowKind: the columns every query of that kind selects, in this order,
// and the one reader that decodes them. The queries below name only what follows the columns
// ("FROM ... WHERE ..."), so a reader always meets the columns it expects.

template <typename T>
struct RowKind {
  std::string columns;
  std::optional<T> (*read)(Store&, SQLite::Statement&);  // nothing for a row that cannot be used
};

template <typename T>
std::string select(const RowKind<T>& kind, std::string_view from) {
  return "SELECT " + kind.columns + " " + std::string(from);
}

// Calls `use` with each usable row of `query`, in order.
template <typename T, typename Use>
void for_each_row(Store& store, SQLite::Statement& query, const RowKind<T>& kind, Use&& use) {
  while (step(query))
    if (auto row = kind.read(store, query)) use(std::move(*row));
}

// The usable rows of `kind` that `from` selects, in order.
template <typename T, typename... Args>
std::vector<T> rows(Store& store, const RowKind<T>& kind, std::string_view from, const Args&... args) {
  std::vector<T> out;
  for_each_row(store, bound(store, select(kind, from), args...), kind, [&](T row) { out.push_back(std::move(row)); });
  return out;
}

// The first row `from` selects, when there is one and it can be used.
template <typename T, typename... Args>
std::optional<T> first_row(Store& store, const RowKind<T>& kind, std::string_view from, const Args&... args) {
  auto& query = bound(store, select(kind, from), args...);
  if (!step(query)) return std::nullopt;
  auto row = kind.read(store, query);
  query.reset();
  return row;
}

// --- Rows found out of range -----------------------------------------------------------------------

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
  // The row's id or key column, as stored.
  std::int64_t id(int column) { return row_.getColumn(column).getInt64(); }

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

double finite_in(double value, double lo, double hi, double if_nan) {
  return std::isnan(value) ? if_nan : std::clamp(value, lo, hi);
}

// --- The readers, one per kind of row --------------------------------------------------------------

std::optional<Profile> read_profile(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  Profile profile{cells.id(0), cells.text(1), cells.id(2)};
  // A name from an older RolePath or an edited file may not be UTF-8; it is shown repaired.
  if (cells.odd()) note_odd_row(store, OddRow::profile_name, std::to_string(profile.id));
  return profile;
}
const RowKind<Profile> profile_rows{"id, name, created_ms", read_profile};

struct StoredItem {
  RowId id = 0;
  std::string content_hash;
  std::string key;
};
std::optional<StoredItem> read_item(Store&, SQLite::Statement& row) {
  Cells cells(row);
  return StoredItem{cells.id(0), row.getColumn(1).getString(), row.getColumn(2).getString()};
}
const RowKind<StoredItem> item_rows{"id, content_hash, key", read_item};

// A review state is read only with its item: one whose item row is gone is skipped.
struct ReviewState {
  RowId item_id = 0;
  core::CardState card;
};
std::optional<ReviewState> read_review_state(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  ReviewState state{cells.id(1), {}};
  if (cells.is_null(8)) cells.reject();
  auto& card = state.card;
  card.memory.stability = cells.real(2, min_stability, max_stability);
  card.memory.difficulty = cells.real(3, min_difficulty, max_difficulty);
  card.last_review = cells.integer(4, 0, last_time_ms);
  card.due = cells.integer(5, card.last_review, card.last_review + static_cast<std::int64_t>(max_stability) * day_ms);
  card.reps = static_cast<int>(cells.integer(6, 0, max_reviews));
  card.lapses = static_cast<int>(cells.integer(7, 0, card.reps));  // a miss is one of the reviews
  return checked(store, cells, OddRow::review_state, key_of(profile_id, state.item_id), state);
}
const RowKind<ReviewState> review_rows{
    "s.profile_id, s.item_id, s.stability, s.difficulty, s.last_review_ms, s.due_ms, s.reps, s.lapses, i.id",
    read_review_state};
constexpr std::string_view review_from = "FROM schedule s LEFT JOIN item i ON i.id = s.item_id WHERE s.profile_id = ?";

// A state as Schedules::put stores it: within the bounds read_review_state holds rows to.
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

// Each total is held to what the answers behind it allow: no more right than graded, no more
// than two minutes of study per answer, and so on.
std::optional<core::DayTotals> read_day(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  core::DayTotals day;
  day.day = cells.integer(1, 0, last_time_ms / day_ms);
  day.answers = cells.integer(2, 0, max_answers_a_day);
  day.graded = cells.integer(3, 0, day.answers);
  day.correct = cells.integer(4, 0, day.graded);
  day.study_ms = cells.integer(5, 0, std::min(day_ms, day.answers * study_ms_cap));
  day.due_reviews = cells.integer(6, 0, day.graded);
  day.due_correct = cells.integer(7, 0, std::min(day.due_reviews, day.correct));
  return checked(store, cells, OddRow::daily_total, key_of(profile_id, day.day), day);
}
const RowKind<core::DayTotals> day_rows{
    "profile_id, day, answers, graded, correct, study_ms, due_reviews, due_correct", read_day};

// The answer in the first columns of the row `cells` reads (which the caller may already have
// rejected, for a row that joins more).
std::optional<AnswerRecord> read_answer_cells(Store& store, Cells& cells) {
  const RowId id = cells.id(0);
  AnswerRecord answer;
  answer.profile_id = cells.id(1);
  answer.session_id = cells.id(2);
  answer.item_id = cells.id(3);
  answer.answered_ms = cells.integer(4, 0, last_time_ms);
  answer.chosen = cells.text(5);
  answer.correct = cells.flag(6);
  answer.latency_ms = cells.integer(7, 0, max_latency_ms);
  answer.sure = cells.flag(8);
  if (cells.is_null(9)) {
    // Written with every answer since schema 2; the migration's rule stands in for a missing one.
    answer.local_day = answer.answered_ms / day_ms;
    cells.mark_odd();
  } else {
    answer.local_day = cells.integer(9, 0, last_time_ms / day_ms);
  }
  answer.was_due = cells.flag(10).value_or(false);
  if (!cells.is_null(11)) answer.shown_order = cells.text(11);
  answer.after_undo = cells.flag(12).value_or(false);
  return checked(store, cells, OddRow::answer, std::to_string(id), answer);
}
std::optional<AnswerRecord> read_answer(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  return read_answer_cells(store, cells);
}
const RowKind<AnswerRecord> answer_rows{
    "a.id, a.profile_id, a.session_id, a.item_id, a.answered_ms, a.chosen, a.correct, a.latency_ms, a.confidence, "
    "a.local_day, a.was_due, a.shown_order, a.after_undo",
    read_answer};

// An answer with the names export writes beside it. Outer joins, so an answer whose session or
// item row is missing is seen, counted and skipped rather than silently dropped by the join.
std::optional<ExportRow> read_export_row(Store& store, SQLite::Statement& row) {
  constexpr int name = 13;  // the first column after the answer's
  Cells cells(row);
  if (cells.is_null(name + 1) || cells.is_null(name + 2)) cells.reject();
  const auto answer = read_answer_cells(store, cells);
  if (!answer) return std::nullopt;
  ExportRow out;
  out.answered_ms = answer->answered_ms;
  out.profile = cells.text(name);
  out.session_kind = cells.text(name + 1);
  out.item = cells.text(name + 2);
  out.roles = cells.text(name + 3);
  out.topic = cells.text(name + 4);
  out.correct = answer->correct;
  out.latency_ms = answer->latency_ms;
  out.sure = answer->sure;
  out.chosen = answer->chosen;
  out.shown_order = answer->shown_order;
  out.after_undo = answer->after_undo;
  return out;
}
const RowKind<ExportRow> export_rows{answer_rows.columns + ", p.name, s.kind, i.key, i.roles, i.topic", read_export_row};

std::optional<FitRecord> read_fit(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  FitRecord fit;
  fit.id = cells.id(0);
  fit.session_id = cells.id(1);
  fit.computed_ms = cells.integer_within(2, 0, last_time_ms);  // a result dated by no clock has no place in the history
  if (!cells.is_null(3)) fit.suggested = cells.text(3);
  fit.sure = cells.real(4, 0, 1);
  fit.detail_json = cells.text(5);
  return checked(store, cells, OddRow::fit_result, std::to_string(fit.id), std::move(fit));
}
const RowKind<FitRecord> fit_rows{"id, session_id, computed_ms, suggested, sureness, detail_json", read_fit};

std::optional<Goal> read_goal(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  Goal goal{cells.text(1), static_cast<int>(cells.integer(2, 1, Goal::max_weekly_target))};
  if (goal.unit != "answers" && goal.unit != "minutes") cells.reject();  // no unit to count it in
  return checked(store, cells, OddRow::weekly_goal, std::to_string(profile_id), std::move(goal));
}
const RowKind<Goal> goal_rows{"profile_id, unit, weekly_target", read_goal};

// Nothing for a row that cannot be used (a week that is not a Monday, a score that is not a
// number); the score clamped into [0, 1].
std::optional<MasteryPoint> read_mastery_point(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  MasteryPoint point;
  point.week_monday = cells.integer_within(1, 0, last_time_ms / day_ms);
  // The chart places snapshots by week; a day that is not a Monday has no place on it.
  if (core::monday_of(point.week_monday) != point.week_monday) cells.reject();
  point.role = cells.text(2);
  point.topic = cells.text(3);
  point.score = cells.real(4, 0, 1);
  return checked(store, cells, OddRow::mastery_snapshot,
                 std::to_string(profile_id) + "/" + std::to_string(point.week_monday) + "/" + point.role + "/" + point.topic,
                 point);
}
const RowKind<MasteryPoint> mastery_rows{"profile_id, week_monday, role, topic, score", read_mastery_point};

std::optional<std::string> read_setting(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  const std::string key = row.getColumn(1).getString();  // as asked for
  std::string value = cells.text(2);
  if (is_non_finite_number(value)) cells.reject();
  return checked(store, cells, OddRow::setting, std::to_string(profile_id) + "/" + key, std::move(value));
}
const RowKind<std::string> setting_rows{"profile_id, key, value", read_setting};

std::optional<LessonRead> read_lesson_read(Store& store, SQLite::Statement& row) {
  Cells cells(row);
  const RowId profile_id = cells.id(0);
  LessonRead read;
  read.lesson_id = cells.text(1);
  if (read.lesson_id.empty()) cells.reject();  // names no lesson
  read.first_read_ms = cells.integer_within(2, 0, last_time_ms);
  read.last_read_ms = std::max(read.first_read_ms, cells.integer_within(3, 0, last_time_ms));
  read.times = cells.integer(4, 1, std::numeric_limits<std::int32_t>::max());
  std::string key = std::to_string(profile_id) + "/" + read.lesson_id;  // before `read` is moved from
  return checked(store, cells, OddRow::lesson_read, key, std::move(read));
}
const RowKind<LessonRead> lesson_read_rows{"profile_id, lesson_id, first_read_ms, last_read_ms, times", read_lesson_read};
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
      {"lesson reading", "lesson readings"},
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

// --- Profiles ----------------------------------------------------------------------------------------

std::vector<Profile> Profiles::list() {
  return store_.guarded([&] { return rows(store_, profile_rows, "FROM profile ORDER BY created_ms, id"); });
}

std::optional<Profile> Profiles::find(RowId id) {
  return store_.guarded([&] { return first_row(store_, profile_rows, "FROM profile WHERE id = ?", id); });
}

std::optional<Profile> Profiles::find_by_name(const std::string& name) {
  return store_.guarded([&] { return first_row(store_, profile_rows, "FROM profile WHERE name = ?", name); });
}

Profile Profiles::create(const std::string& name, core::TimeMs now) {
  return store_.in_transaction([&] {
    return Profile{insert(store_, "INSERT INTO profile (name, created_ms) VALUES (?, ?)", name, now), name, now};
  });
}

Profile Profiles::ensure(const std::string& name, core::TimeMs now) {
  if (auto existing = find_by_name(name)) return *existing;
  return create(name, now);
}

void Profiles::rename(RowId id, const std::string& name) {
  store_.in_transaction([&] { run(store_, "UPDATE profile SET name = ? WHERE id = ?", name, id); });
}

void Profiles::remove(RowId id) {
  store_.in_transaction([&] {
    // Settings have no foreign key (0 holds app-wide ones); everything else cascades.
    run(store_, "DELETE FROM setting WHERE profile_id = ?", id);
    run(store_, "DELETE FROM profile WHERE id = ?", id);
  });
}

// --- Items -------------------------------------------------------------------------------------------

namespace {
std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}
}  // namespace

ItemSync Items::sync(const core::Bank& bank, core::TimeMs now) {
  return store_.in_transaction([&] {
    ItemSync result;
    // Every stored item is read in one pass and compared here; only new and edited items are
    // written. A start with an unchanged bank of 5,000 items runs one query instead of 5,000.
    std::unordered_map<std::string, StoredItem> known;
    known.reserve(bank.questions.size() + bank.statements.size());
    for_each_row(store_, bound(store_, select(item_rows, "FROM item")), item_rows,
                 [&](StoredItem item) { known.emplace(item.key, std::move(item)); });
    result.ids.reserve(bank.questions.size() + bank.statements.size());
    auto upsert = [&](const std::string& key, std::string_view kind, const std::string& roles,
                      const std::string& topic, const std::string& hash) {
      if (const auto stored = known.find(key); stored != known.end()) {
        result.ids[key] = stored->second.id;
        if (stored->second.content_hash == hash) return;
        run(store_, "UPDATE item SET kind = ?, roles = ?, topic = ?, content_hash = ?, changed_ms = ? WHERE id = ?", kind,
            roles, topic, hash, now, stored->second.id);
        ++result.changed;
        return;
      }
      result.ids[key] = insert(store_,
                               "INSERT INTO item (key, kind, roles, topic, content_hash, first_seen_ms, changed_ms) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)",
                               key, kind, roles, topic, hash, now, now);
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
  return store_.guarded([&] { return first_number(store_, "SELECT count(*) FROM item").value_or(0); });
}

// --- Sessions ----------------------------------------------------------------------------------------

RowId Sessions::start(RowId profile_id, core::SessionKind kind, core::TimeMs now) {
  return store_.in_transaction([&] {
    return insert(store_, "INSERT INTO study_session (profile_id, kind, started_ms) VALUES (?, ?, ?)", profile_id, kind,
                  now);
  });
}

void Sessions::finish(RowId session_id, core::TimeMs now) {
  store_.in_transaction(
      [&] { run(store_, "UPDATE study_session SET ended_ms = ? WHERE id = ? AND ended_ms IS NULL", now, session_id); });
}

void Sessions::reopen(RowId session_id) {
  store_.in_transaction([&] { run(store_, "UPDATE study_session SET ended_ms = NULL WHERE id = ?", session_id); });
}

std::optional<RowId> Sessions::unfinished(RowId profile_id, core::SessionKind kind) {
  return store_.guarded([&] {
    return first_number(store_,
                        "SELECT id FROM study_session WHERE profile_id = ? AND kind = ? AND ended_ms IS NULL "
                        "ORDER BY started_ms DESC, id DESC LIMIT 1",
                        profile_id, kind);
  });
}

void Sessions::set_plan(RowId session_id, const std::string& plan) {
  store_.in_transaction([&] { run(store_, "UPDATE study_session SET plan = ? WHERE id = ?", plan, session_id); });
}

std::optional<Sessions::Planned> Sessions::unfinished_plan(RowId profile_id) {
  return store_.guarded([&]() -> std::optional<Planned> {
    auto& query = bound(store_,
                        "SELECT id, kind, started_ms, plan FROM study_session WHERE profile_id = ? AND ended_ms IS NULL "
                        "AND plan IS NOT NULL AND kind IN ('quiz', 'review') ORDER BY started_ms DESC, id DESC LIMIT 1",
                        profile_id);
    if (!step(query)) return std::nullopt;
    Planned planned;
    planned.id = query.getColumn(0).getInt64();
    planned.kind = core::session_kind_from_string(query.getColumn(1).getString()).value_or(core::SessionKind::quiz);
    planned.started_ms = query.getColumn(2).getInt64();
    planned.plan = query.getColumn(3).getString();
    query.reset();
    return planned;
  });
}

// --- Answers -----------------------------------------------------------------------------------------

namespace {
// Adds (sign +1) or takes back (sign -1) one answer in its day's totals.
void count_in_day(Store& store, const AnswerRecord& answer, int sign) {
  const bool graded = answer.correct.has_value(), right = answer.correct == true;
  run(store,
      "INSERT INTO daily_activity (profile_id, day, answers, graded, correct, study_ms, due_reviews, due_correct) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (profile_id, day) DO UPDATE SET "
      "answers = answers + ?3, graded = graded + ?4, correct = correct + ?5, study_ms = study_ms + ?6, "
      "due_reviews = due_reviews + ?7, due_correct = due_correct + ?8",
      answer.profile_id, answer.local_day, sign, graded ? sign : 0, right ? sign : 0,
      sign * std::min(std::max<std::int64_t>(answer.latency_ms, 0), study_ms_cap), answer.was_due ? sign : 0,
      answer.was_due && right ? sign : 0);
}
}  // namespace

RowId Answers::record(const AnswerRecord& answer) {
  return store_.in_transaction([&] {
    const RowId id = insert(store_,
                            "INSERT INTO answer (profile_id, session_id, item_id, answered_ms, chosen, correct, "
                            "latency_ms, confidence, local_day, was_due, shown_order, after_undo) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            answer.profile_id, answer.session_id, answer.item_id, answer.answered_ms, answer.chosen,
                            answer.correct, answer.latency_ms, answer.sure, answer.local_day, answer.was_due,
                            answer.shown_order.empty() ? std::nullopt : std::optional<std::string>(answer.shown_order),
                            answer.after_undo);
    count_in_day(store_, answer, +1);
    return id;
  });
}

void Answers::remove(RowId answer_id) {
  store_.in_transaction([&] {
    // Taken back from its day's totals as the reader sees it, so a NULL day or an absurd latency
    // in the row cannot push the totals below zero or onto another day.
    const auto answer = first_row(store_, answer_rows, "FROM answer a WHERE a.id = ?", answer_id);
    run(store_, "DELETE FROM answer WHERE id = ?", answer_id);
    if (answer) count_in_day(store_, *answer, -1);
  });
}

namespace {
// The per-day totals hold the counts without a pass over every answer; summed as the reader sees
// each day, so one tampered day cannot make the total negative.
std::int64_t sum_of_days(Store& store, RowId profile_id, std::int64_t core::DayTotals::*figure) {
  std::int64_t total = 0;
  for (const auto& day : rows(store, day_rows, "FROM daily_activity WHERE profile_id = ?", profile_id))
    total += day.*figure;
  return total;
}
}  // namespace

std::int64_t Answers::count(RowId profile_id) {
  return store_.guarded([&] { return sum_of_days(store_, profile_id, &core::DayTotals::answers); });
}

std::int64_t Answers::count_graded(RowId profile_id) {
  return store_.guarded([&] { return sum_of_days(store_, profile_id, &core::DayTotals::graded); });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to) {
  return store_.guarded([&] {
    return first_number(store_,
                        "SELECT count(*) FROM answer WHERE profile_id = ? AND answered_ms >= ? AND answered_ms < ?",
                        profile_id, from, to)
        .value_or(0);
  });
}

std::int64_t Answers::count_between(RowId profile_id, core::TimeMs from, core::TimeMs to, core::SessionKind kind) {
  return store_.guarded([&] {
    return first_number(store_,
                        "SELECT count(*) FROM answer a JOIN study_session s ON s.id = a.session_id "
                        "WHERE a.profile_id = ? AND a.answered_ms >= ? AND a.answered_ms < ? AND s.kind = ?",
                        profile_id, from, to, kind)
        .value_or(0);
  });
}

std::int64_t Answers::count_on_day(RowId profile_id, core::LocalDay day, core::SessionKind kind) {
  return store_.guarded([&] {
    // Zone offsets lie within -12 h .. +14 h, so a local day's answers were given within a day
    // either side of its UTC span: that bound lets the (profile, time) index do the search.
    return first_number(store_,
                        "SELECT count(*) FROM answer a JOIN study_session s ON s.id = a.session_id WHERE "
                        "a.profile_id = ? AND a.answered_ms >= ? AND a.answered_ms < ? AND a.local_day = ? AND s.kind = ?",
                        profile_id, (day - 1) * day_ms, (day + 2) * day_ms, day, kind)
        .value_or(0);
  });
}

std::vector<AnswerRecord> Answers::in_session(RowId session_id) {
  return store_.guarded([&] {
    return rows(store_, answer_rows, "FROM answer a WHERE a.session_id = ? ORDER BY a.answered_ms, a.id", session_id);
  });
}

std::vector<RowId> Answers::items_answered_since(RowId profile_id, core::TimeMs from) {
  return store_.guarded([&] {
    std::vector<RowId> items;
    auto& query = bound(store_, "SELECT DISTINCT item_id FROM answer WHERE profile_id = ? AND answered_ms >= ?", profile_id, from);
    while (step(query)) items.push_back(query.getColumn(0).getInt64());
    return items;
  });
}

// --- Schedules ---------------------------------------------------------------------------------------

std::optional<core::CardState> Schedules::get(RowId profile_id, RowId item_id) {
  return store_.guarded([&]() -> std::optional<core::CardState> {
    const auto state = first_row(store_, review_rows, std::string(review_from) + " AND s.item_id = ?", profile_id, item_id);
    if (!state) return std::nullopt;
    return state->card;
  });
}

void Schedules::put(RowId profile_id, RowId item_id, const core::CardState& state) {
  // Held to the range the reader accepts, so a bad input upstream (a NaN setting) can neither
  // fail the answer's write on a NOT NULL column nor store a due date no clock gives.
  const core::CardState card = storable(state);
  store_.in_transaction([&] {
    run(store_,
        "INSERT INTO schedule (profile_id, item_id, stability, difficulty, last_review_ms, due_ms, reps, lapses) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, item_id) DO UPDATE SET "
        "stability = excluded.stability, difficulty = excluded.difficulty, last_review_ms = excluded.last_review_ms, "
        "due_ms = excluded.due_ms, reps = excluded.reps, lapses = excluded.lapses",
        profile_id, item_id, card.memory.stability, card.memory.difficulty, card.last_review, card.due, card.reps,
        card.lapses);
  });
}

void Schedules::remove(RowId profile_id, RowId item_id) {
  store_.in_transaction(
      [&] { run(store_, "DELETE FROM schedule WHERE profile_id = ? AND item_id = ?", profile_id, item_id); });
}

std::unordered_map<RowId, core::CardState> Schedules::all(RowId profile_id) {
  return store_.guarded([&] {
    std::unordered_map<RowId, core::CardState> cards;
    for (auto& state : rows(store_, review_rows, review_from, profile_id)) cards[state.item_id] = state.card;
    return cards;
  });
}

// --- FitResults --------------------------------------------------------------------------------------

RowId FitResults::save(RowId profile_id, const FitRecord& record) {
  // The learner is told how sure the result is as a share; nothing else fits the column.
  const double sure = std::isfinite(record.sure) ? std::clamp(record.sure, 0.0, 1.0) : 0.5;
  return store_.in_transaction([&] {
    return insert(store_,
                  "INSERT INTO fit_result (profile_id, session_id, computed_ms, suggested, sureness, detail_json) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  profile_id, record.session_id, record.computed_ms, record.suggested, sure, record.detail_json);
  });
}

std::vector<FitRecord> FitResults::history(RowId profile_id) {
  return store_.guarded(
      [&] { return rows(store_, fit_rows, "FROM fit_result WHERE profile_id = ? ORDER BY computed_ms, id", profile_id); });
}

// --- DailyActivity -----------------------------------------------------------------------------------

std::vector<core::DayTotals> DailyActivity::range(RowId profile_id, core::LocalDay from, core::LocalDay to) {
  return store_.guarded([&] {
    auto days = rows(store_, day_rows, "FROM daily_activity WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                     profile_id, from, to);
    std::erase_if(days, [](const core::DayTotals& day) { return day.answers == 0; });
    return days;
  });
}

// --- Goals -------------------------------------------------------------------------------------------

std::optional<Goal> Goals::get(RowId profile_id) {
  return store_.guarded([&] { return first_row(store_, goal_rows, "FROM goal WHERE profile_id = ?", profile_id); });
}

void Goals::set(RowId profile_id, const Goal& goal, core::TimeMs now) {
  store_.in_transaction([&] {
    run(store_,
        "INSERT INTO goal (profile_id, unit, weekly_target, set_ms) VALUES (?, ?, ?, ?) ON CONFLICT (profile_id) "
        "DO UPDATE SET unit = excluded.unit, weekly_target = excluded.weekly_target, set_ms = excluded.set_ms",
        profile_id, goal.unit, goal.weekly_target, now);
  });
}

// --- LessonReads --------------------------------------------------------------------------------------

void LessonReads::mark_read(RowId profile_id, const std::string& lesson_id, core::TimeMs now) {
  store_.in_transaction([&] {
    run(store_,
        "INSERT INTO lesson_read (profile_id, lesson_id, first_read_ms, last_read_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (profile_id, lesson_id) DO UPDATE SET first_read_ms = min(first_read_ms, excluded.first_read_ms), "
        "last_read_ms = max(last_read_ms, excluded.last_read_ms), times = min(times, 2147483646) + 1",
        profile_id, lesson_id, now, now);
  });
}

std::vector<LessonRead> LessonReads::all(RowId profile_id) {
  return store_.guarded(
      [&] { return rows(store_, lesson_read_rows, "FROM lesson_read WHERE profile_id = ? ORDER BY lesson_id", profile_id); });
}

// --- MasterySnapshots --------------------------------------------------------------------------------

void MasterySnapshots::put(RowId profile_id, const MasteryPoint& point) {
  if (std::isnan(point.score)) return;
  store_.in_transaction([&] {
    run(store_,
        "INSERT INTO mastery_snapshot (profile_id, week_monday, role, topic, score) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (profile_id, week_monday, role, topic) DO UPDATE SET score = excluded.score",
        profile_id, point.week_monday, point.role, point.topic, std::clamp(point.score, 0.0, 1.0));
  });
}

std::vector<MasteryPoint> MasterySnapshots::week(RowId profile_id, core::LocalDay week_monday,
                                                 const std::optional<std::string>& role) {
  return store_.guarded([&] {
    // Equality on the key's leading columns (profile, week, role), so only the rows asked for
    // are visited; one week of a large bank holds every role x topic pair.
    if (role)
      return rows(store_, mastery_rows, "FROM mastery_snapshot WHERE profile_id = ? AND week_monday = ? AND role = ?",
                  profile_id, week_monday, *role);
    return rows(store_, mastery_rows, "FROM mastery_snapshot WHERE profile_id = ? AND week_monday = ?", profile_id,
                week_monday);
  });
}

// --- Export ------------------------------------------------------------------------------------------

void Export::answers(RowId profile_id, const std::function<void(const ExportRow&)>& emit) {
  store_.guarded([&] {
    // A statement of its own, not the cache: the caller may run other queries while rows stream.
    SQLite::Statement query(store_.connection(),
                            select(export_rows,
                                   "FROM answer a JOIN profile p ON p.id = a.profile_id "
                                   "LEFT JOIN study_session s ON s.id = a.session_id LEFT JOIN item i ON i.id = a.item_id "
                                   "WHERE a.profile_id = ? ORDER BY a.answered_ms, a.id"));
    for_each_row(store_, bind_all(query, profile_id), export_rows, emit);
  });
}

// --- Suspensions --------------------------------------------------------------------------------------

void Suspensions::suspend(RowId profile_id, RowId item_id, core::TimeMs now) {
  store_.in_transaction([&] {
    run(store_, "INSERT OR IGNORE INTO suspended (profile_id, item_id, since_ms) VALUES (?, ?, ?)", profile_id, item_id, now);
  });
}

void Suspensions::restore(RowId profile_id, RowId item_id) {
  store_.in_transaction(
      [&] { run(store_, "DELETE FROM suspended WHERE profile_id = ? AND item_id = ?", profile_id, item_id); });
}

std::vector<RowId> Suspensions::all(RowId profile_id) {
  return store_.guarded([&] {
    std::vector<RowId> items;
    auto& query = bound(store_, "SELECT item_id FROM suspended WHERE profile_id = ? ORDER BY since_ms, item_id", profile_id);
    while (step(query)) items.push_back(query.getColumn(0).getInt64());
    return items;
  });
}

// --- Settings ----------------------------------------------------------------------------------------

std::optional<std::string> Settings::get(RowId profile_id, const std::string& key) {
  return store_.guarded(
      [&] { return first_row(store_, setting_rows, "FROM setting WHERE profile_id = ? AND key = ?", profile_id, key); });
}

void Settings::set(RowId profile_id, const std::string& key, const std::string& value) {
  store_.in_transaction([&] {
    run(store_,
        "INSERT INTO setting (profile_id, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
        profile_id, key, value);
  });
}

}  // namespace rp::store
