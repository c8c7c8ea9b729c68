#pragma once
// A set of Unicode code points: which characters some text uses, so the window can put exactly
// those glyphs in its font atlas. Pure: no fonts, no I/O.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/bank.hpp"

namespace rp::core {

class CodepointSet {
 public:
  // Every character of `utf8` (an invalid sequence counts as U+FFFD, as it is drawn).
  void add(std::string_view utf8);
  void add(char32_t code);
  void add(char32_t first, char32_t last);  // a closed range
  void add(const CodepointSet& other);

  bool contains(char32_t code) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // In ascending order.
  std::vector<char32_t> list() const;
  // Those of this set that `other` lacks, ascending.
  std::vector<char32_t> missing_from(const CodepointSet& other) const;

  friend bool operator==(const CodepointSet& a, const CodepointSet& b) { return a.list() == b.list(); }

 private:
  std::vector<std::uint64_t> bits_;  // bit c is set when c is in the set; grows to the highest
  std::size_t size_ = 0;
};

// Every character of the bank's text a screen may show: names, summaries, lessons and their
// sources, questions with their options, explanations and references, statements and cards.
void add_bank_text(CodepointSet& set, const Bank& bank);

}  // namespace rp::core
