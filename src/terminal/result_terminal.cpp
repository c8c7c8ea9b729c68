#include "terminal/result_terminal.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "terminal/result_json.hpp"

namespace rp::terminal {

namespace {
nlohmann::json role_id_or_null(const core::Bank& bank, const std::optional<std::size_t>& role) {
  if (role && *role < bank.roles.size()) return bank.roles[*role].id;
  return nullptr;
}

nlohmann::json reasons_json(const std::vector<app::FitReasonLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : lines) out.push_back({{"statement", line.statement}, {"answer", line.answer}});
  return out;
}

nlohmann::json result_json(const core::Bank& bank, const app::ResultDetail& d) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& bar : d.bars)
    roles.push_back({{"role", bar.role_id}, {"name", bar.name}, {"score", bar.score}, {"low", bar.low}, {"high", bar.high}});
  nlohmann::json split = nlohmann::json::array();
  for (const auto& topic : d.split_topics)
    split.push_back({{"topic", topic.topic},
                     {"lesson", topic.lesson_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(topic.lesson_id)},
                     {"answers_toward_leader", topic.toward_leader},
                     {"answers_toward_runner_up", topic.toward_runner_up}});
  return {{"date", d.date},
          {"sentence", d.sentence},
          {"outcome", d.outcome},
          {"suggested", role_id_or_null(bank, d.suggested)},
          {"sure", d.sure},
          {"answered", d.answered},
          {"roles", roles},
          {"leader", d.leader},
          {"runner_up", d.runner_up},
          {"toward_leader", reasons_json(d.toward_leader)},
          {"toward_runner_up", reasons_json(d.toward_runner_up)},
          {"what_would_tip_it", d.tip},
          {"close", d.close},
          {"caution", d.caution.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.caution)},
          {"split_topics", split},
          {"said_then", d.said_then.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.said_then)},
          {"answers_found", d.answers_found}};
}

nlohmann::json next_steps_json(const core::Bank& bank, const std::vector<app::NextSteps>& all) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& steps : all) {
    nlohmann::json lessons = nlohmann::json::array();
    for (const auto& line : steps.first_lessons)
      lessons.push_back({{"lesson", line.lesson_id}, {"topic", line.topic_id}, {"title", line.title}, {"minutes", line.minutes}});
    out.push_back({{"role", bank.roles[steps.role].id},
                   {"role_name", steps.role_name},
                   {"readiness", steps.readiness.measured ? nlohmann::json(steps.readiness.level) : nlohmann::json(nullptr)},
                   {"lessons_read", steps.read_count},
                   {"lessons", steps.path_size},
                   {"first_lessons", lessons},
                   {"start_lesson", steps.start_lesson_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(steps.start_lesson_id)}});
  }
  return out;
}
}  // namespace

nlohmann::json decision_json(const core::Bank& bank, const app::DecisionView& decision) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : decision.roles)
    roles.push_back({{"role", bank.roles[role.role].id},
                     {"role_name", role.name},
                     {"mastery", role.measured ? nlohmann::json(role.level) : nlohmann::json(nullptr)},
                     {"mastery_score", role.measured ? nlohmann::json(role.score) : nlohmann::json(nullptr)},
                     {"lessons_read", role.lessons_read},
                     {"lessons", role.lessons}});
  return {{"taken", decision.taken},
          {"lean", role_id_or_null(bank, decision.lean)},
          {"sure", decision.taken && decision.lean ? nlohmann::json(decision.sure) : nlohmann::json(nullptr)},
          {"lean_text", decision.lean_text},
          {"readiness", roles},
          {"next",
           {{"role", bank.roles.empty() ? nlohmann::json(nullptr) : nlohmann::json(bank.roles[decision.next_role].id)},
            {"lesson", decision.next_lesson_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(decision.next_lesson_id)},
            {"text", decision.next_text}}}};
}

