#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "bank/loader.hpp"
#include "store/repositories.hpp"
#include "support/refusal.hpp"
#include "support/temp_folder.hpp"

using namespace rp;
using rp::test::TempFolder;

namespace {
constexpr core::TimeMs t0 = 1'772'474'400'000;  // 2026-03-02T18:00:00Z

bool exists(const std::filesystem::path& p) { return std::filesystem::exists(p); }

// Sets user_version behind RolePath's back, as a newer RolePath would have.
void stamp_version(const std::filesystem::path& file, int version) {
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace

TEST_CASE("a fresh database gets the full schema mode 0600 in a folder it creates") {
  TempFolder dir;
  const auto file = dir / "nested/deeper/rolepath.db";
  {
    auto s = store::Store::open(file);
    CHECK(s->schema_version() == store::latest_schema_version());
    CHECK(store::latest_schema_version() >= 1);
  }
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK_FALSE(exists(file.string() + ".creating"));
  SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
  for (const char* table : {"profile", "item", "study_session", "answer", "schedule", "fit_result", "goal", "setting"}) {
    CAPTURE(table);
    CHECK(raw.tableExists(table));
  }
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("re-opening a database keeps its data and does not migrate again") {
  TempFolder dir;
  const auto file = dir / "rolepath.db";
  {
    auto s = store::Store::open(file);
    store::Profiles(*s).create("Ada", t0);
  }
  auto s = store::Store::open(file);
  CHECK(s->schema_version() == store::latest_schema_version());
  const auto profiles = store::Profiles(*s).list();
  REQUIRE(profiles.size() == 1);
  CHECK(profiles[0].name == "Ada");
}

TEST_CASE("a database from a newer RolePath is refused and left byte-for-byte unchanged") {
  TempFolder dir;
  const auto file = dir / "rolepath.db";
  { store::Store::open(file); }
  stamp_version(file, store::latest_schema_version() + 1);
  test::check_refused_unchanged(file, "newer RolePath");
}

TEST_CASE("a file that is not a database is refused and left unchanged") {
  TempFolder dir;
  const auto file = dir / "notes.db";
  test::write_bytes(file, std::string("These are my notes, not a database.\n") + std::string(4000, 'x'));
  test::check_refused_unchanged(file, "not a RolePath database");
}

TEST_CASE("a zero-byte file is refused and left unchanged") {
  TempFolder dir;
  const auto file = dir / "empty.db";
  test::write_bytes(file, "");
  test::check_refused_unchanged(file, "empty");
}

TEST_CASE("a folder at the database path is refused") {
  TempFolder dir;
  CHECK_THROWS_WITH_AS(store::Store::open(dir.path()), doctest::Contains("folder"), store::StoreError);
}

TEST_CASE("profiles: create find and ensure") {
  auto s = store::Store::open_in_memory();
  store::Profiles profiles(*s);
  const auto ada = profiles.ensure("Ada", t0);
  CHECK(profiles.ensure("Ada", t0 + 5).id == ada.id);
  const auto grace = profiles.create("Grace \"100%\" {x}", t0 + 1);
  CHECK(profiles.find(grace.id)->name == "Grace \"100%\" {x}");
  CHECK(profiles.list().size() == 2);
  CHECK_THROWS_AS(profiles.create("Ada", t0), store::StoreError);  // names are unique
  CHECK_FALSE(profiles.find_by_name("Nobody").has_value());
}

TEST_CASE("items: the bank is recorded by stable id - edits are noticed and ids kept") {
  auto s = store::Store::open_in_memory();
  auto loaded = bank::load_banks({});
  REQUIRE(loaded.ok());
  auto bank = loaded.bank;
  store::Items items(*s);
  const auto first = items.sync(bank, t0);
  CHECK(first.added == static_cast<int>(bank.questions.size() + bank.statements.size()));
  CHECK(first.changed == 0);
  const auto again = items.sync(bank, t0 + 1);
  CHECK(again.added == 0);
  CHECK(again.changed == 0);

  bank.questions[0].prompt += " (reworded)";
  const auto edited = items.sync(bank, t0 + 2);
  CHECK(edited.changed == 1);
  CHECK(edited.ids.at(bank.questions[0].id) == first.ids.at(bank.questions[0].id));
  CHECK(items.count() == static_cast<std::int64_t>(bank.questions.size() + bank.statements.size()));
}

TEST_CASE("answers: one row each read back exactly counted per profile") {
  TempFolder dir;
  auto s = store::Store::open(dir / "rolepath.db");
  auto bank = bank::load_banks({}).bank;
  const auto ids = store::Items(*s).sync(bank, t0).ids;
  const auto ada = store::Profiles(*s).create("Ada", t0);
  const auto bob = store::Profiles(*s).create("Bob", t0);
  const auto session = store::Sessions(*s).start(ada.id, core::SessionKind::quiz, t0);

  store::AnswerRecord right{ada.id, session, ids.at(bank.questions[0].id), t0 + 1000, "2", true, 4200, true, 0, false, "", false};
  store::AnswerRecord statement{ada.id, session, ids.at(bank.statements[0].id), t0 + 2000, "4", std::nullopt, 1800,
                                std::nullopt, 0, false, "", false};
  store::Answers answers(*s);
  answers.record(right);
  answers.record(statement);
  store::Sessions(*s).finish(session, t0 + 3000);

  CHECK(answers.count(ada.id) == 2);
  CHECK(answers.count(bob.id) == 0);
  const auto rows = answers.in_session(session);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].chosen == "2");
  CHECK(rows[0].correct == true);
  CHECK(rows[0].latency_ms == 4200);
  CHECK(rows[0].sure == true);
  CHECK_FALSE(rows[1].correct.has_value());
  CHECK_FALSE(rows[1].sure.has_value());

  // The answers survive closing and reopening the file.
  s.reset();
  auto reopened = store::Store::open(dir / "rolepath.db");
  CHECK(store::Answers(*reopened).count(ada.id) == 2);
}

TEST_CASE("an answer that breaks a constraint is not half-written") {
  auto s = store::Store::open_in_memory();
  const auto ada = store::Profiles(*s).create("Ada", t0);
  store::AnswerRecord orphan{ada.id, 999, 999, t0, "1", true, 10, std::nullopt, 0, false, "", false};  // no such session or item
  CHECK_THROWS_AS(store::Answers(*s).record(orphan), store::StoreError);
  CHECK(store::Answers(*s).count(ada.id) == 0);
}

TEST_CASE("settings: app-wide and per profile stored verbatim") {
  auto s = store::Store::open_in_memory();
  store::Settings settings(*s);
  CHECK_FALSE(settings.get(store::Settings::app_wide, "theme").has_value());
  settings.set(store::Settings::app_wide, "theme", "dark");
  settings.set(store::Settings::app_wide, "theme", "light");
  settings.set(7, "theme", "%s {0} \u202e");
  CHECK(settings.get(store::Settings::app_wide, "theme") == "light");
  CHECK(settings.get(7, "theme") == "%s {0} \u202e");
}
