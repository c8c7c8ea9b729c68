#pragma once
// Reads keyed by the learner's local calendar day, as stored with each row when it was written:
// today's review count for the daily limit, and one week's mastery snapshot. The queries are the
// repositories' (Answers::count_on_day, MasterySnapshots::week); these are the names callers use.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/session.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

namespace rp::store {

// Answers given in sessions of `kind` whose local day (answer.local_day, fixed when written) is
// `day`. An answer keeps the day it was given on, whatever the zone or DST rule in force now.
std::int64_t count_answers_on_day(Store& store, RowId profile_id, core::LocalDay day, core::SessionKind kind);

// The mastery snapshot of the week starting `week_monday`; only `role`'s rows when one is named.
std::vector<MasteryPoint> mastery_week(Store& store, RowId profile_id, core::LocalDay week_monday,
                                       const std::optional<std::string>& role = std::nullopt);

}  // namespace rp::store
