#include "core/item_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "core/text.hpp"

namespace rp::core {

namespace {

// Function words, and the words this bank's questions use to ask ("which", "role", "select all
// that apply", "according to"), so that similarity measures what two texts are about, not how
// they ask.
constexpr auto stop_words = std::to_array<std::string_view>({
    "a", "about", "according", "after", "all", "also", "an", "and", "any", "apply", "are", "as", "at", "be",
    "been", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "each", "either",
    "every", "false", "following", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "may", "me", "might", "more", "most", "must", "my", "no", "not", "of",
    "on", "one", "only", "or", "other", "our", "over", "per", "role", "roles", "select", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "true", "under", "up", "was", "we", "were", "what", "when", "where", "which", "who", "whom", "whose",
    "why", "will", "with", "would", "you", "your"});

bool is_stop_word(std::string_view word) {
  return std::find(stop_words.begin(), stop_words.end(), word) != stop_words.end();
}

// "models" -> "model", "responsibilities" -> "responsibility"; "process", "status" and "is" stay.
std::string singular(std::string word) {
  if (word.size() > 4 && word.ends_with("ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") &&
      !word.ends_with("is"))
    word.pop_back();
  return word;
}

// Words joined by single spaces with a space on each side, so that a phrase is found as whole
// words: " spark and hadoop " is in " uses spark and hadoop daily " but " art " is not in " start ".
std::string spaced_words(std::string_view text) {
  std::string joined = " ";
  for (const auto& word : lower_words(text)) joined += word + " ";
  return joined;
}

std::size_t characters(std::string_view text) { return scan_utf8(text).characters; }

// At most this many ids are listed in one warning; the rest are counted.
constexpr std::size_t listed_ids = 12;

std::string id_list(const std::vector<std::string>& ids) {
  std::vector<std::string_view> shown(ids.begin(), ids.begin() + static_cast<long>(std::min(ids.size(), listed_ids)));
  std::string list = fmt::format("{}", fmt::join(shown, ", "));
  if (ids.size() > listed_ids) list += fmt::format(" and {} more", ids.size() - listed_ids);
  return list;
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }
std::string percent(Fraction limit) {
  return percent(static_cast<double>(limit.numerator) / static_cast<double>(limit.denominator));
}

RuleStatistic share_statistic(ItemRule rule, long count, long out_of, Fraction limit, std::string detail = {}) {
  return {rule, count, out_of, limit, std::move(detail)};
}

void right_option_longest(const Bank& bank, ItemRulesReport& report) {
  std::vector<std::string> longest;
  long singles = 0;
  for (const auto& q : bank.questions) {
    if (q.kind != QuestionKind::single || q.answer_indices.empty()) continue;
    ++singles;
    const std::size_t right = q.answer_indices.front();
    const std::size_t right_length = characters(q.options.at(right));
    bool strictly_longest = true;
    for (std::size_t i = 0; i < q.options.size(); ++i)
      if (i != right && characters(q.options[i]) >= right_length) strictly_longest = false;
    if (strictly_longest) longest.push_back(q.id);
  }
  auto& statistic = report.statistics[static_cast<std::size_t>(ItemRule::right_option_longest)];
  statistic = share_statistic(ItemRule::right_option_longest, static_cast<long>(longest.size()), singles,
                              longest_right_limit);
  if (statistic.exceeded())
    report.warnings.push_back({ItemRule::right_option_longest, longest,
                               fmt::format("the right option is the longest in {} of {} single-choice questions ({}, "
                                           "limit {}); shorten it or lengthen a distractor in some of: {}",
                                           longest.size(), singles, percent(statistic.ratio()),
                                           percent(longest_right_limit), id_list(longest))});
}

void absolute_words_false(const Bank& bank, ItemRulesReport& report) {
  std::vector<std::string> false_ones;
  long absolute = 0;
  for (const auto& q : bank.questions) {
    if (q.kind != QuestionKind::true_false || !has_absolute_word(q.prompt)) continue;
    ++absolute;
    if (!q.answer_true) false_ones.push_back(q.id);
  }
  auto& statistic = report.statistics[static_cast<std::size_t>(ItemRule::absolute_words_false)];
  statistic = share_statistic(ItemRule::absolute_words_false, static_cast<long>(false_ones.size()), absolute,
                              absolute_false_limit);
  if (statistic.exceeded())
    report.warnings.push_back(
        {ItemRule::absolute_words_false, false_ones,
         fmt::format("{} of {} true/false prompts with an absolute word (always, never, only...) are False ({}, "
                     "limit {}); write true ones with such words, or drop the word from some of: {}",
                     false_ones.size(), absolute, percent(statistic.ratio()), percent(absolute_false_limit),
                     id_list(false_ones))});
}

void multi_answer_count(const Bank& bank, ItemRulesReport& report) {
  std::map<std::size_t, std::vector<std::string>> by_count;  // right answers -> questions
  long multis = 0;
  for (const auto& q : bank.questions) {
    if (q.kind != QuestionKind::multi) continue;
    ++multis;
    by_count[q.answer_indices.size()].push_back(q.id);
  }
  // The most common count; on a tie, the smaller count (a stable choice for the message).
  std::size_t common_count = 0;
  std::vector<std::string> common;
  for (const auto& [count, ids] : by_count)
    if (ids.size() > common.size()) {
      common_count = count;
      common = ids;
    }
  auto& statistic = report.statistics[static_cast<std::size_t>(ItemRule::multi_answer_count)];
  statistic = share_statistic(ItemRule::multi_answer_count, static_cast<long>(common.size()), multis,
                              shared_multi_count_limit,
                              common.empty() ? std::string() : fmt::format("{} right answers", common_count));
  if (statistic.exceeded())
    report.warnings.push_back(
        {ItemRule::multi_answer_count, common,
         fmt::format("{} of {} multi-select questions have exactly {} right answers ({}, limit {}); vary the count "
                     "in some of: {}",
                     common.size(), multis, common_count, percent(statistic.ratio()),
                     percent(shared_multi_count_limit), id_list(common))});
}

void near_duplicate_prompts(const Bank& bank, const std::vector<std::vector<std::string>>& words,
                            ItemRulesReport& report) {
  long pairs = 0, duplicates = 0;
  double closest = -1.0;
  std::pair<std::size_t, std::size_t> closest_pair;
  for (std::size_t i = 0; i < bank.questions.size(); ++i)
    for (std::size_t j = i + 1; j < bank.questions.size(); ++j) {
      ++pairs;
      const double similarity = jaccard(words[i], words[j]);
      if (similarity > closest) {
        closest = similarity;
        closest_pair = {i, j};
      }
      if (similarity <= near_duplicate_similarity) continue;
      ++duplicates;
      const auto& a = bank.questions[i];
      const auto& b = bank.questions[j];
      report.warnings.push_back(
          {ItemRule::near_duplicate_prompts,
           {a.id, b.id},
           fmt::format("the prompts of {} and {} are near-duplicates ({:.2f} of their content words shared, more "
                       "than {:.2f}): ask each fact once, or make them differ in what they ask",
                       a.id, b.id, similarity, near_duplicate_similarity)});
    }
  std::string detail;
  if (closest >= 0)
    detail = fmt::format("closest {} ~ {} at {:.2f}", bank.questions[closest_pair.first].id,
                         bank.questions[closest_pair.second].id, closest);
  report.statistics[static_cast<std::size_t>(ItemRule::near_duplicate_prompts)] =
      share_statistic(ItemRule::near_duplicate_prompts, duplicates, pairs, {0, 1}, std::move(detail));
}

void explanation_gives_away(const Bank& bank, const std::vector<std::vector<std::string>>& words,
                            ItemRulesReport& report) {
  std::vector<std::string> explanations;  // spaced, for finding an answer as whole words
  std::vector<std::vector<std::string>> explanation_words;
  explanations.reserve(bank.questions.size());
  explanation_words.reserve(bank.questions.size());
  for (const auto& q : bank.questions) {
    explanations.push_back(spaced_words(q.explanation));
    explanation_words.push_back(prompt_words(q.explanation));
  }

  long pairs = 0, giveaways = 0;
  for (std::size_t b = 0; b < bank.questions.size(); ++b) {
    const auto& answered = bank.questions[b];
    if (answered.kind != QuestionKind::single && answered.kind != QuestionKind::multi) continue;
    for (std::size_t a = 0; a < bank.questions.size(); ++a) {
      const auto& explaining = bank.questions[a];
      if (a == b || explaining.topic != answered.topic) continue;
      ++pairs;
      if (share_found(words[b], explanation_words[a]) <= giveaway_prompt_share) continue;
      for (std::size_t right : answered.answer_indices) {
        const std::string answer = spaced_words(answered.options.at(right));
        // The answer's words without the padding spaces decide whether it is long enough.
        if (answer.size() < 2 || characters(answer) - 2 < giveaway_min_answer_characters) continue;
        if (explanations[a].find(answer) == std::string::npos) continue;
        ++giveaways;
        report.warnings.push_back(
            {ItemRule::explanation_gives_away,
             {explaining.id, answered.id},
             fmt::format("the explanation of {} gives away the answer of {} (\"{}\"): reword one of them", explaining.id,
                         answered.id, answered.options[right])});
        break;
      }
    }
  }
  report.statistics[static_cast<std::size_t>(ItemRule::explanation_gives_away)] =
      share_statistic(ItemRule::explanation_gives_away, giveaways, pairs, {0, 1});
}

void absurd_distractor(const Bank& bank, ItemRulesReport& report) {
  long distractors = 0, absurd = 0;
  for (const auto& q : bank.questions) {
    if (q.kind != QuestionKind::single && q.kind != QuestionKind::multi) continue;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      if (std::find(q.answer_indices.begin(), q.answer_indices.end(), i) != q.answer_indices.end()) continue;
      ++distractors;
      const auto phrase = absurd_phrase_in(q.options[i]);
      if (phrase.empty()) continue;
      ++absurd;
      report.warnings.push_back(
          {ItemRule::absurd_distractor,
           {q.id},
           fmt::format("option {} of {} (\"{}\") is a distractor nobody would choose (\"{}\"): write one a confused "
                       "learner might believe",
                       i + 1, q.id, q.options[i], phrase)});
    }
  }
  report.statistics[static_cast<std::size_t>(ItemRule::absurd_distractor)] =
      share_statistic(ItemRule::absurd_distractor, absurd, distractors, {0, 1});
}

}  // namespace

