// store::Profiles on an in-memory database and on a file.
#include <doctest/doctest.h>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("profiles: created names read back verbatim by id and by name and survive reopening") {
  on_each_store([](StoreUnderTest& s) {
    const std::string odd = "Grace \"100%\" {0} \xF0\x9F\x8C\xB1";  // quotes, format text, a 4-byte character
    const auto ada = store::Profiles(*s).create("Ada", t0);
    const auto grace = store::Profiles(*s).create(odd, t0 + 1);
    CHECK(ada.id != grace.id);
    CHECK(grace.name == odd);
    CHECK(grace.created_ms == t0 + 1);
    s.reopen();
    store::Profiles profiles(*s);
    const auto found = profiles.find(grace.id);
    REQUIRE(found);
    CHECK(found->name == odd);
    CHECK(found->created_ms == t0 + 1);
    CHECK(profiles.find_by_name(odd)->id == grace.id);
    CHECK(profiles.find_by_name("Ada")->created_ms == t0);
    CHECK_FALSE(profiles.find(grace.id + 100).has_value());
    CHECK_FALSE(profiles.find_by_name("ada").has_value());  // names are compared exactly
  });
}

TEST_CASE("profiles: the list is ordered by creation time then id") {
  on_each_store([](StoreUnderTest& s) {
    store::Profiles profiles(*s);
    const auto late = profiles.create("Late", t0 + 50);
    const auto early = profiles.create("Early", t0);
    const auto tie = profiles.create("Tie", t0 + 50);
    const auto list = profiles.list();
    REQUIRE(list.size() == 3);
    CHECK(list[0].id == early.id);
    CHECK(list[1].id == late.id);
    CHECK(list[2].id == tie.id);
    CHECK(list[1].name == "Late");
    CHECK(list[1].created_ms == t0 + 50);
  });
}

TEST_CASE("profiles: names are unique and 1 to 64 characters - a refused name leaves nothing") {
  on_each_store([](StoreUnderTest& s) {
    store::Profiles profiles(*s);
    const auto ada = profiles.create("Ada", t0);
    profiles.create("Bob", t0);
    CHECK_THROWS_AS(profiles.create("Ada", t0 + 1), store::StoreError);
    CHECK_THROWS_AS(profiles.create("", t0), store::StoreError);
    std::string longest;
    for (int i = 0; i < 64; ++i) longest += "\xF0\x9F\x8C\xB1";  // 64 characters, 256 bytes
    CHECK(profiles.create(longest, t0).name == longest);
    CHECK_THROWS_AS(profiles.create(longest + "x", t0), store::StoreError);
    CHECK_THROWS_AS(profiles.rename(ada.id, "Bob"), store::StoreError);
    CHECK(profiles.find(ada.id)->name == "Ada");
    CHECK(profiles.list().size() == 3);
  });
}

TEST_CASE("profiles: ensure finds the existing profile or creates it once") {
  on_each_store([](StoreUnderTest& s) {
    store::Profiles profiles(*s);
    const auto first = profiles.ensure("Ada", t0);
    const auto again = profiles.ensure("Ada", t0 + 5);
    CHECK(again.id == first.id);
    CHECK(again.created_ms == t0);
    CHECK(profiles.ensure("Bob", t0 + 7).created_ms == t0 + 7);
    CHECK(profiles.list().size() == 2);
  });
}

TEST_CASE("profiles: rename changes the name and the old one is free again") {
  on_each_store([](StoreUnderTest& s) {
    store::Profiles profiles(*s);
    const auto ada = profiles.create("Ada", t0);
    profiles.rename(ada.id, "Ada L.");
    s.reopen();
    store::Profiles reopened(*s);
    CHECK(reopened.find(ada.id)->name == "Ada L.");
    CHECK_FALSE(reopened.find_by_name("Ada").has_value());
    CHECK(reopened.create("Ada", t0).id != ada.id);
  });
}

TEST_CASE("profiles: remove deletes everything of the profile and nothing of anyone else") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    for (const auto* l : {&ada, &bob}) {
      const auto id = l->profile.id;
      store::Answers(*s).record(test::answer_of(*l, "q.one", t0 + 1000));
      store::Schedules(*s).put(id, l->items.at("q.one"), {{2.0, 5.0}, t0, t0 + 2 * test::day_ms, 1, 0});
      store::FitResults(*s).save(id, {0, l->session, t0, "analyst", 0.7, "{}"});
      store::Goals(*s).set(id, {"answers", 40}, t0);
      store::MasterySnapshots(*s).put(id, {test::day0, "analyst", "sql", 0.4});
      store::Settings(*s).set(id, "daily_limit", "20");
    }
    store::Settings(*s).set(store::Settings::app_wide, "theme", "dark");

    store::Profiles(*s).remove(ada.profile.id);
    s.reopen();
    CHECK_FALSE(store::Profiles(*s).find(ada.profile.id).has_value());
    for (const char* table : {"study_session", "answer", "schedule", "fit_result", "goal", "mastery_snapshot",
                              "daily_activity", "setting"}) {
      CAPTURE(table);
      const std::string count = std::string("SELECT count(*) FROM ") + table + " WHERE profile_id = ";
      CHECK(s.number(count + std::to_string(ada.profile.id)) == 0);
      CHECK(s.number(count + std::to_string(bob.profile.id)) == 1);
    }
    CHECK(store::Settings(*s).get(store::Settings::app_wide, "theme") == "dark");
    CHECK(store::Items(*s).count() == 3);  // items belong to the bank, not to a learner
  });
}

TEST_CASE("profiles: a remove nested in a transaction that fails half-way keeps the settings it had deleted") {
  on_each_store([](StoreUnderTest& s) {
    store::Profiles profiles(*s);
    const auto ada = profiles.create("Ada", t0);
    store::Settings(*s).set(ada.id, "theme", "dark");
    s.fail_writes("DELETE", "profile");
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { profiles.remove(ada.id); }, "went on"));
    s.allow_writes("DELETE", "profile");
    CHECK(profiles.find(ada.id).has_value());
    CHECK(store::Settings(*s).get(ada.id, "theme") == "dark");
    // Nested and succeeding, it is committed with the outer transaction.
    s->in_transaction([&] { profiles.remove(ada.id); });
    s.reopen();
    CHECK_FALSE(store::Profiles(*s).find(ada.id).has_value());
    CHECK_FALSE(store::Settings(*s).get(ada.id, "theme").has_value());
  });
}

TEST_CASE("profiles: a name that is not UTF-8 reads repaired and is noted once - the row stays as stored") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0);
    s.tamper("UPDATE profile SET name = 'Ad' || CAST(x'ff' AS TEXT) || 'a'");
    CHECK(store::Profiles(*s).find(ada.id)->name == "Ad\xEF\xBF\xBD" "a");
    CHECK(store::Profiles(*s).list().at(0).name == "Ad\xEF\xBF\xBD" "a");
    const auto notice = store::take_odd_rows_notice(*s);
    CHECK(notice.find("1 profile name") != std::string::npos);
    CHECK(s.number("SELECT count(*) FROM profile WHERE name = 'Ad' || CAST(x'ff' AS TEXT) || 'a'") == 1);
  });
}
