// Review that keeps its word (docs/review.md): due means due by the end of the learner's day,
// siblings are kept apart, options are shuffled and recorded, undo cannot improve a score, leeches
// can be set aside or reset, and an unfinished session survives a restart. Through the app layer,
// on real SQLite stores, with the clock and the zone set by the test.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "bank/loader.hpp"
#include "support/pick_answer.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_folder.hpp"
#include "terminal/report.hpp"
#include "app/quiz_flow.hpp"
#include "app/study.hpp"
#include "core/quiz.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

using namespace rp;

namespace {
constexpr core::TimeMs hour = 3'600'000, day = 24 * hour;

core::TimeMs local(const char* iso) {
  // Local wall time in the zone the test set, read the way ROLEPATH_NOW is.
  return app::Clock::from_local_wall(core::to_utc_ms(*core::parse_iso8601(iso), 0));
}

app::App make_app(std::unique_ptr<store::Store> s, core::TimeMs start) {
  return app::App(std::move(s), bank::load_banks({}).bank, app::Clock::starting_at(start), {});
}

// Answers the question on screen through the actions a learner's clicks push: the right options,
// or one wrong one. Returns whether it picked the right answer.
bool answer(app::App& a, bool right) {
  if (a.view().session.stage == app::SessionStage::card) a.apply(app::action::CardDismiss{});
  REQUIRE(a.view().session.stage == app::SessionStage::question);
  test::pick_answer(a, right);
  a.apply(app::action::QuizConfirm{});
  return right;
}

void finish_session(app::App& a, bool right) {
  while (a.view().session.running()) {
    answer(a, right);
    a.apply(app::action::QuizNext{});
  }
  a.apply(app::action::QuizQuit{});
}

int report_due_today(const app::App& a) {
  std::ostringstream out;
  terminal::print_report(a, 4, true, out);
  return nlohmann::json::parse(out.str()).at("due_today").get<int>();
}

std::set<std::size_t> due_now(app::App& a) {
  std::set<std::size_t> due;
  const auto today = a.study().today();
  const auto cards = store::Schedules(a.store()).all(a.profile_id());
  for (std::size_t q = 0; q < a.bank().questions.size(); ++q) {
    const auto card = cards.find(a.study().item_id(q));
    if (card != cards.end() && a.study().due_today(q, card->second, today)) due.insert(q);
  }
  return due;
}
}  // namespace

TEST_CASE("what is due today is served first and once answered it is no longer due in the window or the report") {
  test::ScopedTz tz("Europe/Berlin");
  auto a = make_app(store::Store::open_in_memory(), local("2026-03-02T18:00:00"));
  a.apply(app::action::SetQuizSetup{{{}, {}, 12}});
  a.apply(app::action::QuizStart{});
  finish_session(a, false);
  // The misses come back in a day: at 18:00 tomorrow, but due "today" from the morning on.
  a.clock().set(local("2026-03-03T08:00:00"));
  a.apply(app::action::Navigate{app::Screen::review});
  a.apply(app::action::DismissError{});
  a.reload();
  const auto due = due_now(a);
  CHECK(due.size() == 12);
  CHECK(a.view().study.due_by_day[0] == 12);
  CHECK(report_due_today(a) == 12);
  CHECK(a.view().study.review_due == 12);
  CHECK(a.view().study.review_extra == static_cast<int>(core::extra_practice_for(12)));

  a.apply(app::action::ReviewStart{});
  std::set<std::size_t> served_due;
  while (a.view().session.running()) {
    const bool is_due = a.quiz().reason() == core::ReviewReason::due;
    CHECK(a.view().session.why == (is_due ? "Due today" : "Extra practice: a weak topic"));
    // Every due question comes before any extra practice.
    if (is_due) {
      CHECK(served_due.size() < 12);
      CHECK(due.count(a.quiz().question()) == 1);
      served_due.insert(a.quiz().question());
    } else {
      CHECK(served_due.size() == 12);
    }
    answer(a, true);
    CHECK_FALSE(a.view().session.next_due.empty());
    a.apply(app::action::QuizNext{});
  }
  CHECK(served_due == due);
  CHECK(a.view().study.due_by_day[0] == 0);
  CHECK(report_due_today(a) == 0);
  CHECK(a.view().session.after.rfind("Done for today: ", 0) == 0);
}