void print_result_detail(const app::ResultDetail& d, std::ostream& out) {
  fmt::print(out, "{}\n", d.sentence);
  fmt::print(out, "Given on {}{}.\n\n", d.date, d.answered > 0 ? fmt::format(", from {} answers", d.answered) : "");
  if (!d.caution.empty()) fmt::print(out, "{}\n\n", d.caution);
  if (!d.said_then.empty()) fmt::print(out, "When it was given it read: {}\n\n", d.said_then);
  for (const auto& bar : d.bars)
    fmt::print(out, "  {:<36} {:>3.0f} of 100  (90% interval {:.0f} to {:.0f})\n", bar.name, bar.score, bar.low,
               bar.high);
  if (!d.answers_found) {
    fmt::print(out, "\nThe answers behind this result are no longer in the bank, so its reasons cannot be shown.\n");
    return;
  }
  auto reasons = [&out](const std::string& role, const std::vector<app::FitReasonLine>& lines) {
    fmt::print(out, "\nPointing to {}:\n", role);
    if (lines.empty()) fmt::print(out, "  (none of your answers)\n");
    for (const auto& line : lines) fmt::print(out, "  - {} (you said: {})\n", line.statement, line.answer);
  };
  reasons(d.leader, d.toward_leader);
  reasons(d.runner_up, d.toward_runner_up);
  fmt::print(out, "\nWhat would tip it:\n");
  for (const auto& sentence : d.tip) fmt::print(out, "  {}\n", sentence);
  if (!d.split_topics.empty()) {
    fmt::print(out, "\nWhat would separate the roles for you: your answers pointed both ways on\n");
    for (const auto& topic : d.split_topics)
      fmt::print(out, "  - {} ({} toward {}, {} toward {})\n", topic.topic, topic.toward_leader, d.leader,
                 topic.toward_runner_up, d.runner_up);
    fmt::print(out, "Reading those lessons and answering more statements on them would tell the roles apart.\n");
  }
}

void print_decision(const app::DecisionView& decision, std::ostream& out) {
  fmt::print(out, "\nYour decision so far\n  Interest: {}\n", decision.lean_text);
  for (const auto& role : decision.roles)
    fmt::print(out, "  Readiness for {}: {}; {} of {} lessons read\n", role.name,
               role.measured ? fmt::format("{} ({:.0f}% of its questions likely recalled)", role.level, role.score * 100)
                             : std::string("not measured yet"),
               role.lessons_read, role.lessons);
  fmt::print(out, "  Next: {}\n", decision.next_text);
}

int print_result(const app::App& app, bool json, std::ostream& out) {
  const auto& view = app.view();
  const auto& bank = app.bank();
  if (json) {
    nlohmann::json history = nlohmann::json::array();
    for (const auto& point : view.fit.history)
      history.push_back({{"date", point.date}, {"outcome", point.outcome}, {"sure", point.sure}, {"sentence", point.sentence}});
    const nlohmann::json report = {
        {"profile", view.profile_name},
        {"result", view.result.has_result ? result_json(bank, view.result.latest) : nlohmann::json(nullptr)},
        {"next_steps", next_steps_json(bank, view.result.next_steps)},
        {"decision", decision_json(bank, view.result.decision)},
        {"history", history}};
    out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
  }
  if (!view.result.has_result) {
    fmt::print(out, "No role-fit result yet. Take the questionnaire: rolepath fit --terminal\n");
  } else {
    print_result_detail(view.result.latest, out);
  }
  for (const auto& steps : view.result.next_steps) {
    fmt::print(out, "\nNext steps for {} ({} of {} lessons read; readiness: {}):\n", steps.role_name, steps.read_count,
               steps.path_size, steps.readiness.measured ? steps.readiness.level : "not measured yet");
    if (steps.first_lessons.empty()) fmt::print(out, "  Every lesson is read: review to keep them fresh (rolepath review --terminal).\n");
    for (std::size_t i = 0; i < steps.first_lessons.size(); ++i)
      fmt::print(out, "  {}. {} ({} min)\n", i + 1, steps.first_lessons[i].title, steps.first_lessons[i].minutes);
    if (!steps.first_lessons.empty())
      fmt::print(out, "  Start with: rolepath learn --terminal --role {} --topic {}\n", bank.roles[steps.role].id,
                 steps.first_lessons.front().topic_id);
  }
  print_decision(view.result.decision, out);
  if (view.fit.history.size() > 1) {
    fmt::print(out, "\nEarlier results, newest first:\n");
    for (std::size_t i = view.fit.history.size() - 1; i-- > 0;)
      fmt::print(out, "  {}  {}\n", view.fit.history[i].date, view.fit.history[i].sentence);
  }
  return 0;
}

}  // namespace rp::terminal
