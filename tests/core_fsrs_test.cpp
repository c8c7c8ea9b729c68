// FSRS-6 against a worked example computed by hand from the published formulas (independently,
// in a short script outside this code base), plus scheduling properties.
#include <doctest/doctest.h>

#include "core/fsrs.hpp"
#include "core/mastery.hpp"
#include "core/quiz.hpp"

using namespace rp::core;

namespace {
struct Step {
  double day;
  int grade;
  double stability, difficulty, retrievability;  // retrievability at the review; -1 for the first
  int interval_days;
};

// One card: Good, Good, Easy, Hard the same day, a lapse, Good the same day, then on to a second
// lapse and recovery. Desired retention 0.9. Recomputed with ts-fsrs 5.4.2's next_state,
// forgetting_curve and its scheduler's interval rule (a step less than a day after the last passed
// as 0 days) since the same-day Hard at day 9.25 no longer lowers stability (27.16 before).
constexpr Step history[] = {
    {0, 3, 2.3065, 2.11810397, -1, 2},
    {2, 3, 10.96433194, 2.11121424, 0.90949326, 11},
    {9, 4, 58.08519285, 1, 0.92779044, 58},
    {9.25, 2, 58.08519285, 4.01060897, 0.99935094, 58},
    {30, 1, 2.82134005, 8.01655626, 0.95475506, 3},
    {30.5, 3, 2.82134005, 8.00376807, 0.97560079, 4},
    {32, 3, 5.18568144, 7.99099267, 0.93735972, 5},
    {40, 2, 10.34234436, 8.65155569, 0.8675741, 10},
    {55, 3, 21.77384591, 8.6381325, 0.87249846, 22},
    {90, 1, 2.0714934, 9.53759178, 0.8642438, 2},
    {91, 3, 2.89589796, 9.52328256, 0.9420013, 4},
    {100, 4, 10.17718039, 9.34921418, 0.80609079, 10},
};

TimeMs at_day(double day) { return static_cast<TimeMs>(day * ms_per_day); }
}  // namespace

TEST_CASE("FSRS-6 reproduces a twelve-step worked example to 1e-6") {
  const Fsrs fsrs;
  std::optional<CardState> card;
  for (const auto& step : history) {
    CAPTURE(step.day);
    if (card) {
      const double elapsed = step.day - static_cast<double>(card->last_review) / ms_per_day;
      CHECK(fsrs.retrievability(elapsed, card->memory.stability) == doctest::Approx(step.retrievability).epsilon(1e-6));
    }
    card = fsrs.review(card, at_day(step.day), static_cast<Grade>(step.grade));
    CHECK(card->memory.stability == doctest::Approx(step.stability).epsilon(1e-6));
    CHECK(card->memory.difficulty == doctest::Approx(step.difficulty).epsilon(1e-6));
    CHECK(card->due - card->last_review == at_day(step.interval_days));
  }
  CHECK(card->reps == 12);
  CHECK(card->lapses == 2);
}

TEST_CASE("FSRS-6 retrievability and intervals at known points") {
  const Fsrs fsrs;
  CHECK(fsrs.retrievability(0, 5) == doctest::Approx(1.0));
  CHECK(fsrs.retrievability(10, 5) == doctest::Approx(0.845884645149).epsilon(1e-9));
  CHECK(fsrs.interval_days(10) == doctest::Approx(10.0).epsilon(1e-9));  // S is the 90% interval
  FsrsParameters high, low;
  high.desired_retention = 0.97;
  low.desired_retention = 0.80;
  CHECK(Fsrs(high).interval_days(10) == doctest::Approx(2.2276844074).epsilon(1e-8));
  CHECK(Fsrs(low).interval_days(10) == doctest::Approx(33.1595978623).epsilon(1e-8));
}

TEST_CASE("scheduling: a right answer never gives a shorter interval than a wrong one") {
  const Fsrs fsrs;
  for (double stability : {0.5, 2.0, 10.0, 60.0})
    for (double difficulty : {1.0, 5.0, 9.5})
      for (double elapsed : {0.2, 1.0, 5.0, 30.0, 200.0}) {
        CAPTURE(stability);
        CAPTURE(difficulty);
        CAPTURE(elapsed);
        const MemoryState state{stability, difficulty};
        const double again = fsrs.next(state, elapsed, Grade::again).stability;
        const double hard = fsrs.next(state, elapsed, Grade::hard).stability;
        const double good = fsrs.next(state, elapsed, Grade::good).stability;
        const double easy = fsrs.next(state, elapsed, Grade::easy).stability;
        CHECK(again <= hard);
        CHECK(hard <= good);
        CHECK(good <= easy);
      }
  for (Grade g : {Grade::hard, Grade::good, Grade::easy})
    CHECK(fsrs.initial(Grade::again).stability <= fsrs.initial(g).stability);
}

