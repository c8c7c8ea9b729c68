// store::Export on an in-memory database and on a file: every answer of a learner, streamed
// oldest first with the names `rolepath export --csv` writes beside it.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using test::answer_of;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
std::vector<store::ExportRow> exported(store::Store& s, store::RowId profile) {
  std::vector<store::ExportRow> rows;
  store::Export(s).answers(profile, [&](const store::ExportRow& row) { rows.push_back(row); });
  return rows;
}
}  // namespace

TEST_CASE("export: every answer of the learner oldest first with its session kind item roles and topic") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    auto fit = ada;
    fit.session = store::Sessions(*s).start(ada.profile.id, core::SessionKind::fit, t0);
    store::Answers answers(*s);
    auto late = answer_of(ada, "q.two", t0 + 5'000, false, 2'500);
    late.sure = true;
    answers.record(late);
    answers.record(answer_of(fit, "s.like", t0 + 1'000, std::nullopt, 900));
    answers.record(answer_of(ada, "q.one", t0 + 5'000, true, 100));  // same time, later id
    s.reopen();
    const auto rows = exported(*s, ada.profile.id);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].answered_ms == t0 + 1'000);
    CHECK(rows[0].profile == "Ada");
    CHECK(rows[0].session_kind == "fit");
    CHECK(rows[0].item == "s.like");
    CHECK(rows[0].roles == "analyst,engineer");
    CHECK(rows[0].topic == "sql");
    CHECK_FALSE(rows[0].correct.has_value());
    CHECK_FALSE(rows[0].sure.has_value());
    CHECK(rows[1].item == "q.two");
    CHECK(rows[1].session_kind == "quiz");
    CHECK(rows[1].topic == "tools");
    CHECK(rows[1].correct == false);
    CHECK(rows[1].latency_ms == 2'500);
    CHECK(rows[1].sure == true);
    CHECK(rows[2].item == "q.one");
    CHECK(rows[2].correct == true);
  });
}

TEST_CASE("export: nothing of another learner and no call for a learner without answers") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    store::Answers(*s).record(answer_of(bob, "q.one", t0));
    store::Answers(*s).record(answer_of(bob, "q.two", t0));
    CHECK(exported(*s, ada.profile.id).empty());
    const auto rows = exported(*s, bob.profile.id);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].profile == "Bob");
    CHECK(rows[1].profile == "Bob");
  });
}

TEST_CASE("export: the caller may read and write through the store while rows stream") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    for (int i = 0; i < 5; ++i) store::Answers(*s).record(answer_of(ada, "q.one", t0 + i));
    store::Answers(*s).record(answer_of(bob, "q.one", t0));
    int seen = 0;
    store::Export(*s).answers(ada.profile.id, [&](const store::ExportRow& row) {
      CHECK(row.answered_ms == t0 + seen);
      ++seen;
      // Another export, a read of answers and a write: none disturbs the stream.
      CHECK(exported(*s, bob.profile.id).size() == 1);
      CHECK(store::Answers(*s).in_session(ada.session).size() == 5);
      store::Settings(*s).set(store::Settings::app_wide, "exported", std::to_string(seen));
    });
    CHECK(seen == 5);
    CHECK(store::Settings(*s).get(store::Settings::app_wide, "exported") == "5");
  });
}

TEST_CASE("export: a callback that throws stops the export and the store goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    for (int i = 0; i < 3; ++i) store::Answers(*s).record(answer_of(ada, "q.one", t0 + i));
    int seen = 0;
    CHECK_THROWS(store::Export(*s).answers(ada.profile.id, [&](const store::ExportRow&) {
      if (++seen == 2) throw std::runtime_error("the disk is full");
    }));
    CHECK(seen == 2);
    store::Answers(*s).record(answer_of(ada, "q.two", t0 + 9));
    CHECK(exported(*s, ada.profile.id).size() == 4);
  });
}

TEST_CASE("export: answers whose item or session is gone are skipped and noted and odd values clamped") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::Answers answers(*s);
    const auto no_item = answers.record(answer_of(ada, "q.one", t0));
    const auto no_session = answers.record(answer_of(ada, "q.one", t0 + 1));
    const auto slow = answers.record(answer_of(ada, "q.one", t0 + 2));
    answers.record(answer_of(ada, "q.two", t0 + 3));
    s.tamper("UPDATE answer SET item_id = 999999 WHERE id = " + std::to_string(no_item) + ";" +
             "UPDATE answer SET session_id = 999999 WHERE id = " + std::to_string(no_session) + ";" +
             "UPDATE answer SET latency_ms = 9e15, correct = 7 WHERE id = " + std::to_string(slow) + ";" +
             "UPDATE item SET topic = 'to' || CAST(x'ff' AS TEXT) WHERE key = 'q.two';");
    const auto rows = exported(*s, ada.profile.id);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].answered_ms == t0 + 2);
    CHECK(rows[0].latency_ms == test::day_ms);
    CHECK_FALSE(rows[0].correct.has_value());  // neither right nor wrong: not known
    CHECK(rows[1].topic == "to\xEF\xBF\xBD");  // repaired to valid UTF-8
    CHECK(store::take_odd_rows_notice(*s).find("3 answers") != std::string::npos);
  });
}
