#pragma once
// The question bank as the rest of the app sees it: roles, topics, quiz questions, role-fit
// statements and study cards. Plain data; the bank/ layer fills it from TOML and checks it.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rp::core {

struct Role {
  std::string id;
  std::string name;
  std::string summary;
};

struct Topic {
  std::string id;
  std::string name;
};

enum class QuestionKind { single, multi, true_false, which_role };

std::string_view to_string(QuestionKind kind);
std::optional<QuestionKind> question_kind_from_string(std::string_view text);

struct Question {
  std::string id;
  std::vector<std::string> roles;  // the roles the question is about
  std::string topic;
  QuestionKind kind = QuestionKind::single;
  std::string prompt;
  std::vector<std::string> options;         // single and multi only
  std::vector<std::size_t> answer_indices;  // single (one) and multi (several), 0-based
  bool answer_true = false;                 // truefalse
  std::vector<std::string> answer_roles;    // which_role: one role, or several for "both"
  std::string explanation;
  std::string source;  // the article section (a topic id) or "general"
};

struct Statement {
  std::string id;
  std::string text;
  std::string topic;
  std::map<std::string, double> weights;  // role id -> how far agreeing points to it, [-1, 1]
};

struct StudyCard {
  std::string role;
  std::string topic;
  std::string text;
};

struct Bank {
  std::string id;
  std::string title;
  std::vector<Role> roles;
  std::vector<Topic> topics;
  std::vector<Question> questions;
  std::vector<Statement> statements;
  std::vector<StudyCard> cards;

  const Role* find_role(std::string_view role_id) const;
  const Topic* find_topic(std::string_view topic_id) const;
  const StudyCard* find_card(std::string_view role_id, std::string_view topic_id) const;
  // Appends everything from `other`; the caller has checked that no id collides.
  void append(Bank other);
};

// A stable fingerprint of what a learner sees of an item, so edits to the bank are noticed.
std::string content_hash(const Question& question);
std::string content_hash(const Statement& statement);

}  // namespace rp::core