std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool ascii_letter_or_digit = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                       (byte >= '0' && byte <= '9');
    if (ascii_letter_or_digit || byte >= 0x80) {
      word += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::exchange(word, {}));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> prompt_words(std::string_view text) {
  std::vector<std::string> words;
  for (auto& word : lower_words(text))
    if (!is_stop_word(word)) words.push_back(singular(std::move(word)));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

namespace {
// How many words two sorted sets share, counted without building the intersection: check-bank
// compares every pair of prompts, which for a bank of thousands is millions of pairs.
std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}
}  // namespace

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t shared = shared_count(a, b);
  const std::size_t either = a.size() + b.size() - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

double share_found(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.empty() ? 0.0 : static_cast<double>(shared_count(a, b)) / static_cast<double>(a.size());
}

bool has_absolute_word(std::string_view text) {
  static constexpr auto absolute = std::to_array<std::string_view>({"only", "never", "always", "must", "all",
                                                                 "none", "every", "cannot", "no one"});
  const std::string spaced = spaced_words(text);
  return std::any_of(absolute.begin(), absolute.end(), [&](std::string_view word) {
    return spaced.find(fmt::format(" {} ", word)) != std::string::npos;
  });
}

std::string_view absurd_phrase_in(std::string_view option) {
  // Short on purpose: it catches the obvious joke option; judging plausibility is the writer's
  // job. Whole words, any case; the two spellings of the medical licence are both listed.
  static constexpr auto absurd = std::to_array<std::string_view>({
      "astrology", "horoscope", "horoscopes", "tarot",   "crystal",   "crystals", "psychic", "fortune telling",
      "joke",      "jokes",     "licence to practise medicine", "license to practice medicine"});
  const std::string spaced = spaced_words(option);
  for (auto phrase : absurd)
    if (spaced.find(fmt::format(" {} ", phrase)) != std::string::npos) return phrase;
  return {};
}

