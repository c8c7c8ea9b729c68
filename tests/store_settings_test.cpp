// store::Settings on an in-memory database and on a file: text values by learner and key, with
// learner 0 holding the app-wide ones.
#include <doctest/doctest.h>

#include <stdexcept>

#include "support/store_under_test.hpp"

using namespace rp;
using store::Settings;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

TEST_CASE("settings: unset until set then stored verbatim and a second set replaces the value") {
  on_each_store([](StoreUnderTest& s) {
    Settings settings(*s);
    CHECK_FALSE(settings.get(Settings::app_wide, "theme").has_value());
    settings.set(Settings::app_wide, "theme", "dark");
    settings.set(Settings::app_wide, "theme", "light");
    settings.set(Settings::app_wide, "note", "%s {0} \u202e\xF0\x9F\x8C\xB1 ' \"");
    settings.set(Settings::app_wide, "empty", "");
    s.reopen();
    Settings reopened(*s);
    CHECK(reopened.get(Settings::app_wide, "theme") == "light");
    CHECK(reopened.get(Settings::app_wide, "note") == "%s {0} \u202e\xF0\x9F\x8C\xB1 ' \"");
    CHECK(reopened.get(Settings::app_wide, "empty") == "");
    CHECK_FALSE(reopened.get(Settings::app_wide, "Theme").has_value());  // keys are exact
    CHECK(s.number("SELECT count(*) FROM setting") == 3);
  });
}

TEST_CASE("settings: app-wide and each learner's are apart and a removed learner's go with them") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = store::Profiles(*s).create("Ada", t0).id;
    const auto bob = store::Profiles(*s).create("Bob", t0).id;
    Settings settings(*s);
    settings.set(Settings::app_wide, "daily_limit", "10");
    settings.set(ada, "daily_limit", "20");
    settings.set(bob, "daily_limit", "30");
    CHECK(settings.get(Settings::app_wide, "daily_limit") == "10");
    CHECK(settings.get(ada, "daily_limit") == "20");
    CHECK(settings.get(bob, "daily_limit") == "30");
    store::Profiles(*s).remove(ada);
    CHECK_FALSE(settings.get(ada, "daily_limit").has_value());
    CHECK(settings.get(bob, "daily_limit") == "30");
    CHECK(settings.get(Settings::app_wide, "daily_limit") == "10");
  });
}

TEST_CASE("settings: a value that is wholly a number but not a finite one reads as unset and is noted") {
  on_each_store([](StoreUnderTest& s) {
    Settings settings(*s);
    const std::vector<std::string> unset = {"nan", "NaN", "inf", "-inf", "1e999", "-1e999"};
    const std::vector<std::string> kept = {"0.9", "-3", "1e5", "nanny", "info", " ", "12abc"};
    for (const auto& value : unset) settings.set(7, "u" + value, value);
    for (const auto& value : kept) settings.set(7, "k" + value, value);
    for (const auto& value : unset) {
      CAPTURE(value);
      CHECK_FALSE(settings.get(7, "u" + value).has_value());
    }
    for (const auto& value : kept) {
      CAPTURE(value);
      CHECK(settings.get(7, "k" + value) == value);
    }
    CHECK(store::take_odd_rows_notice(*s).find(std::to_string(unset.size()) + " settings") != std::string::npos);
    CHECK(s.number("SELECT count(*) FROM setting WHERE value = 'nan'") == 1);  // reading wrote nothing
  });
}

TEST_CASE("settings: a stored value that is not UTF-8 reads repaired and is noted") {
  on_each_store([](StoreUnderTest& s) {
    Settings settings(*s);
    settings.set(Settings::app_wide, "theme", "dark");
    s.tamper("UPDATE setting SET value = 'da' || CAST(x'c3' AS TEXT) || 'rk'");
    CHECK(settings.get(Settings::app_wide, "theme") == "da\xEF\xBF\xBDrk");
    CHECK(store::take_odd_rows_notice(*s).find("1 setting") != std::string::npos);
  });
}

TEST_CASE("settings: several set in one transaction are all kept or none") {
  on_each_store([](StoreUnderTest& s) {
    Settings settings(*s);
    settings.set(7, "a", "old");
    CHECK_THROWS_AS(s->in_transaction([&] {
      settings.set(7, "a", "new");
      settings.set(7, "b", "new");
      throw std::runtime_error("the dialog was cancelled");
    }),
                    store::StoreError);
    s.fail_writes("INSERT", "setting", "NEW.key = 'b'");
    CHECK(test::nested_write_fails_then_outer_goes_on(*s, [&] { settings.set(7, "b", "new"); }, "on"));
    s.allow_writes("INSERT", "setting");
    s->in_transaction([&] {
      settings.set(7, "a", "newer");
      settings.set(7, "b", "newer");
    });
    s.reopen();
    CHECK(Settings(*s).get(7, "a") == "newer");
    CHECK(Settings(*s).get(7, "b") == "newer");
  });
}
