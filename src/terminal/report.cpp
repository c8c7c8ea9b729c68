#include "terminal/report.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>
#include <cmath>
#include <ostream>

#include "terminal/result_json.hpp"
#include "terminal/result_terminal.hpp"

namespace rp::terminal {

namespace {
nlohmann::json report_json(const app::App& app, int weeks) {
  const auto& view = app.view();
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& row : view.study.topics) {
    if (row.total == 0) continue;  // not on this role's path
    topics.push_back({{"role", row.role_id},
                      {"role_name", row.role},
                      {"topic", row.topic_id},
                      {"topic_name", row.topic},
                      {"mastery", row.level},
                      {"mastery_score", row.score},
                      {"questions_seen", row.seen},
                      {"questions", row.total},
                      {"answers", row.answers},
                      {"correct", row.correct},
                      {"accuracy", row.answers > 0 ? nlohmann::json(static_cast<double>(row.correct) / static_cast<double>(row.answers))
                                                   : nlohmann::json(nullptr)},
                      {"due", row.due}});
  }
  nlohmann::json weak = nlohmann::json::array();
  for (auto index : view.study.weak) {
    const auto& row = view.study.topics[index];
    weak.push_back({{"role", row.role_id}, {"topic", row.topic_id}, {"mastery", row.level}, {"mastery_score", row.score}});
  }
  nlohmann::json leeches = nlohmann::json::array();
  for (const auto& leech : view.study.leeches)
    leeches.push_back({{"prompt", leech.prompt}, {"misses", leech.misses}, {"explanation", leech.explanation}});
  nlohmann::json fit = nullptr;
  if (!view.fit.history.empty()) {
    const auto& last = view.fit.history.back();
    fit = {{"date", last.date}, {"outcome", last.outcome}, {"sure", last.sure}, {"sentence", last.sentence}};
  }
  nlohmann::json week_rows = nlohmann::json::array();
  for (const auto& w : app.weekly(weeks))
    week_rows.push_back({{"iso_week", core::to_string(w.week)},
                         {"starts", core::format_day(w.monday)},
                         {"answers", w.graded},
                         {"questionnaire_answers", w.answers - w.graded},
                         {"correct", w.correct},
                         {"minutes", std::round(w.minutes() * 10) / 10},
                         {"goal_met", w.goal_met}});
  return {{"profile", view.profile_name},
          {"weeks", week_rows},
          {"generated_at", core::format_iso8601_utc(app.clock().now())},
          {"answers_total", view.answers_total},
          {"topics", topics},
          {"weak_topics", weak},
          {"leeches", leeches},
          {"due_today", view.study.due_by_day[0]},
          {"latest_fit", fit},
          {"decision", decision_json(app.bank(), view.result.decision)}};
}
}  // namespace

void print_report(const app::App& app, int weeks, bool json, std::ostream& out) {
  if (json) {
    // Text read back from the database is made valid UTF-8 as it is read; should any invalid
    // byte still reach this point, it becomes U+FFFD rather than an exception and no report.
    out << report_json(app, weeks).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  const auto& view = app.view();
  fmt::print(out, "RolePath report for {}\n{} answer{} recorded, {} question{} due today\n\n", view.profile_name,
             view.answers_total, view.answers_total == 1 ? "" : "s", view.study.due_by_day[0],
             view.study.due_by_day[0] == 1 ? "" : "s");
  const auto goal = app.goal();
  fmt::print(out, "The last {} weeks{}\n", weeks,
             goal ? fmt::format(" (goal: {} {} a week)", goal->target, core::to_string(goal->unit)) : std::string());
  fmt::print(out, "{:<10} {:<11} {:>8} {:>8} {:>8}  {}\n", "Week", "Starts", "Answers", "Right", "Minutes", "Goal");
  for (const auto& w : app.weekly(weeks))
    fmt::print(out, "{:<10} {:<11} {:>8} {:>8} {:>8.0f}  {}\n", core::to_string(w.week), core::format_day(w.monday),
               w.graded, w.correct, w.minutes(), goal ? (w.goal_met ? "met" : "not met") : "-");
  fmt::print(out, "\n{:<36} {:<20} {:<12} {:>8} {:>5}\n", "Role", "Topic", "Mastery", "Accuracy", "Due");
  for (const auto& row : view.study.topics) {
    if (row.total == 0) continue;  // not on this role's path
    const std::string accuracy =
        row.answers > 0 ? fmt::format("{:.0f}%", 100.0 * static_cast<double>(row.correct) / static_cast<double>(row.answers)) : "-";
    fmt::print(out, "{:<36} {:<32} {:<12} {:>8} {:>5}\n", row.role, row.topic, row.level, accuracy, row.due);
  }
  fmt::print(out, "\nWeakest topics:\n");
  if (view.study.weak.empty()) fmt::print(out, "  none yet\n");
  for (std::size_t i = 0; i < std::min<std::size_t>(5, view.study.weak.size()); ++i) {
    const auto& row = view.study.topics[view.study.weak[i]];
    fmt::print(out, "  {}. {} · {} ({}, {:.0f}% likely recalled in a week)\n", i + 1, row.role, row.topic, row.level,
               row.score * 100);
  }
  fmt::print(out, "\nLatest role fit: {}\n",
             view.fit.history.empty() ? std::string("not taken yet") : view.fit.history.back().sentence);
  print_decision(view.result.decision, out);
}

}  // namespace rp::terminal
