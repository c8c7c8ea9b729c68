// The built-in bank holds to the content brief: coverage, balance and wording. These thresholds
// are asserted from the file itself, so no later edit quietly weakens the bank.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bank/loader.hpp"
#include "support/built_in_bank.hpp"
#include "core/coverage.hpp"
#include "core/item_rules.hpp"
#include "core/markdown.hpp"

using namespace rp;

namespace {
using test::built_in;

// Lower-case words with punctuation dropped ("end-users," -> "endusers").
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (!word.empty()) words.push_back(std::exchange(word, {}));
    } else if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Sentences end at ., ! or ? followed by a space and a capital, or at the end of the text.
// Sentences of running text; a one-word verdict that opens an explanation ("False.", "Both.") is
// not counted.
int sentence_count(const std::string& text) {
  int count = 0;
  const std::size_t first_stop = text.find_first_of(".!?");
  const bool verdict = first_stop != std::string::npos && text.find(' ') > first_stop;
  if (verdict) --count;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    const bool at_end = text.find_first_not_of(" \t\n\")", i + 1) == std::string::npos;
    const bool before_capital = i + 2 < text.size() && text[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 2]));
    if (at_end || before_capital) ++count;
  }
  return count;
}

std::vector<std::string> every_text_in_bank() {
  std::vector<std::string> texts;
  for (const auto& r : built_in().roles) texts.insert(texts.end(), {r.name, r.summary});
  for (const auto& q : built_in().questions) {
    texts.insert(texts.end(), {q.prompt, q.explanation});
    texts.insert(texts.end(), q.options.begin(), q.options.end());
  }
  for (const auto& s : built_in().statements) texts.push_back(s.text);
  for (const auto& c : built_in().cards) texts.push_back(c.text);
  return texts;
}
}  // namespace

TEST_CASE("at least 140 questions and at least 6 for every role on each topic of its overview") {
  CHECK(built_in().questions.size() >= 140);
  const auto coverage = core::compute_coverage(built_in());
  for (std::size_t t = 0; t < built_in().topics.size(); ++t)
    for (std::size_t r = 0; r < built_in().roles.size(); ++r) {
      // Practice topics belong to the paths of some roles only (tests/bank_paths_test.cpp).
      if (!built_in().find_lesson(built_in().roles[r].id, built_in().topics[t].id)) continue;
      CAPTURE(built_in().topics[t].id);
      CAPTURE(built_in().roles[r].id);
      CHECK(coverage.questions[t][r] >= 6);
    }
}

TEST_CASE("the two roles and the eight topics of their overview are there") {
  CHECK(built_in().find_role("ai_architect"));
  CHECK(built_in().find_role("ml_engineer"));
  for (const char* topic : {"definitions", "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips"}) {
    CAPTURE(topic);
    CHECK(built_in().find_topic(topic));
  }
}

TEST_CASE("at least 20 questions of each kind and which_role questions can answer both") {
  const auto coverage = core::compute_coverage(built_in());
  for (int count : coverage.questions_by_kind) CHECK(count >= 20);
  const auto both = std::count_if(built_in().questions.begin(), built_in().questions.end(), [](const core::Question& q) {
    return q.kind == core::QuestionKind::which_role && q.answer_roles.size() == q.roles.size();
  });
  CHECK(both >= 5);
}

TEST_CASE("outlook figures name their source and their projection period") {
  // A growth or pay figure is a fact that changes: it says whose figure it is and for when.
  int figures = 0;
  for (const auto& q : built_in().questions) {
    if (q.topic != "outlook") continue;
    std::string all = q.prompt + " " + q.explanation;
    for (const auto& o : q.options) all += " " + o;
    if (all.find('%') == std::string::npos && all.find("percent") == std::string::npos) continue;
    ++figures;
    CAPTURE(q.id);
    CHECK((all.find("BLS") != std::string::npos || all.find("Bureau of Labor Statistics") != std::string::npos));
    CHECK(all.find("2024-34") != std::string::npos);
  }
  CHECK(figures >= 2);
}

