#include "app/demo.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "app/fit_flow.hpp"
#include "app/quiz_flow.hpp"
#include "core/quiz.hpp"
#include "store/repositories.hpp"
#include "store/store.hpp"

namespace rp::app {

namespace {
constexpr core::TimeMs minute = 60'000;
constexpr core::TimeMs day_ms = 86'400'000;

struct Learner {
  std::mt19937_64 rng;
  std::map<std::string, double> start_recall;  // per topic, before any practice
  int practice = 0;                            // answers given so far

  bool knows(const std::string& topic) {
    const double start = start_recall[topic];
    // Recall climbs from the starting level toward 95% with practice.
    const double p = start + (0.95 - start) * (1.0 - std::exp(-practice / 400.0));
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
  }
  core::TimeMs latency() { return std::uniform_int_distribution<core::TimeMs>(4'000, 22'000)(rng); }
};

void answer_current(App& app, Learner& learner) {
  auto& quiz = app.quiz();
  auto& clock = app.clock();
  if (quiz.stage() == SessionStage::card) {
    clock.set(clock.now() + 40'000);  // reading the card
    quiz.dismiss_card();
  }
  const auto& question = app.bank().questions[quiz.question()];
  const auto right = core::correct_options(app.bank(), question);
  const auto options = core::answer_options(app.bank(), question);
  if (learner.knows(question.topic)) {
    for (auto i : right) quiz.pick_option(i);
  } else {
    for (std::size_t i = 0; i < options.size(); ++i)
      if (!right.count(i)) {
        quiz.pick_option(i);
        break;
      }
  }
  clock.set(clock.now() + learner.latency());
  quiz.confirm();
  ++learner.practice;
  clock.set(clock.now() + 3'000);  // reading the explanation
  quiz.next();
}

int take_questionnaire(App& app, Learner& learner, double lean_to_first) {
  auto& fit = app.fit();
  const auto& bank = app.bank();
  fit.start_new();
  std::normal_distribution<double> noise(0.0, 0.5);
  while (fit.stage() == FitStage::asking) {
    const auto& statement = bank.statements[*fit.current()];
    const auto weight = [&](std::size_t r) {
      const auto it = statement.weights.find(bank.roles[r].id);
      return it == statement.weights.end() ? 0.0 : it->second;
    };
    const double latent = lean_to_first * (weight(0) - (bank.roles.size() > 1 ? weight(1) : 0.0)) + noise(learner.rng);
    app.clock().set(app.clock().now() + learner.latency());
    fit.answer(std::clamp(static_cast<int>(std::lround(3 + 2 * std::clamp(latent, -1.0, 1.0))), 1, 5));
  }
  return fit.stage() == FitStage::done ? 1 : 0;
}
}  // namespace

DemoSummary simulate_study(App& app, int weeks, std::uint64_t seed, int reviews_per_day) {
  DemoSummary summary;
  Learner learner{std::mt19937_64(seed), {}, 0};
  std::uniform_real_distribution<double> unit(0, 1);
  for (const auto& topic : app.bank().topics) learner.start_recall[topic.id] = 0.35 + 0.35 * unit(learner.rng);

  auto& clock = app.clock();
  const auto real_now = clock.now();
  const auto today = Clock::local_day(real_now);
  const auto first = core::monday_of(today) - static_cast<core::LocalDay>(weeks - 1) * 7;
  const auto answers_before = store::Answers(app.store()).count(app.profile_id());
  bool skipping_week = false;
  const auto halfway = first + static_cast<core::LocalDay>(weeks / 2) * 7;
  bool second_fit_done = weeks < 2;

  for (auto day = first; day <= today; ++day) {
    if (core::weekday(day) == 1) skipping_week = day != first && unit(learner.rng) < 0.12;
    const bool weekend = core::weekday(day) >= 6;
    const bool studies = day == first || (!skipping_week && unit(learner.rng) < (weekend ? 0.35 : 0.65));
    // Evening study, 18:00 to 22:00 local time.
    const auto evening = day * day_ms - static_cast<core::TimeMs>(Clock::local_offset_minutes(day * day_ms)) * minute +
                         18 * 60 * minute + static_cast<core::TimeMs>(unit(learner.rng) * 240) * minute;
    if (studies && evening < real_now) {
      clock.set(evening);
      app.store().in_transaction([&] {
        // A role-fit result on the first day and on the first study day past half-way.
        if (day == first || (!second_fit_done && day >= halfway)) {
          second_fit_done = second_fit_done || day >= halfway;
          summary.fit_results += take_questionnaire(app, learner, 0.55);
        }
        if (summary.days_studied % 4 == 0) {
          app.quiz().start_quiz({{}, {}, 10});
          while (app.quiz().stage() == SessionStage::question || app.quiz().stage() == SessionStage::card)
            answer_current(app, learner);
          app.quiz().quit();
        }
        app.quiz().start_review(std::nullopt);
        int budget = std::uniform_int_distribution<int>(reviews_per_day / 2, reviews_per_day * 3 / 2)(learner.rng);
        while ((app.quiz().stage() == SessionStage::question || app.quiz().stage() == SessionStage::card) &&
               budget-- > 0)
          answer_current(app, learner);
        app.quiz().quit();
      });
      ++summary.days_studied;
    }
    if (core::weekday(day) == 7 || day == today) {
      clock.set(std::min(real_now, (day + 1) * day_ms - 1 - static_cast<core::TimeMs>(Clock::local_offset_minutes(day * day_ms)) * minute));
      app.record_mastery_snapshot();
    }
  }
  clock.set(real_now);
  summary.answers = store::Answers(app.store()).count(app.profile_id()) - answers_before;
  app.reload();
  return summary;
}

}  // namespace rp::app
