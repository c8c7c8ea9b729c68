// store::MasterySnapshots on an in-memory database and on a file: one score per learner, week,
// role and topic.
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

#include "support/store_under_test.hpp"

using namespace rp;
using test::day0;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
// A week's points sorted by role and topic, as "role/topic=score".
std::vector<std::string> week(store::Store& s, store::RowId profile, core::LocalDay monday,
                              const std::optional<std::string>& role = std::nullopt) {
  std::vector<std::string> out;
  for (const auto& p : store::MasterySnapshots(s).week(profile, monday, role)) {
    CHECK(p.week_monday == monday);
    out.push_back(p.role + "/" + p.topic + "=" + std::to_string(p.score));
  }
  std::sort(out.begin(), out.end());
  return out;
}
using Points = std::vector<std::string>;
}  // namespace

TEST_CASE("mastery snapshots: a week's points read back and a second put for the same key replaces the score") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::MasterySnapshots snapshots(*s);
    snapshots.put(ada, {day0, "analyst", "sql", 0.25});
    snapshots.put(ada, {day0, "analyst", "tools", 0.5});
    snapshots.put(ada, {day0, "engineer", "sql", 0.75});
    snapshots.put(ada, {day0, "analyst", "sql", 0.375});
    s.reopen();
    CHECK(week(*s, ada, day0) == Points{"analyst/sql=0.375000", "analyst/tools=0.500000", "engineer/sql=0.750000"});
    CHECK(s.number("SELECT count(*) FROM mastery_snapshot") == 3);
  });
}

TEST_CASE("mastery snapshots: a week holds only its own learner's and week's points and one role's when asked") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    store::MasterySnapshots snapshots(*s);
    snapshots.put(ada, {day0, "analyst", "sql", 0.25});
    snapshots.put(ada, {day0, "engineer", "sql", 0.5});
    snapshots.put(ada, {day0 + 7, "analyst", "sql", 0.75});
    snapshots.put(bob, {day0, "analyst", "sql", 1});
    CHECK(week(*s, ada, day0) == Points{"analyst/sql=0.250000", "engineer/sql=0.500000"});
    CHECK(week(*s, ada, day0, "engineer") == Points{"engineer/sql=0.500000"});
    CHECK(week(*s, ada, day0, "nobody").empty());
    CHECK(week(*s, ada, day0 + 7) == Points{"analyst/sql=0.750000"});
    CHECK(week(*s, ada, day0 + 14).empty());
    CHECK(week(*s, bob, day0) == Points{"analyst/sql=1.000000"});
    store::Profiles(*s).remove(ada);
    CHECK(week(*s, ada, day0).empty());
    CHECK(week(*s, bob, day0).size() == 1);
  });
}

TEST_CASE("mastery snapshots: scores are kept within 0 to 1 and a score that is not a number is not written") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::MasterySnapshots snapshots(*s);
    snapshots.put(ada, {day0, "analyst", "high", 1.5});
    snapshots.put(ada, {day0, "analyst", "low", -0.5});
    snapshots.put(ada, {day0, "analyst", "nan", std::numeric_limits<double>::quiet_NaN()});
    snapshots.put(ada, {day0, "analyst", "kept", 0.5});
    snapshots.put(ada, {day0, "analyst", "kept", std::numeric_limits<double>::quiet_NaN()});  // leaves 0.5
    CHECK(week(*s, ada, day0) == Points{"analyst/high=1.000000", "analyst/kept=0.500000", "analyst/low=0.000000"});
    CHECK(store::take_odd_rows_notice(*s).empty());
    CHECK_THROWS_AS(snapshots.put(ada + 10, {day0, "analyst", "sql", 0.5}), store::StoreError);  // no such learner
  });
}

TEST_CASE("mastery snapshots: stored points out of range are clamped or skipped on read and noted") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::MasterySnapshots snapshots(*s);
    for (const char* topic : {"low", "text", "inf", "fine"}) snapshots.put(ada, {day0, "analyst", topic, 0.5});
    s.tamper("UPDATE mastery_snapshot SET score = -3 WHERE topic = 'low';"
             "UPDATE mastery_snapshot SET score = 'abc' WHERE topic = 'text';"
             "UPDATE mastery_snapshot SET score = 1e999 WHERE topic = 'inf';"
             "INSERT INTO mastery_snapshot SELECT profile_id, week_monday + 2, role, 'wednesday', 0.5 FROM mastery_snapshot "
             "LIMIT 1;");
    CHECK(week(*s, ada, day0) == Points{"analyst/fine=0.500000", "analyst/inf=1.000000", "analyst/low=0.000000"});
    CHECK(week(*s, ada, day0 + 2).empty());  // not a Monday: no place on the chart
    CHECK(store::take_odd_rows_notice(*s).find("4 mastery snapshots") != std::string::npos);
    CHECK(s.number("SELECT count(*) FROM mastery_snapshot WHERE score = -3") == 1);
  });
}

TEST_CASE("mastery snapshots: a put that fails inside a transaction keeps the old score and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::MasterySnapshots(*s).put(ada, {day0, "analyst", "sql", 0.25});
    s.fail_writes("UPDATE", "mastery_snapshot");
    CHECK(test::nested_write_fails_then_outer_goes_on(
        *s, [&] { store::MasterySnapshots(*s).put(ada, {day0, "analyst", "sql", 0.75}); }, "on"));
    s.allow_writes("UPDATE", "mastery_snapshot");
    // A week written point by point in one transaction, as the app does.
    s->in_transaction([&] {
      store::MasterySnapshots snapshots(*s);
      snapshots.put(ada, {day0 + 7, "analyst", "sql", 0.5});
      snapshots.put(ada, {day0 + 7, "analyst", "tools", 0.5});
    });
    s.reopen();
    CHECK(week(*s, ada, day0) == Points{"analyst/sql=0.250000"});
    CHECK(week(*s, ada, day0 + 7).size() == 2);
  });
}