TEST_CASE("every role and topic with questions has a lesson of 300 to 900 words with sources") {
  const auto coverage = core::compute_coverage(built_in());
  for (std::size_t t = 0; t < built_in().topics.size(); ++t)
    for (std::size_t r = 0; r < built_in().roles.size(); ++r) {
      if (coverage.questions[t][r] == 0) continue;
      CAPTURE(built_in().roles[r].id);
      CAPTURE(built_in().topics[t].id);
      const auto* lesson = built_in().find_lesson(built_in().roles[r].id, built_in().topics[t].id);
      REQUIRE(lesson);
      const auto markdown = core::parse_markdown(lesson->text);
      CHECK(markdown.problems.empty());
      CHECK(core::word_count(markdown) >= 300);
      CHECK(core::word_count(markdown) <= 900);
      CHECK(core::section_anchors(markdown).size() >= 4);
      CHECK_FALSE(lesson->sources.empty());
    }
}

TEST_CASE("every question rests on a lesson section and names its level fact and reference") {
  std::size_t practitioner = 0;
  for (const auto& q : built_in().questions) {
    CAPTURE(q.id);
    CHECK_FALSE(q.section.empty());  // the loader has checked that the section exists
    CHECK_FALSE(q.fact.empty());
    CHECK_FALSE(q.reference.title.empty());
    if (q.level == core::QuestionLevel::practitioner) ++practitioner;
  }
  CHECK(practitioner * 100 >= built_in().questions.size() * 30);
}

TEST_CASE("every explanation is one to three sentences") {
  for (const auto& q : built_in().questions) {
    CAPTURE(q.id);
    CAPTURE(q.explanation);
    const int n = sentence_count(q.explanation);
    CHECK(n >= 1);
    CHECK(n <= 3);
  }
}

TEST_CASE("no option is 'all of the above' or 'none of the above'") {
  for (const auto& q : built_in().questions)
    for (const auto& o : q.options) {
      const auto w = words_of(o);
      std::string joined;
      for (const auto& x : w) joined += x + " ";
      CAPTURE(q.id);
      CHECK(joined.find("of the above") == std::string::npos);
    }
}

TEST_CASE("the right option's position is balanced across single-choice questions") {
  std::map<std::size_t, int> by_position;
  int singles = 0;
  for (const auto& q : built_in().questions) {
    if (q.kind != core::QuestionKind::single) continue;
    ++singles;
    ++by_position[q.answer_indices.at(0)];
  }
  REQUIRE(singles > 0);
  for (const auto& [position, count] : by_position) {
    CAPTURE(position);
    CHECK(count * 100 <= singles * 40);
  }
}

TEST_CASE("role-fit statements: enough first person balanced and some pointing away") {
  const auto& statements = built_in().statements;
  CHECK(statements.size() >= 40);
  const auto coverage = core::compute_coverage(built_in());
  REQUIRE(coverage.positive_weight.size() == 2);
  const double a = coverage.positive_weight[0], b = coverage.positive_weight[1];
  CHECK(std::abs(a - b) <= 0.10 * std::max(a, b));
  const auto away = std::count_if(statements.begin(), statements.end(), [](const core::Statement& s) {
    return std::any_of(s.weights.begin(), s.weights.end(), [](const auto& w) { return w.second < 0; });
  });
  CHECK(away * 4 >= static_cast<long>(statements.size()));
  for (const auto& s : statements) {
    CAPTURE(s.text);
    const auto w = words_of(s.text);
    const bool first_person = std::any_of(w.begin(), w.end(), [](const std::string& x) {
      return x == "i" || x == "im" || x == "id" || x == "ive" || x == "me" || x == "my";
    });
    CHECK(first_person);
  }
}

TEST_CASE("someone who agrees with every statement gets no clear lean") {
  std::map<std::string, double> total;
  for (const auto& s : built_in().statements)
    for (const auto& [role, weight] : s.weights) total[role] += weight;
  const double a = total["ai_architect"], b = total["ml_engineer"];
  CHECK(std::abs(a - b) <= 0.10 * std::max(std::abs(a), std::abs(b)));
}

