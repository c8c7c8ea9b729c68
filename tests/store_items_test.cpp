// store::Items on an in-memory database and on a file.
#include <doctest/doctest.h>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
std::string column(const StoreUnderTest& s, const std::string& key, const std::string& name) {
  return s->connection().execAndGet("SELECT " + name + " FROM item WHERE key = '" + key + "'").getString();
}
}  // namespace

TEST_CASE("items: a first sync records every question and statement with its kind roles and topic") {
  on_each_store([](StoreUnderTest& s) {
    const auto bank = test::small_bank();
    const auto sync = store::Items(*s).sync(bank, t0);
    CHECK(sync.added == 3);
    CHECK(sync.changed == 0);
    REQUIRE(sync.ids.size() == 3);
    CHECK(sync.ids.at("q.one") != sync.ids.at("q.two"));
    s.reopen();
    CHECK(store::Items(*s).count() == 3);
    CHECK(column(s, "q.one", "kind") == "single");
    CHECK(column(s, "q.two", "kind") == "truefalse");
    CHECK(column(s, "s.like", "kind") == "statement");
    CHECK(column(s, "q.two", "roles") == "analyst,engineer");
    CHECK(column(s, "s.like", "roles") == "analyst,engineer");  // a statement's roles are those it weighs
    CHECK(column(s, "q.two", "topic") == "tools");
    CHECK(column(s, "q.one", "content_hash") == core::content_hash(bank.questions[0]));
    CHECK(s.number("SELECT count(*) FROM item WHERE first_seen_ms = " + std::to_string(t0)) == 3);
  });
}

TEST_CASE("items: syncing the same bank again changes nothing and gives the same ids") {
  on_each_store([](StoreUnderTest& s) {
    const auto bank = test::small_bank();
    const auto first = store::Items(*s).sync(bank, t0);
    s.reopen();
    const auto again = store::Items(*s).sync(bank, t0 + 1);
    CHECK(again.added == 0);
    CHECK(again.changed == 0);
    CHECK(again.ids == first.ids);
    CHECK(s.number("SELECT count(*) FROM item WHERE changed_ms = " + std::to_string(t0)) == 3);
  });
}

TEST_CASE("items: an edited question keeps its row and id and records the change") {
  on_each_store([](StoreUnderTest& s) {
    auto bank = test::small_bank();
    const auto first = store::Items(*s).sync(bank, t0);
    bank.questions[1].prompt += " (reworded)";
    bank.questions[1].topic = "sql";
    bank.questions[1].roles = {"engineer"};
    const auto edited = store::Items(*s).sync(bank, t0 + 9);
    CHECK(edited.added == 0);
    CHECK(edited.changed == 1);
    CHECK(edited.ids.at("q.two") == first.ids.at("q.two"));
    CHECK(store::Items(*s).count() == 3);
    CHECK(column(s, "q.two", "topic") == "sql");
    CHECK(column(s, "q.two", "roles") == "engineer");
    CHECK(column(s, "q.two", "content_hash") == core::content_hash(bank.questions[1]));
    CHECK(column(s, "q.two", "changed_ms") == std::to_string(t0 + 9));
    CHECK(column(s, "q.two", "first_seen_ms") == std::to_string(t0));
    CHECK(column(s, "q.one", "changed_ms") == std::to_string(t0));
  });
}

TEST_CASE("items: an item that left the bank keeps its row and a new one is added") {
  on_each_store([](StoreUnderTest& s) {
    auto bank = test::small_bank();
    const auto first = store::Items(*s).sync(bank, t0);
    bank.questions.erase(bank.questions.begin());
    bank.questions[0].id = "q.three";
    const auto next = store::Items(*s).sync(bank, t0 + 1);
    CHECK(next.added == 1);
    CHECK(next.changed == 0);
    CHECK_FALSE(next.ids.contains("q.one"));
    CHECK(store::Items(*s).count() == 4);
    CHECK(column(s, "q.one", "id") == std::to_string(first.ids.at("q.one")));
  });
}

TEST_CASE("items: a sync that fails half-way inside a transaction leaves no item and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    s.fail_writes("INSERT", "item", "NEW.key = 's.like'");  // after both questions were written
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { store::Items(*s).sync(test::small_bank(), t0); }, "yes"));
    s.allow_writes("INSERT", "item");
    s.reopen();
    CHECK(store::Items(*s).count() == 0);
    CHECK(store::Items(*s).sync(test::small_bank(), t0).added == 3);
  });
}
