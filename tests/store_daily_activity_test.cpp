// store::DailyActivity on an in-memory database and on a file: the per-day totals that
// Answers::record and Answers::remove keep.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using test::answer_of;
using test::day0;
using test::day_ms;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("daily activity: each answer adds to its local day's totals") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    auto due_right = answer_of(ada, "q.one", t0, true, 4'000);
    due_right.was_due = true;
    auto due_wrong = answer_of(ada, "q.two", t0 + 1, false, 500'000);  // counts two minutes of study
    due_wrong.was_due = true;
    answers.record(due_right);
    answers.record(due_wrong);
    answers.record(answer_of(ada, "s.like", t0 + 2, std::nullopt, 1'000));  // a statement is not graded
    s.reopen();
    const auto days = store::DailyActivity(*s).range(ada.profile.id, day0, day0);
    REQUIRE(days.size() == 1);
    CHECK(days[0].day == day0);
    CHECK(days[0].answers == 3);
    CHECK(days[0].graded == 2);
    CHECK(days[0].correct == 1);
    CHECK(days[0].study_ms == 4'000 + 120'000 + 1'000);
    CHECK(days[0].due_reviews == 2);
    CHECK(days[0].due_correct == 1);
    // As stored, not only as the reader holds them: nothing needed correcting.
    CHECK(s.number("SELECT due_correct FROM daily_activity") == 1);
    CHECK(store::take_odd_rows_notice(*s).empty());
  });
}

TEST_CASE("daily activity: a range holds the days with answers from first to last inclusive oldest first") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    store::Answers answers(*s);
    for (int d : {5, 0, 2, 9}) answers.record(answer_of(ada, "q.one", t0 + d * day_ms));
    answers.record(answer_of(bob, "q.one", t0 + day_ms));
    const auto days = store::DailyActivity(*s).range(ada.profile.id, day0, day0 + 5);
    REQUIRE(days.size() == 3);
    CHECK(days[0].day == day0);
    CHECK(days[1].day == day0 + 2);
    CHECK(days[2].day == day0 + 5);
    CHECK(store::DailyActivity(*s).range(ada.profile.id, day0 + 6, day0 + 8).empty());
    CHECK(store::DailyActivity(*s).range(ada.profile.id, day0 + 5, day0).empty());
    CHECK(store::DailyActivity(*s).range(bob.profile.id, day0, day0 + 9).size() == 1);
  });
}

TEST_CASE("daily activity: a day whose answers were all removed is not in the range") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    const auto only = answers.record(answer_of(ada, "q.one", t0 + day_ms));
    answers.record(answer_of(ada, "q.one", t0));
    answers.remove(only);
    const auto days = store::DailyActivity(*s).range(ada.profile.id, day0, day0 + 1);
    REQUIRE(days.size() == 1);
    CHECK(days[0].day == day0);
  });
}

TEST_CASE("daily activity: stored totals out of range are held to what the answers allow and noted") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    answers.record(answer_of(ada, "q.one", t0));
    answers.record(answer_of(ada, "q.one", t0 + day_ms));
    answers.record(answer_of(ada, "q.one", t0 + 2 * day_ms));
    s.tamper("UPDATE daily_activity SET answers = -50 WHERE day = " + std::to_string(day0) + ";" +
             "UPDATE daily_activity SET correct = 9, study_ms = 1e17 WHERE day = " + std::to_string(day0 + 1) + ";" +
             "UPDATE daily_activity SET graded = 'x' WHERE day = " + std::to_string(day0 + 2) + ";");
    const auto days = store::DailyActivity(*s).range(ada.profile.id, day0, day0 + 2);
    REQUIRE(days.size() == 1);  // -50 reads as none, text as unusable
    CHECK(days[0].day == day0 + 1);
    CHECK(days[0].correct == 1);
    CHECK(days[0].study_ms == 120'000);
    CHECK(answers.count(ada.profile.id) == 1);
    CHECK(store::take_odd_rows_notice(*s).find("3 daily totals") != std::string::npos);
  });
}

TEST_CASE("daily activity: answers recorded in a transaction that is rolled back leave no totals") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    CHECK_THROWS_AS(s->in_transaction([&] {
      store::Answers(*s).record(answer_of(ada, "q.one", t0));
      store::Answers(*s).record(answer_of(ada, "q.two", t0));
      throw std::runtime_error("the sitting was abandoned");
    }),
                    store::StoreError);
    s.reopen();
    CHECK(store::DailyActivity(*s).range(ada.profile.id, day0 - 1, day0 + 1).empty());
    CHECK(s.number("SELECT count(*) FROM daily_activity") == 0);
  });
}