TEST_CASE("a study card of two to four sentences for every role on each overview topic") {
  for (const auto& role : built_in().roles)
    for (const char* topic : {"definitions", "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips"}) {
      CAPTURE(role.id);
      CAPTURE(topic);
      const auto* card = built_in().find_card(role.id, topic);
      REQUIRE(card);
    }
  // Practice topics may have cards too; every card keeps to the same length.
  for (const auto& card : built_in().cards) {
    CAPTURE(card.text);
    const int n = sentence_count(card.text);
    CHECK(n >= 2);
    CHECK(n <= 4);
  }
}

// FNV-1a, 64 bits: the hash tests/data/make_article_run_hashes.py used for the article's runs.
std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 0xCBF29CE484222325ull;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001B3ull;
  return hash;
}

TEST_CASE("no run of eight words from the article appears anywhere in the bank") {
  // The article itself stays outside the repository; its runs are kept here as hashes.
  std::ifstream in(ROLEPATH_ARTICLE_RUN_HASHES);
  REQUIRE_MESSAGE(in, "missing " ROLEPATH_ARTICLE_RUN_HASHES);
  std::set<std::uint64_t> article_runs;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') article_runs.insert(std::stoull(line, nullptr, 16));
  REQUIRE(article_runs.size() > 500);
  for (const auto& text : every_text_in_bank()) {
    const auto w = words_of(text);
    for (std::size_t i = 0; i + 8 <= w.size(); ++i) {
      std::string run;
      for (std::size_t k = i; k < i + 8; ++k) run += w[k] + " ";
      CAPTURE(text);
      CHECK_MESSAGE(article_runs.count(fnv1a(run)) == 0, "copied from the article: ", run);
    }
  }
}

TEST_CASE("the built-in bank keeps every item-writing rule within its limit") {
  // docs/writing-questions.md: why each limit, and how to fix what a warning names.
  const auto report = core::check_item_rules(built_in());
  for (const auto& statistic : report.statistics) {
    INFO(core::describe(statistic));
    CHECK_FALSE(statistic.exceeded());
  }
  std::string warnings;
  for (const auto& warning : report.warnings) warnings += "\n  warning: " + warning.message;
  INFO(warnings);
  CHECK(report.warnings.empty());
}

TEST_CASE("no prompt option or explanation leans on a text the learner cannot see") {
  // Each question stands on its own: the learner has no article or comparison beside it. Whole
  // words in any case, so "the comparison's" is caught and "the articles they index" is not.
  for (const auto& q : built_in().questions) {
    std::vector<std::string> texts = {q.prompt, q.explanation};
    texts.insert(texts.end(), q.options.begin(), q.options.end());
    for (const auto& text : texts) {
      std::string spaced = " ";
      for (const auto& word : core::lower_words(text)) spaced += word + " ";
      CAPTURE(q.id);
      CAPTURE(text);
      for (const char* phrase : {" the article ", " the comparison ", " according to the "}) {
        CAPTURE(phrase);
        CHECK(spaced.find(phrase) == std::string::npos);
      }
    }
  }
}

namespace {
// Lower case letters and digits, single spaces: "The optimizer's state_dict" -> "the optimizers statedict".
std::string folded(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == ' ' && !out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}
}  // namespace

TEST_CASE("no explanation gives away the answer of a question that may be served beside it") {
  // Review keeps questions of one sibling group (one fact) apart, so an explanation may speak of its
  // siblings' answers; any other question of the topic may come next, so it must not.
  const auto& bank = built_in();
  const core::BankIndex index(bank);
  int checked = 0;
  for (std::size_t a = 0; a < bank.questions.size(); ++a) {
    const auto& q = bank.questions[a];
    if (q.kind != core::QuestionKind::single && q.kind != core::QuestionKind::multi) continue;
    for (auto i : q.answer_indices) {
      const auto answer = folded(q.options[i]);
      if (std::count(answer.begin(), answer.end(), ' ') < 2) continue;  // a word or two is no give-away
      for (std::size_t b = 0; b < bank.questions.size(); ++b) {
        const auto& other = bank.questions[b];
        if (b == a || other.topic != q.topic || index.sibling_group(a) == index.sibling_group(b)) continue;
        ++checked;
        CAPTURE(q.id);
        CAPTURE(other.id);
        CHECK(folded(other.explanation).find(answer) == std::string::npos);
      }
    }
  }
  CHECK(checked > 1000);
}
