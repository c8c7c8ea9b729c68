// The item-writing rules on small hand-built banks: each rule stays quiet exactly at its limit and
// warns one item past it, naming the questions.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/item_rules.hpp"

using namespace rp::core;

namespace {
Question base(std::string id, QuestionKind kind, std::string prompt) {
  Question q;
  q.id = std::move(id);
  q.roles = {"arch"};
  q.topic = "tools";
  q.kind = kind;
  q.prompt = std::move(prompt);
  q.explanation = "Because.";
  q.source = "general";
  return q;
}

// Prompts that share no content words with each other, so the prompt rules stay quiet.
std::string distinct_prompt(const std::string& id) { return "Question about " + id + "?"; }

Question single(std::string id, std::vector<std::string> options, std::size_t right) {
  auto q = base(id, QuestionKind::single, distinct_prompt(id));
  q.options = std::move(options);
  q.answer_indices = {right};
  return q;
}

Question true_false(std::string id, std::string prompt, bool answer) {
  auto q = base(std::move(id), QuestionKind::true_false, std::move(prompt));
  q.answer_true = answer;
  return q;
}

Question multi(std::string id, std::size_t right_answers) {
  auto q = base(id, QuestionKind::multi, distinct_prompt(id));
  q.options = {"first", "second", "third", "fourth"};
  for (std::size_t i = 0; i < right_answers; ++i) q.answer_indices.push_back(i);
  return q;
}

std::vector<const ItemWarning*> warnings_of(const ItemRulesReport& report, ItemRule rule) {
  std::vector<const ItemWarning*> found;
  for (const auto& w : report.warnings)
    if (w.rule == rule) found.push_back(&w);
  return found;
}

// The one warning a rule gave; the test stops unless there is exactly one.
const ItemWarning& only_warning(const ItemRulesReport& report, ItemRule rule) {
  const auto found = warnings_of(report, rule);
  REQUIRE(found.size() == 1);
  return *found.front();
}

bool names(const ItemWarning& warning, const std::string& id) {
  return std::find(warning.question_ids.begin(), warning.question_ids.end(), id) != warning.question_ids.end() &&
         warning.message.find(id) != std::string::npos;
}
}  // namespace

TEST_CASE("item rules - an empty bank has no warnings and counts nothing") {
  const auto report = check_item_rules(Bank{});
  CHECK(report.warnings.empty());
  for (auto rule : all_item_rules) {
    CAPTURE(rule_name(rule));
    CHECK(report.statistic(rule).rule == rule);
    CHECK(report.statistic(rule).count == 0);
    CHECK_FALSE(report.statistic(rule).exceeded());
  }
}

TEST_CASE("item rules - right option longest warns past a third of single-choice questions") {
  Bank bank;
  // Three of nine with the right option strictly longest: exactly a third, allowed.
  for (int i = 0; i < 3; ++i) bank.questions.push_back(single("long" + std::to_string(i), {"aa", "bbbbbb", "cc"}, 1));
  for (int i = 0; i < 6; ++i) bank.questions.push_back(single("short" + std::to_string(i), {"aa", "bb", "cccccc"}, 0));
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::right_option_longest).count == 3);
  CHECK(report.statistic(ItemRule::right_option_longest).out_of == 9);
  CHECK(warnings_of(report, ItemRule::right_option_longest).empty());
  CHECK(describe(report.statistic(ItemRule::right_option_longest)) ==
        "right option longest: 3 of 9 single-choice questions (33%, limit 33%)");

  bank.questions[3] = single("long3", {"aa", "bbbbbb", "cc"}, 1);  // four of nine
  report = check_item_rules(bank);
  const auto& warning = only_warning(report, ItemRule::right_option_longest);
  CHECK(warning.question_ids == std::vector<std::string>{"long0", "long1", "long2", "long3"});
  CHECK(names(warning, "long3"));
  CHECK(warning.message.find("4 of 9") != std::string::npos);
}