TEST_CASE("an answer at 23:30 belongs to its evening: not due after midnight and due the next morning") {
  test::ScopedTz tz("Europe/Berlin");
  auto a = make_app(store::Store::open_in_memory(), local("2026-03-02T23:30:00"));
  a.apply(app::action::SetQuizSetup{{{}, {}, 3}});
  a.apply(app::action::QuizStart{});
  finish_session(a, false);
  a.clock().set(local("2026-03-03T01:00:00"));  // same learner day: the day starts at 04:00
  a.reload();
  CHECK(a.view().study.due_by_day[0] == 0);
  CHECK(a.view().study.due_by_day[1] == 3);
  a.clock().set(local("2026-03-03T05:00:00"));  // a new learner day: due at 23:30, so due today
  a.reload();
  CHECK(a.view().study.due_by_day[0] == 3);

  // With the day starting at midnight the same answers are due from 00:00.
  auto settings = a.view().study.settings;
  settings.day_start_hour = 0;
  a.apply(app::action::SetStudySettings{settings});
  a.clock().set(local("2026-03-03T01:00:00"));
  a.reload();
  CHECK(a.view().study.due_by_day[0] == 3);
}

TEST_CASE("learner days across daylight-saving changes last 23 and 25 hours and start at 04:00 local") {
  test::ScopedTz tz("America/New_York");
  const core::DayStart four{4};
  for (auto [y, m, d, hours] : {std::tuple{2026, 3, 6, 24}, std::tuple{2026, 3, 7, 23}, std::tuple{2026, 3, 8, 24},
                                std::tuple{2026, 10, 30, 24}, std::tuple{2026, 10, 31, 25}, std::tuple{2026, 11, 1, 24}}) {
    CAPTURE(m);
    CAPTURE(d);
    const auto day_number = core::days_from_civil(y, m, d);
    const auto start = app::Clock::learner_day_start(day_number, four);
    const auto next = app::Clock::learner_day_start(day_number + 1, four);
    CHECK(app::Clock::learner_day(start, four) == day_number);
    CHECK(app::Clock::learner_day(start - 1, four) == day_number - 1);
    // The clocks change at 02:00, inside the learner day that began at 04:00 the day before.
    CHECK((next - start) / hour == hours);
  }
}

