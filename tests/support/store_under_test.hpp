#pragma once
// The repository tests' habit (SQLiteCpp's own): every test runs twice, as doctest subcases, on
// Store::open_in_memory() and on a real file in a temp folder, so neither can hide what the other
// does. Also the rows most of them need (a small bank, a learner with a session) and ways to make
// a write fail half-way or to tamper with a row past the repositories.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/repositories.hpp"
#include "support/temp_home.hpp"

namespace rp::test {

inline constexpr core::TimeMs t0 = 1'772'474'400'000;  // Monday 2026-03-02T18:00:00Z
inline constexpr core::TimeMs day_ms = 86'400'000;
inline constexpr core::LocalDay day0 = t0 / day_ms;  // a Monday

class StoreUnderTest {
 public:
  explicit StoreUnderTest(std::optional<std::filesystem::path> file)
      : file_(std::move(file)), store_(file_ ? store::Store::open(*file_) : store::Store::open_in_memory()) {}

  store::Store& operator*() const { return *store_; }
  store::Store* operator->() const { return store_.get(); }
  bool in_file() const { return file_.has_value(); }
  const std::optional<std::filesystem::path>& file() const { return file_; }

  // Closes the file and opens it again, so what follows reads what reached the disk. An
  // in-memory database cannot be reopened and stays as it is.
  void reopen() {
    if (!file_) return;
    store_.reset();
    store_ = store::Store::open(*file_);
  }

  // Runs `sql` on the connection as sqlite3 would, with foreign keys and CHECK constraints off.
  void tamper(const std::string& sql) const {
    auto& db = store_->connection();
    db.exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;");
    db.exec(sql);
    db.exec("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF;");
  }

  // A single number read past the repositories.
  std::int64_t number(const std::string& sql) const { return store_->connection().execAndGet(sql).getInt64(); }

  // From now on every `operation` ("INSERT", "UPDATE", "DELETE") on `table` fails, as a full disk
  // would; `when` narrows it to some rows (e.g. "NEW.key = 'q.two'").
  void fail_writes(const std::string& operation, const std::string& table, const std::string& when = "1") const {
    store_->connection().exec("CREATE TEMP TRIGGER fail_" + table + "_" + operation + " BEFORE " + operation +
                              " ON main." + table + " WHEN " + when + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
  }
  void allow_writes(const std::string& operation, const std::string& table) const {
    store_->connection().exec("DROP TRIGGER temp.fail_" + table + "_" + operation);
  }

 private:
  std::optional<std::filesystem::path> file_;
  std::unique_ptr<store::Store> store_;
};

// Runs `body(StoreUnderTest&)` in a subcase on an in-memory database and in one on a file.
template <typename Body>
void on_each_store(Body&& body) {
  SUBCASE("in memory") {
    StoreUnderTest s(std::nullopt);
    body(s);
  }
  SUBCASE("in a file") {
    TempHome home;
    StoreUnderTest s(home / "rolepath.db");
    body(s);
  }
}

// Runs `fn` in an outer transaction that catches what `fn`'s nested write throws and goes on to
// write `after`: the nested write's savepoint must be rolled back and `after` committed. Returns
// whether the nested write threw.
template <typename Fn>
bool nested_write_fails_then_outer_goes_on(store::Store& s, Fn&& fn, const std::string& after) {
  bool threw = false;
  s.in_transaction([&] {
    try {
      fn();
    } catch (const store::StoreError&) {
      threw = true;
    }
    store::Settings(s).set(store::Settings::app_wide, "after", after);
  });
  CHECK(store::Settings(s).get(store::Settings::app_wide, "after") == after);
  return threw;
}

// Two questions and a statement: enough for every row that refers to an item.
inline core::Bank small_bank() {
  core::Bank bank;
  bank.id = "small";
  bank.roles = {{"analyst", "Analyst", ""}, {"engineer", "Engineer", ""}};
  bank.topics = {{"sql", "SQL"}, {"tools", "Tools"}};
  core::Question one;
  one.id = "q.one";
  one.roles = {"analyst"};
  one.topic = "sql";
  one.kind = core::QuestionKind::single;
  one.prompt = "Which clause filters groups?";
  one.options = {"WHERE", "HAVING"};
  one.answer_indices = {1};
  core::Question two;
  two.id = "q.two";
  two.roles = {"analyst", "engineer"};
  two.topic = "tools";
  two.kind = core::QuestionKind::true_false;
  two.prompt = "Git is a version control system.";
  two.answer_true = true;
  core::Statement like;
  like.id = "s.like";
  like.text = "I like tidy data.";
  like.topic = "sql";
  like.weights = {{"analyst", 0.8}, {"engineer", -0.2}};
  bank.questions = {one, two};
  bank.statements = {like};
  return bank;
}

// A learner with the small bank's items and one quiz session.
struct Learner {
  store::Profile profile;
  store::RowId session = 0;
  std::unordered_map<std::string, store::RowId> items;  // bank id -> item row
};

inline Learner learner(store::Store& s, const std::string& name, core::TimeMs now = t0) {
  Learner l;
  l.items = store::Items(s).sync(small_bank(), now).ids;
  l.profile = store::Profiles(s).create(name, now);
  l.session = store::Sessions(s).start(l.profile.id, core::SessionKind::quiz, now);
  return l;
}

// An answer of `l` to `item`, given at `when` on the learner's day of `when`.
inline store::AnswerRecord answer_of(const Learner& l, const std::string& item, core::TimeMs when,
                                     std::optional<bool> correct = true, std::int64_t latency_ms = 5'000) {
  store::AnswerRecord a;
  a.profile_id = l.profile.id;
  a.session_id = l.session;
  a.item_id = l.items.at(item);
  a.answered_ms = when;
  a.chosen = "1";
  a.correct = correct;
  a.latency_ms = latency_ms;
  a.local_day = when / day_ms;
  return a;
}

}  // namespace rp::test