TEST_CASE("item rules - a tie for longest does not count and length is in UTF-8 characters") {
  Bank bank;
  bank.questions.push_back(single("tie", {"abcd", "wxyz", "ab"}, 0));
  // "café" is five bytes but four characters: as long as "cafe", so not strictly longer.
  bank.questions.push_back(single("accent", {"caf\xC3\xA9", "cafe"}, 0));
  bank.questions.push_back(single("longer", {"caf\xC3\xA9s", "cafe"}, 0));
  const auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::right_option_longest).count == 1);
  CHECK(warnings_of(report, ItemRule::right_option_longest).empty());  // one of three is exactly a third
}

TEST_CASE("item rules - absolute words in true-false prompts warn past two thirds False") {
  Bank bank;
  bank.questions.push_back(true_false("tf-never", "A model NEVER needs retraining.", false));
  bank.questions.push_back(true_false("tf-no-one", "No one reviews the design.", false));
  bank.questions.push_back(true_false("tf-always", "Tests always run before a merge.", true));
  // Not counted: no absolute word ("allocate", "nonetheless" hold "all" and "none" only inside).
  bank.questions.push_back(true_false("tf-plain", "Nonetheless GPUs allocate memory.", false));
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::absolute_words_false).count == 2);
  CHECK(report.statistic(ItemRule::absolute_words_false).out_of == 3);
  CHECK(warnings_of(report, ItemRule::absolute_words_false).empty());

  bank.questions[2].answer_true = false;  // three of three False
  report = check_item_rules(bank);
  const auto& warning = only_warning(report, ItemRule::absolute_words_false);
  CHECK(warning.question_ids == std::vector<std::string>{"tf-never", "tf-no-one", "tf-always"});
}

TEST_CASE("item rules - the absolute words are whole words in any case") {
  for (const char* text : {"Only once", "never", "ALWAYS", "you must", "all of it", "none left", "every day",
                           "it cannot", "no-one knows", "No one knows"}) {
    CAPTURE(text);
    CHECK(has_absolute_word(text));
  }
  for (const char* text : {"onlyness", "evermore", "mustard", "allocate", "nonetheless", "everyone", "no other one"}) {
    CAPTURE(text);
    CHECK_FALSE(has_absolute_word(text));
  }
}

TEST_CASE("item rules - one count of right answers warns past half the multi-select questions") {
  Bank bank;
  const std::vector<std::pair<std::string, std::size_t>> counts = {{"m1", 2}, {"m2", 2}, {"m3", 3}, {"m4", 3}};
  for (const auto& [id, count] : counts) bank.questions.push_back(multi(id, count));
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::multi_answer_count).count == 2);
  CHECK(warnings_of(report, ItemRule::multi_answer_count).empty());

  bank.questions.push_back(multi("m5", 2));  // three of five have two right answers
  report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::multi_answer_count).detail == "2 right answers");
  const auto& warning = only_warning(report, ItemRule::multi_answer_count);
  CHECK(warning.question_ids == std::vector<std::string>{"m1", "m2", "m5"});
}

TEST_CASE("item rules - prompt words drop stop words and plural s and are sorted once each") {
  CHECK(prompt_words("Which of the Models does the role deploy? Select all that apply.") ==
        std::vector<std::string>{"deploy", "model"});
  CHECK(prompt_words("Responsibilities, process, status, models, models") ==
        std::vector<std::string>{"model", "process", "responsibility", "status"});
  CHECK(jaccard({"a", "b", "c"}, {"b", "c", "d"}) == doctest::Approx(0.5));
  CHECK(share_found({"a", "b", "c", "d"}, {"b", "c", "x"}) == doctest::Approx(0.5));
}

