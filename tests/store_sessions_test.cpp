// store::Sessions on an in-memory database and on a file.
#include <doctest/doctest.h>

#include "support/store_under_test.hpp"

using namespace rp;
using core::SessionKind;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
std::string ended(const StoreUnderTest& s, store::RowId session) {
  const auto cell = s->connection().execAndGet("SELECT ended_ms FROM study_session WHERE id = " + std::to_string(session));
  return cell.isNull() ? "NULL" : cell.getString();
}
}  // namespace

TEST_CASE("sessions: started with their kind and time and each an id of its own") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0);
    store::Sessions sessions(*s);
    const auto fit = sessions.start(ada.id, SessionKind::fit, t0);
    const auto quiz = sessions.start(ada.id, SessionKind::quiz, t0 + 1);
    const auto review = sessions.start(ada.id, SessionKind::review, t0 + 2);
    CHECK(fit != quiz);
    CHECK(quiz != review);
    s.reopen();
    const auto row = [&](store::RowId id, const std::string& column) {
      return s->connection().execAndGet("SELECT " + column + " FROM study_session WHERE id = " + std::to_string(id)).getString();
    };
    CHECK(row(fit, "kind") == "fit");
    CHECK(row(quiz, "kind") == "quiz");
    CHECK(row(review, "kind") == "review");
    CHECK(row(quiz, "started_ms") == std::to_string(t0 + 1));
    CHECK(row(review, "profile_id") == std::to_string(ada.id));
    CHECK(ended(s, fit) == "NULL");
  });
}

TEST_CASE("sessions: unfinished is the newest open session of that kind and that learner") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    store::Sessions sessions(*s);
    CHECK_FALSE(sessions.unfinished(ada, SessionKind::fit).has_value());
    const auto newer = sessions.start(ada, SessionKind::fit, t0 + 100);
    const auto older = sessions.start(ada, SessionKind::fit, t0);
    const auto tie = sessions.start(ada, SessionKind::fit, t0 + 100);  // same time: the later id wins
    sessions.start(ada, SessionKind::quiz, t0 + 500);
    sessions.start(bob, SessionKind::fit, t0 + 900);
    s.reopen();
    store::Sessions reopened(*s);
    CHECK(reopened.unfinished(ada, SessionKind::fit) == tie);
    reopened.finish(tie, t0 + 200);
    CHECK(reopened.unfinished(ada, SessionKind::fit) == newer);
    reopened.finish(newer, t0 + 200);
    CHECK(reopened.unfinished(ada, SessionKind::fit) == older);
    reopened.finish(older, t0 + 200);
    CHECK_FALSE(reopened.unfinished(ada, SessionKind::fit).has_value());
    CHECK_FALSE(reopened.unfinished(ada, SessionKind::review).has_value());
    CHECK(reopened.unfinished(ada, SessionKind::quiz).has_value());
  });
}

TEST_CASE("sessions: finish keeps the first end time and reopen clears it") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::Sessions sessions(*s);
    const auto fit = sessions.start(ada, SessionKind::fit, t0);
    sessions.finish(fit, t0 + 60'000);
    sessions.finish(fit, t0 + 90'000);
    CHECK(ended(s, fit) == std::to_string(t0 + 60'000));
    sessions.reopen(fit);
    s.reopen();
    CHECK(ended(s, fit) == "NULL");
    CHECK(store::Sessions(*s).unfinished(ada, SessionKind::fit) == fit);
  });
}

TEST_CASE("sessions: a session needs a learner - refused without one and nothing written") {
  on_each_store([](StoreUnderTest& s) {
    CHECK_THROWS_AS(store::Sessions(*s).start(42, SessionKind::quiz, t0), store::StoreError);
    CHECK(s.number("SELECT count(*) FROM study_session") == 0);
  });
}

TEST_CASE("sessions: a start that fails inside a transaction is undone alone and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    s.fail_writes("INSERT", "study_session");
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { store::Sessions(*s).start(ada, SessionKind::fit, t0); },
                                                      "on"));
    s.allow_writes("INSERT", "study_session");
    s.reopen();
    CHECK_FALSE(store::Sessions(*s).unfinished(ada, SessionKind::fit).has_value());
    // Nested and succeeding, both writes are committed with the outer transaction.
    const auto fit = s->in_transaction([&] {
      const auto id = store::Sessions(*s).start(ada, SessionKind::fit, t0);
      store::Sessions(*s).finish(id, t0 + 5);
      return id;
    });
    s.reopen();
    CHECK(ended(s, fit) == std::to_string(t0 + 5));
  });
}
