// store::FitResults on an in-memory database and on a file.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "support/store_under_test.hpp"

using namespace rp;
using test::on_each_store;
using test::StoreUnderTest;
using test::t0;

namespace {
store::FitRecord result(store::RowId session, core::TimeMs at, std::optional<std::string> suggested, double sure,
                        std::string detail = "{}") {
  return {0, session, at, std::move(suggested), sure, std::move(detail)};
}
}  // namespace

TEST_CASE("fit results: saved results read back field by field oldest first") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::FitResults fits(*s);
    const auto later = fits.save(ada.profile.id, result(ada.session, t0 + 500, "engineer", 0.25, R"({"lean":-0.5})"));
    const auto first = fits.save(ada.profile.id, result(ada.session, t0, std::nullopt, 0.5));
    const auto tie = fits.save(ada.profile.id, result(ada.session, t0 + 500, "analyst", 0.75));
    s.reopen();
    const auto history = store::FitResults(*s).history(ada.profile.id);
    REQUIRE(history.size() == 3);
    CHECK(history[0].id == first);
    CHECK(history[1].id == later);
    CHECK(history[2].id == tie);
    CHECK_FALSE(history[0].suggested.has_value());
    CHECK(history[1].session_id == ada.session);
    CHECK(history[1].computed_ms == t0 + 500);
    CHECK(history[1].suggested == "engineer");
    CHECK(history[1].sure == 0.25);
    CHECK(history[1].detail_json == R"({"lean":-0.5})");
  });
}

TEST_CASE("fit results: each learner sees only their own history") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    const auto bob = test::learner(*s, "Bob");
    store::FitResults fits(*s);
    fits.save(ada.profile.id, result(ada.session, t0, "analyst", 0.6));
    fits.save(bob.profile.id, result(bob.session, t0, "engineer", 0.6));
    fits.save(bob.profile.id, result(bob.session, t0 + 1, "engineer", 0.6));
    CHECK(fits.history(ada.profile.id).size() == 1);
    CHECK(fits.history(bob.profile.id).size() == 2);
    CHECK(fits.history(bob.profile.id + 50).empty());
  });
}

TEST_CASE("fit results: sureness is stored as a share and a result needs its session") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::FitResults fits(*s);
    fits.save(ada.profile.id, result(ada.session, t0, "analyst", 7));
    fits.save(ada.profile.id, result(ada.session, t0 + 1, "analyst", -2));
    fits.save(ada.profile.id, result(ada.session, t0 + 2, "analyst", std::numeric_limits<double>::quiet_NaN()));
    fits.save(ada.profile.id, result(ada.session, t0 + 3, "analyst", -std::numeric_limits<double>::infinity()));
    const auto history = fits.history(ada.profile.id);
    REQUIRE(history.size() == 4);
    CHECK(history[0].sure == 1);
    CHECK(history[1].sure == 0);
    CHECK(history[2].sure == 0.5);
    CHECK(history[3].sure == 0.5);
    CHECK(s.number("SELECT count(*) FROM fit_result WHERE sureness BETWEEN 0 AND 1") == 4);  // as stored
    CHECK(store::take_odd_rows_notice(*s).empty());
    CHECK_THROWS_AS(fits.save(ada.profile.id, result(ada.session + 100, t0, "analyst", 0.5)), store::StoreError);
    CHECK(fits.history(ada.profile.id).size() == 4);
  });
}

TEST_CASE("fit results: stored results out of range are clamped or skipped on read and noted") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    store::FitResults fits(*s);
    const auto kept = fits.save(ada.profile.id, result(ada.session, t0, "analyst", 0.5));
    const auto undated = fits.save(ada.profile.id, result(ada.session, t0 + 1, "analyst", 0.5));
    s.tamper("UPDATE fit_result SET sureness = 7, detail_json = 'not json' WHERE id = " + std::to_string(kept) + ";" +
             "UPDATE fit_result SET computed_ms = 9e18 WHERE id = " + std::to_string(undated) + ";");
    const auto history = fits.history(ada.profile.id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].id == kept);
    CHECK(history[0].sure == 1);
    CHECK(history[0].detail_json == "not json");  // the store does not parse it; the app reads it
    CHECK(store::take_odd_rows_notice(*s).find("2 role-fit results") != std::string::npos);
  });
}

TEST_CASE("fit results: a save that fails inside a transaction is undone and the outer one goes on") {
  on_each_store([](StoreUnderTest& s) {
    const auto ada = test::learner(*s, "Ada");
    s.fail_writes("INSERT", "fit_result");
    CHECK(test::nested_write_fails_then_outer_goes_on(
        *s, [&] { store::FitResults(*s).save(ada.profile.id, result(ada.session, t0, "analyst", 0.5)); }, "on"));
    s.allow_writes("INSERT", "fit_result");
    // Saved and the session finished together, as the questionnaire does.
    s->in_transaction([&] {
      store::FitResults(*s).save(ada.profile.id, result(ada.session, t0, "analyst", 0.5));
      store::Sessions(*s).finish(ada.session, t0);
    });
    s.reopen();
    CHECK(store::FitResults(*s).history(ada.profile.id).size() == 1);
    CHECK_FALSE(store::Sessions(*s).unfinished(ada.profile.id, core::SessionKind::quiz).has_value());
  });
}
