#include "core/bank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_map>

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

BankIndex::BankIndex(const Bank& bank) : roles_(bank.roles.size()), topics_(bank.topics.size()) {
  // Ids are unique within a bank; the first one wins, as with find_role and find_topic.
  std::unordered_map<std::string_view, std::size_t> role_index, topic_index;
  for (std::size_t r = 0; r < bank.roles.size(); ++r) role_index.emplace(bank.roles[r].id, r);
  for (std::size_t t = 0; t < bank.topics.size(); ++t) topic_index.emplace(bank.topics[t].id, t);

  question_start_.reserve(bank.questions.size() + 1);
  question_start_.push_back(0);
  std::vector<std::size_t> per_slot(slots(), 0);
  for (const auto& question : bank.questions) {
    const auto first = question_slots_.size();
    if (const auto topic = topic_index.find(question.topic); topic != topic_index.end())
      for (const auto& role_id : question.roles)
        if (const auto role = role_index.find(role_id); role != role_index.end())
          question_slots_.push_back(slot(role->second, topic->second));
    const auto begin = question_slots_.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, question_slots_.end());
    question_slots_.erase(std::unique(begin, question_slots_.end()), question_slots_.end());
    for (auto it = begin; it != question_slots_.end(); ++it) ++per_slot[*it];
    question_start_.push_back(question_slots_.size());
  }

  slot_start_.assign(slots() + 1, 0);
  for (std::size_t s = 0; s < slots(); ++s) slot_start_[s + 1] = slot_start_[s] + per_slot[s];
  slot_questions_.resize(question_slots_.size());
  std::vector<std::size_t> next(slot_start_.begin(), slot_start_.end() - 1);
  for (std::size_t q = 0; q < bank.questions.size(); ++q)
    for (auto s : slots_of(q)) slot_questions_[next[s]++] = q;

  std::unordered_map<std::string_view, std::size_t> fact_group;
  sibling_group_.reserve(bank.questions.size());
  std::size_t groups = 0;
  for (const auto& question : bank.questions) {
    if (question.fact.empty()) {
      sibling_group_.push_back(groups++);
      continue;
    }
    const auto [it, added] = fact_group.emplace(question.fact, groups);
    if (added) ++groups;
    sibling_group_.push_back(it->second);
  }
}

std::span<const std::size_t> BankIndex::slots_of(std::size_t question) const {
  if (question + 1 >= question_start_.size()) return {};
  return std::span<const std::size_t>(question_slots_).subspan(question_start_[question],
                                                               question_start_[question + 1] - question_start_[question]);
}

std::span<const std::size_t> BankIndex::questions_in(std::size_t slot) const {
  if (slot + 1 >= slot_start_.size()) return {};
  return std::span<const std::size_t>(slot_questions_).subspan(slot_start_[slot], slot_start_[slot + 1] - slot_start_[slot]);
}

const StudyCard* Bank::find_card(std::string_view role_id, std::string_view topic_id) const {
  for (const auto& card : cards)
    if (card.role == role_id && card.topic == topic_id) return &card;
  return nullptr;
}

const Lesson* Bank::find_lesson(std::string_view role_id, std::string_view topic_id) const {
  for (const auto& lesson : lessons)
    if (lesson.topic == topic_id && std::find(lesson.roles.begin(), lesson.roles.end(), role_id) != lesson.roles.end())
      return &lesson;
  return nullptr;
}

const Lesson* Bank::find_lesson(std::string_view lesson_id) const {
  for (const auto& lesson : lessons)
    if (lesson.id == lesson_id) return &lesson;
  return nullptr;
}

std::string_view to_string(QuestionLevel level) {
  return level == QuestionLevel::practitioner ? "practitioner" : "foundation";
}

std::optional<QuestionLevel> question_level_from_string(std::string_view text) {
  if (text == "foundation") return QuestionLevel::foundation;
  if (text == "practitioner") return QuestionLevel::practitioner;
  return std::nullopt;
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
  // The first file that names the bank names the whole: extra files add to it, not rename it.
  if (id.empty()) id = std::move(other.id);
  if (title.empty()) title = std::move(other.title);
  move_append(roles, other.roles);
  move_append(topics, other.topics);
  move_append(lessons, other.lessons);
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
