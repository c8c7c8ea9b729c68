#include "core/codepoints.hpp"

#include <bit>

#include "core/text.hpp"

namespace rp::core {

void CodepointSet::add(char32_t code) {
  if (code > 0x10FFFF) return;
  const std::size_t word = code / 64;
  if (word >= bits_.size()) bits_.resize(word + 1, 0);
  const std::uint64_t bit = std::uint64_t{1} << (code % 64);
  if (bits_[word] & bit) return;
  bits_[word] |= bit;
  ++size_;
}

void CodepointSet::add(std::string_view utf8) {
  // Most text is ASCII: those bytes are added without decoding.
  for (std::size_t at = 0; at < utf8.size(); ++at) {
    const auto byte = static_cast<unsigned char>(utf8[at]);
    if (byte >= 0x80) {
      for (char32_t code : to_code_points(utf8.substr(at))) add(code);
      return;
    }
    add(static_cast<char32_t>(byte));
  }
}

void CodepointSet::add(char32_t first, char32_t last) {
  for (char32_t code = first; code <= last && code <= 0x10FFFF; ++code) add(code);
}

void CodepointSet::add(const CodepointSet& other) {
  for (char32_t code : other.list()) add(code);
}

bool CodepointSet::contains(char32_t code) const {
  const std::size_t word = code / 64;
  return word < bits_.size() && (bits_[word] >> (code % 64)) & 1;
}

std::vector<char32_t> CodepointSet::list() const {
  std::vector<char32_t> codes;
  codes.reserve(size_);
  for (std::size_t word = 0; word < bits_.size(); ++word) {
    for (std::uint64_t rest = bits_[word]; rest != 0; rest &= rest - 1)
      codes.push_back(static_cast<char32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(rest))));
  }
  return codes;
}

std::vector<char32_t> CodepointSet::missing_from(const CodepointSet& other) const {
  std::vector<char32_t> codes;
  for (std::size_t word = 0; word < bits_.size(); ++word) {
    const std::uint64_t theirs = word < other.bits_.size() ? other.bits_[word] : 0;
    for (std::uint64_t rest = bits_[word] & ~theirs; rest != 0; rest &= rest - 1)
      codes.push_back(static_cast<char32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(rest))));
  }
  return codes;
}

void add_bank_text(CodepointSet& set, const Bank& bank) {
  set.add(bank.title);
  for (const auto& role : bank.roles) {
    set.add(role.name);
    set.add(role.summary);
  }
  for (const auto& topic : bank.topics) set.add(topic.name);
  for (const auto& lesson : bank.lessons) {
    set.add(lesson.title);
    set.add(lesson.text);
    for (const auto& source : lesson.sources) set.add(source.title);
  }
  for (const auto& question : bank.questions) {
    set.add(question.prompt);
    for (const auto& option : question.options) set.add(option);
    set.add(question.explanation);
    set.add(question.reference.title);
  }
  for (const auto& statement : bank.statements) set.add(statement.text);
  for (const auto& card : bank.cards) set.add(card.text);
}

}  // namespace rp::core