TEST_CASE("siblings stay apart over a simulated month of daily review and quizzes") {
  test::ScopedTz tz("Europe/Berlin");
  test::TempFolder dir;
  auto a = make_app(store::Store::open(dir / "rp.db"), local("2026-03-02T19:00:00"));
  std::mt19937_64 random(11);
  std::bernoulli_distribution knows(0.8);
  const core::BankIndex index(a.bank());  // a.reload() makes a new Study each day
  int due_total = 0, due_served = 0, due_waiting = 0, served_total = 0, max_served = 0;
  for (int d = 0; d < 30; ++d) {
    a.clock().set(local("2026-03-02T19:00:00") + d * day);
    a.reload();
    const auto due_at_start = due_now(a);
    due_total += static_cast<int>(due_at_start.size());
    std::set<std::size_t> groups_today;
    int served_today = 0;
    auto run = [&](bool review) {
      std::optional<std::size_t> previous_group;
      std::set<std::size_t> groups_in_session;
      while (a.view().session.running()) {
        const auto q = a.quiz().question();
        const auto group = index.sibling_group(q);
        CHECK(groups_in_session.insert(group).second);  // never two of a group in one session
        if (review) CHECK(groups_today.count(group) == 0);  // nor a sibling of one answered today
        if (previous_group) CHECK(*previous_group != group);
        previous_group = group;
        if (due_at_start.count(q)) ++due_served;
        answer(a, knows(random));
        a.apply(app::action::QuizNext{});
        ++served_today;
      }
      for (auto g : groups_in_session) groups_today.insert(g);
      a.apply(app::action::QuizQuit{});
    };
    // Every third day a fresh quiz first, then the day's review.
    if (d % 3 == 0) {
      a.apply(app::action::SetQuizSetup{{{}, {}, 10}});
      a.apply(app::action::QuizStart{});
      run(false);
    }
    a.apply(app::action::ReviewStart{});
    run(true);
    // What was due and not served waits because a sibling was answered today (in the quiz).
    for (auto q : due_at_start) {
      const auto card = store::Schedules(a.store()).get(a.profile_id(), a.study().item_id(q));
      if (card && card->last_review < a.study().today().day_begin) {
        CHECK(groups_today.count(index.sibling_group(q)) == 1);
        ++due_waiting;
      }
    }
    CHECK(a.view().study.due_by_day[0] == 0);  // everything due was served
    served_total += served_today;
    max_served = std::max(max_served, served_today);
  }
  MESSAGE("a month: " << served_total << " questions served, " << served_total / 30.0 << " a day, at most " << max_served
                      << "; due at the start of the day " << due_total << ", served that day " << due_served
                      << ", waiting a day for a sibling answered in a quiz " << due_waiting);
  CHECK(due_served + due_waiting == due_total);
  CHECK(due_served >= due_total * 95 / 100);
  CHECK(max_served <= 10 + 50);
}

TEST_CASE("each presentation's option order is recorded with the answer and differs between presentations") {
  auto a = make_app(store::Store::open_in_memory(), 1'772'474'400'000);
  a.apply(app::action::SetQuizSetup{{{}, {}, 20}});
  a.apply(app::action::QuizStart{});
  const auto session = store::Sessions(a.store()).unfinished(a.profile_id(), core::SessionKind::quiz);
  REQUIRE(session);
  std::vector<std::vector<std::size_t>> shown;
  int reordered = 0;
  while (a.view().session.running()) {
    if (a.view().session.stage == app::SessionStage::card) a.apply(app::action::CardDismiss{});
    shown.push_back(a.view().session.option_index);
    const auto& q = a.bank().questions[a.quiz().question()];
    const auto options = core::answer_options(a.bank(), q);
    // The screen's texts are the bank's options in the shown order.
    for (std::size_t p = 0; p < shown.back().size(); ++p) CHECK(a.view().session.options[p] == options[shown.back()[p]]);
    if (q.kind == core::QuestionKind::true_false) CHECK(shown.back() == std::vector<std::size_t>{0, 1});
    if (!std::is_sorted(shown.back().begin(), shown.back().end())) ++reordered;
    answer(a, true);
    CHECK(a.view().session.correct);  // judged by the bank's option, wherever it was shown
    a.apply(app::action::QuizNext{});
  }
  const auto rows = store::Answers(a.store()).in_session(*session);
  REQUIRE(rows.size() == shown.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].shown_order == core::encode_order(shown[i]));
  CHECK(reordered >= 5);
}

