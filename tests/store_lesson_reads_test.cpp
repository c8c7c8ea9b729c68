// store::LessonReads on an in-memory database and on a file: which lessons a learner has read.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("lesson reads: none at first then each reading counted with its first and last time") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    CHECK(store::LessonReads(*s).all(ada).empty());
    store::LessonReads(*s).mark_read(ada, "overview-tools", t0 + 1000);
    store::LessonReads(*s).mark_read(ada, "overview-tools", t0 + 5000);
    store::LessonReads(*s).mark_read(ada, "overview-skills", t0 + 2000);
    s.reopen();
    const auto reads = store::LessonReads(*s).all(ada);
    REQUIRE(reads.size() == 2);
    CHECK(reads[0].lesson_id == "overview-skills");
    CHECK(reads[1].lesson_id == "overview-tools");
    CHECK(reads[1].first_read_ms == t0 + 1000);
    CHECK(reads[1].last_read_ms == t0 + 5000);
    CHECK(reads[1].times == 2);
  });
}

TEST_CASE("lesson reads: a clock set back moves neither the first reading later nor the last earlier") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    store::LessonReads(*s).mark_read(ada, "l", t0);
    store::LessonReads(*s).mark_read(ada, "l", t0 - 86'400'000);
    const auto reads = store::LessonReads(*s).all(ada);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].first_read_ms == t0 - 86'400'000);
    CHECK(reads[0].last_read_ms == t0);
  });
}

TEST_CASE("lesson reads: each learner has their own and a removed learner's go with them") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    store::LessonReads(*s).mark_read(ada, "l", t0);
    CHECK(store::LessonReads(*s).all(bob).empty());
    store::Profiles(*s).remove(ada);
    CHECK(s.number("SELECT count(*) FROM lesson_read") == 0);
  });
}

TEST_CASE("lesson reads: a failed write leaves nothing and odd rows are clamped skipped and told of once") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    s.fail_writes("INSERT", "lesson_read");
    CHECK_THROWS(store::LessonReads(*s).mark_read(ada, "l", t0));
    s.allow_writes("INSERT", "lesson_read");
    CHECK(s.number("SELECT count(*) FROM lesson_read") == 0);

    const std::string profile = std::to_string(ada);
    s.tamper("INSERT INTO lesson_read VALUES (" + profile + ", 'future', 1, 9000000000000000000, 1)");
    s.tamper("INSERT INTO lesson_read VALUES (" + profile + ", '', 1, 2, 1)");
    s.tamper("INSERT INTO lesson_read VALUES (" + profile + ", 'negative', 5, 2, -5)");
    CHECK(s.number("SELECT count(*) FROM lesson_read") == 3);
    const auto reads = store::LessonReads(*s).all(ada);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].lesson_id == "negative");
    CHECK(reads[0].times == 1);
    CHECK(reads[0].last_read_ms == 5);  // never before the first reading
    const auto notice = store::take_odd_rows_notice(*s);
    CAPTURE(notice);
    CHECK(notice.find("3 lesson readings") != std::string::npos);
    store::LessonReads(*s).all(ada);
    CHECK(store::take_odd_rows_notice(*s).empty());
  });
}
