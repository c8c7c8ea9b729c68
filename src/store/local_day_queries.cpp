#include "store/local_day_queries.hpp"

namespace rp::store {

std::int64_t count_answers_on_day(Store& store, RowId profile_id, core::LocalDay day, core::SessionKind kind) {
  return Answers(store).count_on_day(profile_id, day, kind);
}

std::vector<MasteryPoint> mastery_week(Store& store, RowId profile_id, core::LocalDay week_monday,
                                       const std::optional<std::string>& role) {
  return MasterySnapshots(store).week(profile_id, week_monday, role);
}

}  // namespace rp::store