TEST_CASE("an answer given again after undo counts no better than the first for mastery and scheduling") {
  test::TempFolder dir;
  auto a = make_app(store::Store::open(dir / "rp.db"), 1'772'474'400'000);
  a.apply(app::action::SetQuizSetup{{{}, {"outlook"}, 2}});
  a.apply(app::action::QuizStart{});
  const auto session = store::Sessions(a.store()).unfinished(a.profile_id(), core::SessionKind::quiz);
  const auto first = a.quiz().question();
  const auto item = a.study().item_id(first);

  answer(a, false);  // a miss
  CHECK_FALSE(a.view().session.capped);
  const auto after_miss = store::Schedules(a.store()).get(a.profile_id(), item);
  REQUIRE(after_miss);
  a.apply(app::action::QuizUndo{});
  CHECK_FALSE(store::Schedules(a.store()).get(a.profile_id(), item));  // undo restores exactly: no schedule
  CHECK(a.quiz().question() == first);
  answer(a, true);  // then right on the second try
  CHECK(a.view().session.correct);  // the feedback tells the truth about this choice
  CHECK(a.view().session.capped);   // and that it counts as the miss did
  const auto after_retry = store::Schedules(a.store()).get(a.profile_id(), item);
  REQUIRE(after_retry);
  CHECK(after_retry->lapses == 1);
  CHECK(after_retry->memory.stability == doctest::Approx(after_miss->memory.stability));
  CHECK(after_retry->due - after_retry->last_review == after_miss->due - after_miss->last_review);
  const auto rows = store::Answers(a.store()).in_session(*session);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].correct == false);
  CHECK(rows[0].after_undo);
  CHECK(a.view().session.right_count == 0);

  // A right first answer undone and given again right is not capped and scores the same.
  a.apply(app::action::QuizNext{});
  const auto second = a.study().item_id(a.quiz().question());
  answer(a, true);
  const auto good = store::Schedules(a.store()).get(a.profile_id(), second);
  a.apply(app::action::QuizUndo{});
  answer(a, true);
  CHECK_FALSE(a.view().session.capped);
  const auto again = store::Schedules(a.store()).get(a.profile_id(), second);
  REQUIRE((good && again));
  CHECK(again->lapses == 0);
  CHECK(again->due - again->last_review == good->due - good->last_review);
}

TEST_CASE("a leech set aside is served nowhere and listed until brought back and a reset makes it new") {
  test::TempFolder dir;
  const core::TimeMs t0 = 1'772'474'400'000;
  auto a = make_app(store::Store::open(dir / "rp.db"), t0);
  // One outlook question missed four times on four days: a leech, due again.
  const auto setup = app::QuizSetup{{}, {"outlook"}, 1};
  const auto q = a.quiz().pick(setup, 3).front();
  for (int d = 0; d < 4; ++d) {
    a.clock().set(t0 + d * 2 * day);
    a.quiz().start_review_of({q});
    a.refresh_session_view();
    answer(a, false);
    a.apply(app::action::QuizNext{});
  }
  a.clock().set(t0 + 9 * day);
  a.reload();
  const auto listed = [&](const auto& lines) {
    return std::any_of(lines.begin(), lines.end(), [&](const auto& line) { return line.question == q; });
  };
  REQUIRE(listed(a.view().study.leeches));
  CHECK(due_now(a).count(q) == 1);

  a.apply(app::action::SuspendQuestion{q});
  CHECK_FALSE(listed(a.view().study.leeches));
  CHECK(listed(a.view().study.suspended));
  CHECK(due_now(a).count(q) == 0);
  const auto plan = a.study().review_queue(std::nullopt, 1000);
  CHECK(std::none_of(plan.begin(), plan.end(), [&](const core::ReviewPick& p) { return p.question == q; }));
  app::QuizSetup all_outlook{{}, {"outlook"}, 1000};
  const auto quiz = a.quiz().pick(all_outlook, 5);
  CHECK(std::find(quiz.begin(), quiz.end(), q) == quiz.end());

  // Stored, so a restart keeps it.
  const auto stored = store::Suspensions(a.store()).all(a.profile_id());
  CHECK(stored == std::vector<store::RowId>{a.study().item_id(q)});
  a.apply(app::action::RestoreQuestion{q});
  CHECK(listed(a.view().study.leeches));
  CHECK_FALSE(listed(a.view().study.suspended));

  a.apply(app::action::ResetQuestion{q});
  CHECK_FALSE(listed(a.view().study.leeches));
  CHECK_FALSE(store::Schedules(a.store()).get(a.profile_id(), a.study().item_id(q)));
  CHECK(store::Answers(a.store()).count(a.profile_id()) == 4);  // its history stays
}

