#include "terminal/bank_json.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace rp::terminal {

namespace {
nlohmann::json source_json(const core::Source& source) {
  if (source.title.empty()) return nullptr;
  return {{"title", source.title}, {"url", source.url}};
}

nlohmann::json answer_json(const core::Question& q) {
  switch (q.kind) {
    case core::QuestionKind::single: return q.answer_indices.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.answer_indices[0]);
    case core::QuestionKind::multi: return q.answer_indices;
    case core::QuestionKind::true_false: return q.answer_true;
    case core::QuestionKind::which_role: return q.answer_roles;
  }
  return nullptr;
}
}  // namespace

void print_bank_json(const core::Bank& bank, std::ostream& out) {
  nlohmann::json roles = nlohmann::json::array(), topics = nlohmann::json::array(), lessons = nlohmann::json::array(),
                 questions = nlohmann::json::array(), statements = nlohmann::json::array();
  for (const auto& role : bank.roles) roles.push_back({{"id", role.id}, {"name", role.name}, {"summary", role.summary}});
  for (const auto& topic : bank.topics) topics.push_back({{"id", topic.id}, {"name", topic.name}});
  for (const auto& lesson : bank.lessons) {
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& source : lesson.sources) sources.push_back(source_json(source));
    for (const auto& role : lesson.roles)
      lessons.push_back({{"id", lesson.id},
                         {"role", role},
                         {"topic", lesson.topic},
                         {"title", lesson.title},
                         {"text", lesson.text},
                         {"sources", sources}});
  }
  for (const auto& q : bank.questions) {
    questions.push_back({{"id", q.id},
                         {"roles", q.roles},
                         {"topic", q.topic},
                         {"kind", core::to_string(q.kind)},
                         {"prompt", q.prompt},
                         {"options", q.options},
                         {"answer", answer_json(q)},
                         {"explanation", q.explanation},
                         {"section", q.section.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.section)},
                         {"level", core::to_string(q.level)},
                         {"fact", q.fact.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.fact)},
                         {"reference", source_json(q.reference)},
                         {"source", q.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.source)}});
  }
  for (const auto& s : bank.statements)
    statements.push_back({{"id", s.id}, {"text", s.text}, {"topic", s.topic}, {"weights", s.weights}});
  const nlohmann::json all = {{"bank", {{"id", bank.id}, {"title", bank.title}}},
                              {"roles", roles},
                              {"topics", topics},
                              {"lessons", lessons},
                              {"questions", questions},
                              {"statements", statements}};
  out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace rp::terminal
