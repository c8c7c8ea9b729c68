// store::Schedules on an in-memory database and on a file.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "support/store_under_test.hpp"

using namespace rp;
using test::day_ms;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
core::CardState card(double stability, double difficulty, core::TimeMs last, core::TimeMs due, int reps, int lapses) {
  return {{stability, difficulty}, last, due, reps, lapses};
}

void check_same(const core::CardState& a, const core::CardState& b) {
  CHECK(a.memory.stability == b.memory.stability);
  CHECK(a.memory.difficulty == b.memory.difficulty);
  CHECK(a.last_review == b.last_review);
  CHECK(a.due == b.due);
  CHECK(a.reps == b.reps);
  CHECK(a.lapses == b.lapses);
}
}  // namespace

TEST_CASE("schedules: a state reads back exactly by get and by all and a second put replaces it") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto one = ada.items.at("q.one"), two = ada.items.at("q.two");
    const auto first = card(3.173, 5.5129, t0, t0 + 3 * day_ms, 1, 0);
    const auto second = card(0.4, 9.25, t0 + 10, t0 + 10 + day_ms / 2, 4, 2);
    store::Schedules schedules(*s);
    CHECK_FALSE(schedules.get(ada.profile.id, one).has_value());
    schedules.put(ada.profile.id, one, first);
    schedules.put(ada.profile.id, two, first);
    schedules.put(ada.profile.id, two, second);
    s.reopen();
    store::Schedules reopened(*s);
    check_same(*reopened.get(ada.profile.id, one), first);
    check_same(*reopened.get(ada.profile.id, two), second);
    const auto all = reopened.all(ada.profile.id);
    REQUIRE(all.size() == 2);
    check_same(all.at(one), first);
    check_same(all.at(two), second);
    CHECK(s.number("SELECT count(*) FROM schedule") == 2);
  });
}

TEST_CASE("schedules: each learner has their own states and remove drops one") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    const auto one = ada.items.at("q.one"), two = ada.items.at("q.two");
    store::Schedules schedules(*s);
    schedules.put(ada.profile.id, one, card(2, 5, t0, t0 + day_ms, 1, 0));
    schedules.put(ada.profile.id, two, card(2, 5, t0, t0 + day_ms, 1, 0));
    schedules.put(bob.profile.id, one, card(7, 3, t0, t0 + 7 * day_ms, 2, 0));
    schedules.remove(ada.profile.id, one);
    schedules.remove(ada.profile.id, 999);  // nothing there: nothing happens
    s.reopen();
    store::Schedules reopened(*s);
    CHECK_FALSE(reopened.get(ada.profile.id, one).has_value());
    CHECK(reopened.all(ada.profile.id).size() == 1);
    CHECK(reopened.get(bob.profile.id, one)->memory.stability == 7);
    CHECK(reopened.all(bob.profile.id).size() == 1);
    CHECK_THROWS_AS(reopened.put(999, one, card(2, 5, t0, t0, 0, 0)), store::StoreError);  // no such learner
  });
}

TEST_CASE("schedules: put holds a state to the range the reader accepts") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto one = ada.items.at("q.one");
    store::Schedules schedules(*s);
    schedules.put(ada.profile.id, one,
                  card(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), t0, t0 - 5, 3, 9));
    const auto read = schedules.get(ada.profile.id, one);
    REQUIRE(read);
    CHECK(read->memory.stability == 0.001);
    CHECK(read->memory.difficulty == 10);
    CHECK(read->due == t0);     // never before the last review
    CHECK(read->lapses == 3);   // never more misses than reviews
    CHECK(s.number("SELECT count(*) FROM schedule WHERE stability IS NULL OR due_ms < last_review_ms") == 0);
    CHECK(store::take_odd_rows_notice(*s).empty());
  });
}

TEST_CASE("schedules: stored states out of range are clamped or skipped on read and noted once") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto one = ada.items.at("q.one"), two = ada.items.at("q.two"), like = ada.items.at("s.like");
    store::Schedules schedules(*s);
    for (auto item : {one, two, like}) schedules.put(ada.profile.id, item, card(2, 5, t0, t0 + day_ms, 1, 0));
    s.tamper("UPDATE schedule SET stability = -5, reps = -3 WHERE item_id = " + std::to_string(one) + ";" +
             "UPDATE schedule SET difficulty = 'abc' WHERE item_id = " + std::to_string(two) + ";" +
             "DELETE FROM item WHERE id = " + std::to_string(like) + ";");
    const auto clamped = schedules.get(ada.profile.id, one);
    REQUIRE(clamped);
    CHECK(clamped->memory.stability == 0.001);
    CHECK(clamped->reps == 0);
    CHECK_FALSE(schedules.get(ada.profile.id, two).has_value());   // text where a number belongs
    CHECK_FALSE(schedules.get(ada.profile.id, like).has_value());  // its item is gone
    const auto all = schedules.all(ada.profile.id);
    CHECK(all.size() == 1);
    CHECK(all.contains(one));
    CHECK(store::take_odd_rows_notice(*s).find("3 review states") != std::string::npos);
    CHECK(s.number("SELECT count(*) FROM schedule WHERE stability = -5") == 1);  // reading wrote nothing
  });
}

TEST_CASE("schedules: a put that fails inside a transaction keeps the old state and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto one = ada.items.at("q.one");
    const auto before = card(2, 5, t0, t0 + day_ms, 1, 0);
    store::Schedules(*s).put(ada.profile.id, one, before);
    s.fail_writes("UPDATE", "schedule");
    CHECK(test::nested_write_fails_then_outer_goes_on(
        *s, [&] { store::Schedules(*s).put(ada.profile.id, one, card(9, 9, t0, t0 + 9 * day_ms, 2, 1)); }, "on"));
    s.allow_writes("UPDATE", "schedule");
    s.reopen();
    check_same(*store::Schedules(*s).get(ada.profile.id, one), before);
  });
}