TEST_CASE("a quiz left by closing the window is offered again and carries on where it stopped") {
  test::TempFolder dir;
  const core::TimeMs t0 = 1'772'474'400'000;
  std::vector<std::size_t> asked;
  {
    auto a = make_app(store::Store::open(dir / "rp.db"), t0);
    a.apply(app::action::SetQuizSetup{{{}, {}, 5}});
    a.apply(app::action::QuizStart{});
    for (int i = 0; i < 2; ++i) {
      asked.push_back(a.quiz().question());
      answer(a, i == 0);
      a.apply(app::action::QuizNext{});
    }
    CHECK_FALSE(a.view().unfinished_session);  // the running quiz is not "left"
  }  // the window closes mid-quiz: no quit
  {
    auto b = make_app(store::Store::open(dir / "rp.db"), t0 + hour);
    REQUIRE(b.view().unfinished_session);
    CHECK(b.view().unfinished_session->kind == core::SessionKind::quiz);
    CHECK(b.view().unfinished_session->answered == 2);
    CHECK(b.view().unfinished_session->total == 5);
    b.apply(app::action::QuizResume{});
    CHECK(b.view().screen == app::Screen::quiz);
    CHECK(b.view().session.number == 3);
    CHECK(b.view().session.total == 5);
    CHECK(b.view().session.answered == 2);
    CHECK(b.view().session.right_count == 1);
    CHECK(std::find(asked.begin(), asked.end(), b.quiz().question()) == asked.end());
    while (b.view().session.running()) {
      answer(b, true);
      b.apply(app::action::QuizNext{});
    }
    CHECK(b.view().session.stage == app::SessionStage::summary);
    CHECK(b.view().session.answered == 5);
    CHECK(b.view().session.right_count == 4);
    b.apply(app::action::QuizQuit{});
    CHECK_FALSE(b.view().unfinished_session);
    CHECK(store::Answers(b.store()).count(b.profile_id()) == 5);
    // Another quiz left after one answer.
    b.apply(app::action::SetQuizSetup{{{}, {}, 5}});
    b.apply(app::action::QuizStart{});
    answer(b, true);
  }
  // "Leave it" ends the left session; its answer stays.
  auto c = make_app(store::Store::open(dir / "rp.db"), t0 + 2 * hour);
  REQUIRE(c.view().unfinished_session);
  CHECK(c.view().unfinished_session->answered == 1);
  c.apply(app::action::QuizDiscard{});
  CHECK_FALSE(c.view().unfinished_session);
  CHECK_FALSE(store::Sessions(c.store()).unfinished_plan(c.profile_id()));
  CHECK(store::Answers(c.store()).count(c.profile_id()) == 6);
}

TEST_CASE("a quiz whose session cannot be written does not start and a later one does") {
  auto a = make_app(store::Store::open_in_memory(), 1'772'474'400'000);
  // Every plan write fails, as on a full disk.
  a.store().connection().exec(
      "CREATE TEMP TRIGGER refuse_plan BEFORE UPDATE OF plan ON main.study_session BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  a.actions().push(app::action::SetQuizSetup{{{}, {}, 5}});
  a.actions().push(app::action::QuizStart{});
  a.apply_pending();
  CHECK(a.view().error_banner.find("disk full") != std::string::npos);
  CHECK(a.view().session.stage == app::SessionStage::none);  // nothing half-started to answer into
  CHECK(a.store().connection().execAndGet("SELECT count(*) FROM study_session").getInt() == 0);
  CHECK_FALSE(a.view().unfinished_session);
  a.store().connection().exec("DROP TRIGGER temp.refuse_plan");
  a.apply(app::action::DismissError{});
  a.apply(app::action::QuizStart{});
  REQUIRE(a.view().session.running());
  answer(a, true);
  CHECK(store::Answers(a.store()).count(a.profile_id()) == 1);
}