TEST_CASE("scheduling: intervals grow with stability and 0.97 retention gives shorter ones than 0.80") {
  FsrsParameters high, low;
  high.desired_retention = 0.97;
  low.desired_retention = 0.80;
  double previous = 0;
  for (double stability : {0.1, 1.0, 3.0, 10.0, 100.0}) {
    const double interval = Fsrs().interval_days(stability);
    CHECK(interval > previous);
    previous = interval;
    CHECK(Fsrs(high).interval_days(stability) < Fsrs(low).interval_days(stability));
  }
}

TEST_CASE("quiz answers map to grades as documented") {
  CHECK(grade_answer(false, true, 1000) == Grade::again);
  CHECK(grade_answer(true, false, 1000) == Grade::hard);
  CHECK(grade_answer(true, std::nullopt, 60'000) == Grade::hard);
  CHECK(grade_answer(true, std::nullopt, 5000) == Grade::good);
  CHECK(grade_answer(true, true, 20'000) == Grade::good);
  CHECK(grade_answer(true, true, 5000) == Grade::easy);
}

TEST_CASE("mastery decays as days pass without review") {
  const Fsrs fsrs;
  std::vector<std::optional<CardState>> cards;
  for (int i = 0; i < 5; ++i) {
    auto card = fsrs.review(std::nullopt, 0, Grade::good);
    card = fsrs.review(card, at_day(3), Grade::good);
    cards.push_back(card);
  }
  const auto fresh = topic_mastery(cards, at_day(3), fsrs);
  const auto month = topic_mastery(cards, at_day(33), fsrs);
  const auto year = topic_mastery(cards, at_day(400), fsrs);
  CHECK(fresh.level == MasteryLevel::mastered);
  CHECK(fresh.score > month.score);
  CHECK(month.score > year.score);
  CHECK(year.level < month.level);
  CHECK(year.level >= MasteryLevel::attempted);  // once started, never "not started" again
}

TEST_CASE("mastery counts unseen questions and neither a fresh miss nor one right pass is mastery") {
  const Fsrs fsrs;
  std::vector<std::optional<CardState>> cards(10);
  CHECK(topic_mastery(cards, 0, fsrs).level == MasteryLevel::not_started);
  cards[0] = fsrs.review(std::nullopt, 0, Grade::again);
  const auto after_miss = topic_mastery(cards, 0, fsrs);
  CHECK(after_miss.level == MasteryLevel::attempted);
  CHECK(after_miss.seen == 1);
  CHECK(after_miss.total == 10);
  CHECK(recall_in_a_week(*cards[0], 0, fsrs) < 0.7);
  for (auto& card : cards) card = fsrs.review(std::nullopt, 0, Grade::good);
  CHECK(topic_mastery(cards, 0, fsrs).level == MasteryLevel::proficient);  // one pass is not mastery yet
  for (auto& card : cards) card = fsrs.review(card, at_day(3), Grade::good);
  CHECK(topic_mastery(cards, at_day(3), fsrs).level == MasteryLevel::mastered);
}

TEST_CASE("answer options and correctness for every kind of question") {
  Bank bank;
  bank.roles = {{"a", "AI Architect", ""}, {"e", "ML Engineer", ""}};
  Question which;
  which.kind = QuestionKind::which_role;
  which.roles = {"a", "e"};
  which.answer_roles = {"a", "e"};
  CHECK(answer_options(bank, which) == std::vector<std::string>{"AI Architect", "ML Engineer", "Both"});
  CHECK(is_correct(bank, which, {2}));
  CHECK_FALSE(is_correct(bank, which, {0}));
  which.answer_roles = {"e"};
  CHECK(is_correct(bank, which, {1}));
  CHECK_FALSE(is_correct(bank, which, {2}));

  Question tf;
  tf.kind = QuestionKind::true_false;
  tf.answer_true = false;
  CHECK(answer_options(bank, tf) == std::vector<std::string>{"True", "False"});
  CHECK(is_correct(bank, tf, {1}));

  Question multi;
  multi.kind = QuestionKind::multi;
  multi.options = {"w", "x", "y", "z"};
  multi.answer_indices = {0, 2};
  CHECK(picks_several(multi));
  CHECK(is_correct(bank, multi, {0, 2}));
  CHECK_FALSE(is_correct(bank, multi, {0}));
  CHECK_FALSE(is_correct(bank, multi, {0, 1, 2}));
  CHECK_FALSE(is_correct(bank, multi, {}));

  CHECK(encode_choice({0, 2, 11}) == "0,2,11");
  CHECK(decode_choice("0,2,11") == std::set<std::size_t>{0, 2, 11});
}
