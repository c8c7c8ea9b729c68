#pragma once
// The question bank as the rest of the app sees it: roles, topics, lessons, quiz questions,
// role-fit statements and study cards. Plain data; the bank/ layer fills it from TOML and checks it.
#include <cstddef>
#include <map>
#include <optional>
#include <span>
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
// Foundation: a concept, a definition in use, what a tool is for. Practitioner: a short scenario,
// a trade-off, a failure to diagnose.
enum class QuestionLevel { foundation, practitioner };

std::string_view to_string(QuestionLevel level);
std::optional<QuestionLevel> question_level_from_string(std::string_view text);

// A public page a lesson or question rests on.
struct Source {
  std::string title;
  std::string url;
  bool operator==(const Source&) const = default;
};

// What to read before a topic's quiz: Markdown-subset text (core/markdown.hpp) about one topic
// for the roles it lists, with the pages it rests on.
struct Lesson {
  std::string id;
  std::string topic;
  std::vector<std::string> roles;
  std::string title;
  std::string text;
  std::vector<Source> sources;
  // Read off the text once, when the bank is loaded, so nothing parses it again to find a section
  // or to time a reading.
  struct Heading {
    std::string anchor, title;
  };
  std::vector<Heading> headings;
  std::size_t words = 0;
};

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
  std::string source;   // older banks: the topic the question rests on, or "general"; may be empty
  std::string section;  // the anchor of the section of the topic's lesson it rests on; may be empty
  QuestionLevel level = QuestionLevel::foundation;
  std::string fact;     // questions that test one fact share it, so review keeps them apart
  Source reference;     // empty title when none is given
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
  std::vector<Lesson> lessons;
  std::vector<Question> questions;
  std::vector<Statement> statements;
  std::vector<StudyCard> cards;

  const Role* find_role(std::string_view role_id) const;
  const Topic* find_topic(std::string_view topic_id) const;
  const StudyCard* find_card(std::string_view role_id, std::string_view topic_id) const;
  // The lesson on a topic that teaches the role; the first when several do.
  const Lesson* find_lesson(std::string_view role_id, std::string_view topic_id) const;
  const Lesson* find_lesson(std::string_view lesson_id) const;
  // Appends everything from `other`; the caller has checked that no id collides.
  void append(Bank other);
};

// Where each question sits among the bank's role x topic pairs ("slots", numbered role-major:
// role * topic count + topic) and which questions each slot holds. Built once per bank, so work
// done per answer touches the answered question's slots only and never walks every pair.
class BankIndex {
 public:
  BankIndex() = default;
  explicit BankIndex(const Bank& bank);

  std::size_t roles() const { return roles_; }
  std::size_t topics() const { return topics_; }
  std::size_t slots() const { return roles_ * topics_; }
  std::size_t slot(std::size_t role, std::size_t topic) const { return role * topics_ + topic; }
  std::size_t role_of(std::size_t slot) const { return slot / topics_; }
  std::size_t topic_of(std::size_t slot) const { return slot % topics_; }
  // The slots of a question (each of its roles with its topic), ascending.
  std::span<const std::size_t> slots_of(std::size_t question) const;
  // The questions about a role and topic, in bank order.
  std::span<const std::size_t> questions_in(std::size_t slot) const;
  // Questions that test one fact (the same `fact`) share a sibling group; a question without a
  // fact is a group of its own. Groups are numbered from 0 in bank order.
  std::size_t sibling_group(std::size_t question) const { return sibling_group_[question]; }

 private:
  std::size_t roles_ = 0, topics_ = 0;
  // Two adjacency lists stored flat: entries [start[i], start[i + 1]) belong to i.
  std::vector<std::size_t> question_start_, question_slots_;
  std::vector<std::size_t> slot_start_, slot_questions_;
  std::vector<std::size_t> sibling_group_;
};

// A stable fingerprint of what a learner sees of an item, so edits to the bank are noticed.
std::string content_hash(const Question& question);
std::string content_hash(const Statement& statement);

}  // namespace rp::core
