#pragma once
// Item-writing rules: patterns across a bank that let a learner guess an answer without knowing
// it (the right option is the longest, "always" means False, two of four boxes are always ticked,
// one question's explanation answers another). Each rule yields a statistic against its limit and
// warnings that name the questions; `rolepath check-bank` prints both and the built-in bank's
// tests hold it to the limits. docs/writing-questions.md explains each rule and its threshold.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank.hpp"

namespace rp::core {

enum class ItemRule {
  right_option_longest,    // single: the right option is strictly the longest
  absolute_words_false,    // truefalse: prompts with "always", "never"... are mostly False
  multi_answer_count,      // multi: most questions have the same number of right options
  near_duplicate_prompts,  // two prompts ask nearly the same thing in nearly the same words
  explanation_gives_away,  // an explanation holds another question's right option
  absurd_distractor,       // a wrong option nobody would choose (deny-listed words)
};
inline constexpr std::size_t item_rule_count = 6;
inline constexpr std::array<ItemRule, item_rule_count> all_item_rules = {
    ItemRule::right_option_longest,   ItemRule::absolute_words_false,   ItemRule::multi_answer_count,
    ItemRule::near_duplicate_prompts, ItemRule::explanation_gives_away, ItemRule::absurd_distractor};

// The largest share of matches a rule allows, as a fraction so that "at the limit" is exact.
struct Fraction {
  long numerator = 0;
  long denominator = 1;
};

// The thresholds (why each has its value: docs/writing-questions.md).
inline constexpr Fraction longest_right_limit{1, 3};
inline constexpr Fraction absolute_false_limit{2, 3};
inline constexpr Fraction shared_multi_count_limit{1, 2};
// Two prompts are near-duplicates when their content words (see prompt_words) overlap more than
// this: |A and B| / |A or B|, Jaccard similarity.
inline constexpr double near_duplicate_similarity = 0.6;
// An explanation gives away another question's answer (same topic) when it holds that answer's
// words (at least this many characters once normalised, so "Python" or "Git" alone never
// trigger; "15 percent" does) and more than this share of the other prompt's content words: it
// then speaks about what the other question asks and names its answer.
inline constexpr std::size_t giveaway_min_answer_characters = 10;
inline constexpr double giveaway_prompt_share = 0.4;

// How many items match a rule, among how many, against the rule's limit. For the rules that
// allow none (near-duplicates, giveaways, absurd distractors) the limit is 0.
struct RuleStatistic {
  ItemRule rule = ItemRule::right_option_longest;
  long count = 0;
  long out_of = 0;
  Fraction limit;
  std::string detail;  // what was counted, beyond the numbers: "right-answer count 2"

  bool exceeded() const { return count * limit.denominator > out_of * limit.numerator; }
  double ratio() const { return out_of == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(out_of); }
};

struct ItemWarning {
  ItemRule rule = ItemRule::right_option_longest;
  std::vector<std::string> question_ids;  // the questions to look at, in bank order
  std::string message;                    // one sentence naming them
};

struct ItemRulesReport {
  std::array<RuleStatistic, item_rule_count> statistics;  // indexed by ItemRule
  std::vector<ItemWarning> warnings;

  const RuleStatistic& statistic(ItemRule rule) const { return statistics[static_cast<std::size_t>(rule)]; }
};

ItemRulesReport check_item_rules(const Bank& bank);

// One line per rule for people: "right option longest: 12 of 54 single-choice (22%, limit 33%)".
std::string describe(const RuleStatistic& statistic);
std::string_view rule_name(ItemRule rule);

// The pieces the rules are made of, public for their tests.

// Lower-case words: runs of ASCII letters and digits and of non-ASCII bytes (so "café" and
// "naïve" stay whole); everything else separates words.
std::vector<std::string> lower_words(std::string_view text);
// The words that carry a prompt's meaning: lower_words without stop words, with a plural "s"
// dropped ("models" -> "model"), each once, sorted.
std::vector<std::string> prompt_words(std::string_view text);
// |A and B| / |A or B| of two sorted word sets; 0 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);
// |A and B| / |A| of two sorted word sets: how much of `a` is found in `b`; 0 when `a` is empty.
double share_found(const std::vector<std::string>& a, const std::vector<std::string>& b);
// Whether `text` holds an absolute word: only, never, always, must, all, none, every, cannot
// or "no one", as whole words in any case.
bool has_absolute_word(std::string_view text);
// The deny-listed phrase `option` holds, or empty when it holds none.
std::string_view absurd_phrase_in(std::string_view option);

}  // namespace rp::core
