// Store::in_transaction: the outermost call is one transaction (BEGIN IMMEDIATE), a call inside
// it a savepoint, so a nested write that fails undoes only its own work.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;

namespace {
std::int64_t profiles(const StoreUnderTest& s) { return s.number("SELECT count(*) FROM profile"); }
bool has(store::Store& s, const std::string& name) { return store::Profiles(s).find_by_name(name).has_value(); }
}  // namespace

TEST_CASE("transactions: a nested call that throws rolls back only its own work and the outer one commits") {
  on_each_store([](StoreUnderTest& s) {
    s->in_transaction([&] {
      store::Profiles(*s).create("Ada", test::t0);
      CHECK_THROWS_AS(s->in_transaction([&] {
        store::Profiles(*s).create("Bob", test::t0);
        CHECK(has(*s, "Bob"));
        throw std::runtime_error("changed my mind");
      }),
                      store::StoreError);
      CHECK_FALSE(has(*s, "Bob"));
      store::Profiles(*s).create("Cy", test::t0);
    });
    s.reopen();
    CHECK(has(*s, "Ada"));
    CHECK_FALSE(has(*s, "Bob"));
    CHECK(has(*s, "Cy"));
  });
}

TEST_CASE("transactions: a nested call's work is kept by the outer commit and undone by the outer rollback") {
  on_each_store([](StoreUnderTest& s) {
    const auto id = s->in_transaction([&] { return s->in_transaction([&] { return store::Profiles(*s).create("Ada", test::t0).id; }); });
    CHECK(store::Profiles(*s).find(id)->name == "Ada");

    CHECK_THROWS_WITH_AS(s->in_transaction([&] {
      s->in_transaction([&] { store::Profiles(*s).create("Bob", test::t0); });
      throw std::runtime_error("outer fails after the inner one returned");
    }),
                         doctest::Contains("outer fails"), store::StoreError);
    s.reopen();
    CHECK_FALSE(has(*s, "Bob"));
    CHECK(profiles(s) == 1);
  });
}

TEST_CASE("transactions: three levels - the middle one fails and takes the innermost with it") {
  on_each_store([](StoreUnderTest& s) {
    s->in_transaction([&] {
      store::Profiles(*s).create("Outer", test::t0);
      try {
        s->in_transaction([&] {
          store::Profiles(*s).create("Middle", test::t0);
          s->in_transaction([&] { store::Profiles(*s).create("Inner", test::t0); });
          store::Profiles(*s).create("Outer", test::t0);  // the name is taken: throws
        });
      } catch (const store::StoreError&) {
      }
      s->in_transaction([&] { store::Profiles(*s).create("Later", test::t0); });
    });
    s.reopen();
    CHECK(has(*s, "Outer"));
    CHECK_FALSE(has(*s, "Middle"));
    CHECK_FALSE(has(*s, "Inner"));
    CHECK(has(*s, "Later"));
    CHECK(profiles(s) == 2);
  });
}

TEST_CASE("transactions: after a nested failure the next call is an outermost transaction again") {
  on_each_store([](StoreUnderTest& s) {
    CHECK_THROWS_AS(s->in_transaction([&] { s->in_transaction([] { throw std::runtime_error("no"); }); }),
                    store::StoreError);
    // Outside any transaction again: a write commits on its own, and a raw BEGIN is allowed.
    store::Profiles(*s).create("Ada", test::t0);
    s->connection().exec("BEGIN");
    s->connection().exec("ROLLBACK");
    s.reopen();
    CHECK(has(*s, "Ada"));
  });
}

TEST_CASE("transactions: a nested write after SQLite ended the outer transaction is refused and nothing is committed") {
  on_each_store([](StoreUnderTest& s) {
    CHECK_THROWS_AS(s->in_transaction([&] {
      store::Profiles(*s).create("Ada", test::t0);
      s->connection().exec("ROLLBACK");  // as SQLite does itself on some I/O errors
      CHECK_THROWS_WITH_AS(store::Profiles(*s).create("Bob", test::t0), doctest::Contains("already rolled back"),
                           store::StoreError);
    }),
                    store::StoreError);  // and the outer COMMIT finds no transaction
    s.reopen();
    CHECK(profiles(s) == 0);
    store::Profiles(*s).create("Cy", test::t0);
    CHECK(profiles(s) == 1);
  });
}

TEST_CASE("transactions: the outermost takes the write lock at once (BEGIN IMMEDIATE)") {
  test::TempHome home;
  StoreUnderTest s(home / "rolepath.db");
  SQLite::Database other(s.file()->string(), SQLite::OPEN_READWRITE);
  other.exec("PRAGMA busy_timeout = 0");
  s->in_transaction([&] {
    // Nothing written yet, and still another connection cannot start writing.
    CHECK_THROWS_AS(other.exec("BEGIN IMMEDIATE"), SQLite::Exception);
    s->in_transaction([&] { CHECK_THROWS_AS(other.exec("BEGIN IMMEDIATE"), SQLite::Exception); });
  });
  other.exec("BEGIN IMMEDIATE");
  other.exec("ROLLBACK");
}
