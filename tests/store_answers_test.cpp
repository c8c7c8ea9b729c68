// store::Answers on an in-memory database and on a file.
#include <doctest/doctest.h>

#include "support/store_under_test.hpp"

using namespace rp;
using core::SessionKind;
using test::answer_of;
using test::day_ms;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("answers: every field reads back as recorded oldest first and survives reopening") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    auto later = answer_of(ada, "q.one", t0 + 9'000, false, 12'345);
    later.chosen = "0,1";
    later.sure = false;
    later.local_day = test::day0 + 1;  // the learner's calendar was already on the next day
    later.was_due = true;
    auto statement = answer_of(ada, "s.like", t0 + 1'000, std::nullopt, 800);
    statement.chosen = "4";
    auto tie = answer_of(ada, "q.two", t0 + 9'000, true, 0);
    tie.sure = true;
    const auto later_id = answers.record(later);
    answers.record(statement);
    const auto tie_id = answers.record(tie);
    CHECK(later_id < tie_id);
    s.reopen();
    const auto rows = store::Answers(*s).in_session(ada.session);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].item_id == ada.items.at("s.like"));
    CHECK_FALSE(rows[0].correct.has_value());
    CHECK_FALSE(rows[0].sure.has_value());
    CHECK(rows[0].chosen == "4");
    const auto& read = rows[1];  // same time as `tie`, recorded first
    CHECK(read.profile_id == ada.profile.id);
    CHECK(read.session_id == ada.session);
    CHECK(read.item_id == ada.items.at("q.one"));
    CHECK(read.answered_ms == t0 + 9'000);
    CHECK(read.chosen == "0,1");
    CHECK(read.correct == false);
    CHECK(read.latency_ms == 12'345);
    CHECK(read.sure == false);
    CHECK(read.local_day == test::day0 + 1);
    CHECK(read.was_due);
    CHECK(rows[2].sure == true);
    CHECK_FALSE(rows[2].was_due);
    CHECK(store::Answers(*s).in_session(ada.session + 100).empty());
  });
}