TEST_CASE("item rules - near-duplicate prompts warn above the similarity threshold") {
  Bank bank;
  // {kafka, store, payment, event} and {kafka, store, payment, log}: 3 of 5, exactly 0.6.
  bank.questions.push_back(true_false("a", "Kafka stores payment events.", true));
  bank.questions.push_back(true_false("b", "Kafka stores payment logs.", true));
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::near_duplicate_prompts).count == 0);
  CHECK(warnings_of(report, ItemRule::near_duplicate_prompts).empty());
  CHECK(report.statistic(ItemRule::near_duplicate_prompts).detail == "closest a ~ b at 0.60");

  // {kafka, store, payment, event, durably} and {kafka, store, payment, event, log}: 4 of 6.
  bank.questions[0].prompt = "Kafka stores payment events durably.";
  bank.questions[1].prompt = "Does Kafka store the payment events as a log?";
  report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::near_duplicate_prompts).count == 1);
  const auto& warning = only_warning(report, ItemRule::near_duplicate_prompts);
  CHECK(warning.question_ids == std::vector<std::string>{"a", "b"});
  CHECK(names(warning, "a"));
  CHECK(names(warning, "b"));
}

TEST_CASE("item rules - an explanation that gives away another answer of the topic warns") {
  Bank bank;
  auto asked = single("asked", {"PyTorch Lightning", "Apache Airflow", "Great Expectations"}, 0);
  asked.prompt = "Which framework trains deep networks on GPUs?";  // {deep, framework, gpu, network, train}
  auto explaining = true_false("explaining", "Lightning is a library.", true);
  // Two of the five prompt words (deep, network): 0.4, not more than the threshold.
  explaining.explanation = "PyTorch Lightning wraps the loops of deep networks.";
  bank.questions = {asked, explaining};
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::explanation_gives_away).count == 0);
  CHECK(warnings_of(report, ItemRule::explanation_gives_away).empty());

  // Three of five (deep, network, framework): the explanation answers the other question.
  bank.questions[1].explanation = "PyTorch Lightning is the framework that wraps the loops of deep networks.";
  report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::explanation_gives_away).count == 1);
  const auto& warning = only_warning(report, ItemRule::explanation_gives_away);
  CHECK(warning.question_ids == std::vector<std::string>{"explaining", "asked"});
  CHECK(warning.message.find("PyTorch Lightning") != std::string::npos);

  SUBCASE("not across topics") {
    bank.questions[1].topic = "skills";
    CHECK(check_item_rules(bank).statistic(ItemRule::explanation_gives_away).count == 0);
  }
  SUBCASE("not for an answer shorter than ten characters") {
    bank.questions[0].options[0] = "Lightning";  // nine characters
    CHECK(check_item_rules(bank).statistic(ItemRule::explanation_gives_away).count == 0);
  }
  SUBCASE("not for a wrong option") {
    bank.questions[0].answer_indices = {1};
    CHECK(check_item_rules(bank).statistic(ItemRule::explanation_gives_away).count == 0);
  }
}

TEST_CASE("item rules - an absurd distractor warns and a right option or a longer word does not") {
  Bank bank;
  bank.questions.push_back(single("fine", {"Use a canary release", "Read the crystalline logs"}, 0));
  auto right_astrology = single("topic", {"Astrology", "Astronomy"}, 0);  // a right option is the writer's call
  bank.questions.push_back(right_astrology);
  auto report = check_item_rules(bank);
  CHECK(report.statistic(ItemRule::absurd_distractor).count == 0);
  CHECK(report.statistic(ItemRule::absurd_distractor).out_of == 2);
  CHECK(warnings_of(report, ItemRule::absurd_distractor).empty());

  bank.questions.push_back(single("silly", {"Ask a data engineer", "Consult the team's HOROSCOPE"}, 0));
  report = check_item_rules(bank);
  const auto& warning = only_warning(report, ItemRule::absurd_distractor);
  CHECK(warning.question_ids == std::vector<std::string>{"silly"});
  CHECK(warning.message.find("horoscope") != std::string::npos);
  CHECK(absurd_phrase_in("A licence to practise medicine") == "licence to practise medicine");
  CHECK(absurd_phrase_in("It's a joke") == "joke");
  CHECK(absurd_phrase_in("Jokers and crystallography").empty());
}