std::string_view rule_name(ItemRule rule) {
  switch (rule) {
    case ItemRule::right_option_longest: return "right option longest";
    case ItemRule::absolute_words_false: return "absolute words mostly False";
    case ItemRule::multi_answer_count: return "one count of right answers";
    case ItemRule::near_duplicate_prompts: return "near-duplicate prompts";
    case ItemRule::explanation_gives_away: return "explanation gives an answer away";
    case ItemRule::absurd_distractor: return "absurd distractors";
  }
  return "unknown rule";
}

std::string describe(const RuleStatistic& s) {
  const std::string shares = fmt::format("{} of {}", s.count, s.out_of);
  const std::string against = fmt::format("({}, limit {})", percent(s.ratio()), percent(s.limit));
  const std::string detail = s.detail.empty() ? std::string() : fmt::format("; {}", s.detail);
  switch (s.rule) {
    case ItemRule::right_option_longest:
      return fmt::format("{}: {} single-choice questions {}", rule_name(s.rule), shares, against);
    case ItemRule::absolute_words_false:
      return fmt::format("{}: {} true/false prompts with an absolute word are False {}", rule_name(s.rule), shares,
                         against);
    case ItemRule::multi_answer_count:
      return fmt::format("{}: {} multi-select questions share it {}{}", rule_name(s.rule), shares, against, detail);
    case ItemRule::near_duplicate_prompts:
      return fmt::format("{}: {} pairs (similarity above {:.2f}, limit 0){}", rule_name(s.rule), shares,
                         near_duplicate_similarity, detail);
    case ItemRule::explanation_gives_away:
      return fmt::format("{}: {} same-topic pairs (limit 0)", rule_name(s.rule), shares);
    case ItemRule::absurd_distractor:
      return fmt::format("{}: {} distractors (limit 0)", rule_name(s.rule), shares);
  }
  return std::string(rule_name(s.rule));
}

ItemRulesReport check_item_rules(const Bank& bank) {
  ItemRulesReport report;
  std::vector<std::vector<std::string>> words;
  words.reserve(bank.questions.size());
  for (const auto& q : bank.questions) words.push_back(prompt_words(q.prompt));

  right_option_longest(bank, report);
  absolute_words_false(bank, report);
  multi_answer_count(bank, report);
  near_duplicate_prompts(bank, words, report);
  explanation_gives_away(bank, words, report);
  absurd_distractor(bank, report);
  return report;
}

}  // namespace rp::core
