#include "store/local_day_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace rp::store {

namespace {
constexpr std::int64_t ms_per_day = 86'400'000;
}  // namespace

std::int64_t count_answers_on_day(Store& store, RowId profile_id, core::LocalDay day, core::SessionKind kind) {
  return store.guarded([&] {
    // Zone offsets lie within -12 h .. +14 h, so a local day's answers were given within a day
    // either side of its UTC span: that bound lets the (profile, time) index do the search.
    auto& query = store.prepared(
        "SELECT count(*) FROM answer a JOIN study_session s ON s.id = a.session_id "
        "WHERE a.profile_id = ? AND a.answered_ms >= ? AND a.answered_ms < ? AND a.local_day = ? AND s.kind = ?");
    query.bind(1, profile_id);
    query.bind(2, (day - 1) * ms_per_day);
    query.bind(3, (day + 2) * ms_per_day);
    query.bind(4, day);
    query.bind(5, std::string(core::to_string(kind)));
    query.executeStep();
    return query.getColumn(0).getInt64();
  });
}

std::vector<MasteryPoint> mastery_week(Store& store, RowId profile_id, core::LocalDay week_monday,
                                       const std::optional<std::string>& role) {
  return store.guarded([&] {
    // Equality on the key's leading columns (profile, week, role), so only the rows asked for
    // are visited; one week of a large bank holds every role x topic pair.
    auto& query = role ? store.prepared(
                             "SELECT week_monday, role, topic, score FROM mastery_snapshot "
                             "WHERE profile_id = ? AND week_monday = ? AND role = ?")
                       : store.prepared(
                             "SELECT week_monday, role, topic, score FROM mastery_snapshot "
                             "WHERE profile_id = ? AND week_monday = ?");
    query.bind(1, profile_id);
    query.bind(2, week_monday);
    if (role) query.bind(3, *role);
    std::vector<MasteryPoint> points;
    // Through the repositories' reader: an unusable row is skipped and noted, a score clamped.
    while (query.executeStep())
      if (auto point = read_mastery_point(store, profile_id, query)) points.push_back(std::move(*point));
    return points;
  });
}

}  // namespace rp::store
