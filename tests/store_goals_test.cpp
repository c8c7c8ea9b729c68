// store::Goals on an in-memory database and on a file: a learner's one weekly goal.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("goals: none until set then the goal as set and a new one replaces it") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::Goals goals(*s);
    CHECK_FALSE(goals.get(ada).has_value());
    goals.set(ada, {"answers", 40}, t0);
    s.reopen();
    const auto set = store::Goals(*s).get(ada);
    REQUIRE(set);
    CHECK(set->unit == "answers");
    CHECK(set->weekly_target == 40);
    store::Goals(*s).set(ada, {"minutes", store::Goal::max_weekly_target}, t0 + 9);
    s.reopen();
    const auto replaced = store::Goals(*s).get(ada);
    REQUIRE(replaced);
    CHECK(replaced->unit == "minutes");
    CHECK(replaced->weekly_target == store::Goal::max_weekly_target);
    CHECK(s.number("SELECT count(*) FROM goal") == 1);
    CHECK(s.number("SELECT set_ms FROM goal") == t0 + 9);
  });
}

TEST_CASE("goals: each learner has their own") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    store::Goals goals(*s);
    goals.set(ada, {"answers", 40}, t0);
    goals.set(bob, {"minutes", 90}, t0);
    CHECK(goals.get(ada)->unit == "answers");
    CHECK(goals.get(bob)->weekly_target == 90);
    store::Profiles(*s).remove(bob);
    CHECK_FALSE(goals.get(bob).has_value());
    CHECK(goals.get(ada)->weekly_target == 40);
  });
}

TEST_CASE("goals: a unit other than answers or minutes a target below 1 or no learner is refused and the old goal stays") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::Goals goals(*s);
    goals.set(ada, {"minutes", 30}, t0);
    CHECK_THROWS_AS(goals.set(ada, {"hours", 3}, t0), store::StoreError);
    CHECK_THROWS_AS(goals.set(ada, {"answers", 0}, t0), store::StoreError);
    CHECK_THROWS_AS(goals.set(ada + 10, {"answers", 5}, t0), store::StoreError);
    const auto kept = goals.get(ada);
    REQUIRE(kept);
    CHECK(kept->unit == "minutes");
    CHECK(kept->weekly_target == 30);
    CHECK(s.number("SELECT count(*) FROM goal") == 1);
  });
}

TEST_CASE("goals: a stored target out of range is clamped and an unknown unit reads as no goal - both noted") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    store::Goals goals(*s);
    goals.set(ada, {"answers", 40}, t0);
    goals.set(bob, {"answers", 40}, t0);
    s.tamper("UPDATE goal SET weekly_target = 1e12 WHERE profile_id = " + std::to_string(ada) + ";" +
             "UPDATE goal SET unit = 'hours' WHERE profile_id = " + std::to_string(bob) + ";");
    CHECK(goals.get(ada)->weekly_target == store::Goal::max_weekly_target);
    CHECK_FALSE(goals.get(bob).has_value());
    CHECK(store::take_odd_rows_notice(*s).find("2 weekly goals") != std::string::npos);
    goals.get(ada);
    CHECK(store::take_odd_rows_notice(*s).empty());  // each row is told of once
    CHECK(s.number("SELECT count(*) FROM goal WHERE weekly_target = 1e12") == 1);

    s.tamper("UPDATE goal SET weekly_target = -7 WHERE profile_id = " + std::to_string(ada));
    CHECK(goals.get(ada)->weekly_target == 1);
    s.tamper("UPDATE goal SET weekly_target = 'lots' WHERE profile_id = " + std::to_string(ada));
    CHECK_FALSE(goals.get(ada).has_value());
  });
}

TEST_CASE("goals: a set inside a transaction that fails keeps the old goal") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::Goals(*s).set(ada, {"answers", 40}, t0);
    s.fail_writes("UPDATE", "goal");
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { store::Goals(*s).set(ada, {"minutes", 60}, t0); }, "on"));
    s.allow_writes("UPDATE", "goal");
    CHECK_THROWS_AS(s->in_transaction([&] {
      store::Goals(*s).set(ada, {"minutes", 60}, t0);
      throw std::runtime_error("the outer one fails after");
    }),
                    store::StoreError);
    s.reopen();
    const auto kept = store::Goals(*s).get(ada);
    REQUIRE(kept);
    CHECK(kept->unit == "answers");
    CHECK(kept->weekly_target == 40);
  });
}