TEST_CASE("answers: counted per learner in a time span and by kind of session") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    auto review = ada;
    review.session = store::Sessions(*s).start(ada.profile.id, SessionKind::review, t0);
    store::Answers answers(*s);
    answers.record(answer_of(ada, "q.one", t0));
    answers.record(answer_of(ada, "q.two", t0 + 1'000));
    answers.record(answer_of(review, "q.one", t0 + 2'000));
    answers.record(answer_of(bob, "q.one", t0 + 1'000));
    s.reopen();
    store::Answers reopened(*s);
    CHECK(reopened.count(ada.profile.id) == 3);
    CHECK(reopened.count(bob.profile.id) == 1);
    CHECK(reopened.count(ada.profile.id + bob.profile.id + 7) == 0);
    // [from, to): the start counts, the end does not.
    CHECK(reopened.count_between(ada.profile.id, t0, t0 + 2'000) == 2);
    CHECK(reopened.count_between(ada.profile.id, t0 + 1, t0 + 2'001) == 2);
    CHECK(reopened.count_between(ada.profile.id, t0 + 1'000, t0 + 1'000) == 0);
    CHECK(reopened.count_between(ada.profile.id, t0, t0 + 1) == 1);
    CHECK(reopened.count_between(ada.profile.id, t0 - 1, t0) == 0);
    CHECK(reopened.count_between(ada.profile.id, t0, t0 + day_ms, SessionKind::quiz) == 2);
    CHECK(reopened.count_between(ada.profile.id, t0, t0 + day_ms, SessionKind::review) == 1);
    CHECK(reopened.count_between(ada.profile.id, t0, t0 + day_ms, SessionKind::fit) == 0);
  });
}

TEST_CASE("answers: counted on the local day stored with them whatever their UTC time") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    auto review = ada;
    review.session = store::Sessions(*s).start(ada.profile.id, SessionKind::review, t0);
    store::Answers answers(*s);
    auto east = answer_of(review, "q.one", t0);  // 18:00 UTC, already tomorrow at UTC+8
    east.local_day = test::day0 + 1;
    answers.record(east);
    auto west = answer_of(review, "q.two", t0 + 8 * 3'600'000);  // 02:00 UTC the next day, still today at UTC-8
    west.local_day = test::day0;
    answers.record(west);
    answers.record(answer_of(ada, "q.one", t0));  // a quiz answer is not a review
    CHECK(answers.count_on_day(ada.profile.id, test::day0, SessionKind::review) == 1);
    CHECK(answers.count_on_day(ada.profile.id, test::day0 + 1, SessionKind::review) == 1);
    CHECK(answers.count_on_day(ada.profile.id, test::day0, SessionKind::quiz) == 1);
    CHECK(answers.count_on_day(ada.profile.id, test::day0 + 2, SessionKind::review) == 0);
  });
}

TEST_CASE("answers: an answer the schema refuses is not written at all") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    auto orphan = answer_of(ada, "q.one", t0);
    orphan.session_id = 999;  // no such session
    CHECK_THROWS_AS(answers.record(orphan), store::StoreError);
    auto no_item = answer_of(ada, "q.one", t0);
    no_item.item_id = 999;
    CHECK_THROWS_AS(answers.record(no_item), store::StoreError);
    CHECK_THROWS_AS(answers.record(answer_of(ada, "q.one", t0, true, -1)), store::StoreError);  // latency >= 0
    CHECK(s.number("SELECT count(*) FROM answer") == 0);
    CHECK(s.number("SELECT count(*) FROM daily_activity") == 0);
    CHECK(answers.count(ada.profile.id) == 0);
  });
}

TEST_CASE("answers: remove takes the answer back out of its day and a missing id changes nothing") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    const auto kept = answers.record(answer_of(ada, "q.one", t0, true, 4'000));
    const auto gone = answers.record(answer_of(ada, "q.two", t0 + 1'000, false, 300'000));
    answers.remove(gone);
    answers.remove(gone + 100);
    s.reopen();
    store::Answers reopened(*s);
    CHECK(reopened.count(ada.profile.id) == 1);
    const auto rows = reopened.in_session(ada.session);
    REQUIRE(rows.size() == 1);
    CHECK(s.number("SELECT id FROM answer") == kept);
    CHECK(s->connection().execAndGet("SELECT graded || '/' || correct || '/' || study_ms FROM daily_activity").getString() ==
          "1/1/4000");
  });
}

TEST_CASE("answers: a stored answer without a day is removed from the day its time gives") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    const auto id = answers.record(answer_of(ada, "q.one", t0));
    s.tamper("UPDATE answer SET local_day = NULL");
    const auto rows = answers.in_session(ada.session);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].local_day == test::day0);
    CHECK(store::take_odd_rows_notice(*s).find("1 answer") != std::string::npos);
    answers.remove(id);
    CHECK(s.number("SELECT answers FROM daily_activity") == 0);
    CHECK(s.number("SELECT study_ms FROM daily_activity") == 0);
  });
}

TEST_CASE("answers: a record whose day total fails inside a transaction leaves no answer and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    s.fail_writes("INSERT", "daily_activity");  // the second of record's two writes
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { store::Answers(*s).record(answer_of(ada, "q.one", t0)); },
                                                      "on"));
    s.allow_writes("INSERT", "daily_activity");
    s.reopen();
    CHECK(s.number("SELECT count(*) FROM answer") == 0);
    CHECK(store::Answers(*s).count(ada.profile.id) == 0);
  });
}

TEST_CASE("answers: a remove whose day total fails inside a transaction keeps the answer") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto id = store::Answers(*s).record(answer_of(ada, "q.one", t0));
    s.fail_writes("UPDATE", "daily_activity");
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { store::Answers(*s).remove(id); }, "on"));
    s.allow_writes("UPDATE", "daily_activity");
    s.reopen();
    CHECK(store::Answers(*s).in_session(ada.session).size() == 1);
    CHECK(store::Answers(*s).count(ada.profile.id) == 1);
  });
}
