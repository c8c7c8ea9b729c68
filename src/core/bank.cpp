#include "core/bank.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <iterator>

namespace rp::core {

std::string_view to_string(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::single: return "single";
    case QuestionKind::multi: return "multi";
    case QuestionKind::true_false: return "truefalse";
    case QuestionKind::which_role: return "which_role";
  }
  return "single";
}

std::optional<QuestionKind> question_kind_from_string(std::string_view text) {
  for (auto kind : {QuestionKind::single, QuestionKind::multi, QuestionKind::true_false,
                    QuestionKind::which_role}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

const Role* Bank::find_role(std::string_view role_id) const {
  for (const auto& role : roles)
    if (role.id == role_id) return &role;
  return nullptr;
}

const Topic* Bank::find_topic(std::string_view topic_id) const {
  for (const auto& topic : topics)
    if (topic.id == topic_id) return &topic;
  return nullptr;
}

const StudyCard* Bank::find_card(std::string_view role_id, std::string_view topic_id) const {
  for (const auto& card : cards)
    if (card.role == role_id && card.topic == topic_id) return &card;
  return nullptr;
}

namespace {
template <typename T>
void move_append(std::vector<T>& into, std::vector<T>& from) {
  into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// FNV-1a over fields separated by a byte that never occurs in text, so ("ab","c") != ("a","bc").
class Fingerprint {
 public:
  Fingerprint& add(std::string_view text) {
    for (unsigned char c : text) mix(c);
    mix(0x1f);
    return *this;
  }
  std::string hex() const { return fmt::format("{:016x}", state_); }

 private:
  void mix(unsigned char c) {
    state_ ^= c;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};
}  // namespace

void Bank::append(Bank other) {
  move_append(roles, other.roles);
  move_append(topics, other.topics);
  move_append(questions, other.questions);
  move_append(statements, other.statements);
  move_append(cards, other.cards);
}

std::string content_hash(const Question& question) {
  Fingerprint print;
  print.add(to_string(question.kind)).add(question.topic).add(question.prompt);
  for (const auto& role : question.roles) print.add(role);
  for (const auto& option : question.options) print.add(option);
  for (auto index : question.answer_indices) print.add(std::to_string(index));
  print.add(question.answer_true ? "true" : "false");
  for (const auto& role : question.answer_roles) print.add(role);
  print.add(question.explanation);
  return print.hex();
}

std::string content_hash(const Statement& statement) {
  Fingerprint print;
  print.add(statement.topic).add(statement.text);
  for (const auto& [role, weight] : statement.weights) print.add(role).add(fmt::format("{:.4f}", weight));
  return print.hex();
}

}  // namespace rp::core
