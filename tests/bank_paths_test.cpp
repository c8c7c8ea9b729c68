// The built-in bank's study paths (issue 13): each role's path of topics, how much each topic
// holds, and how much of it asks for a practitioner's judgement.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "bank/loader.hpp"
#include "support/built_in_bank.hpp"
#include "core/coverage.hpp"

using namespace rp;

namespace {
using test::built_in;

// The overview topics every path starts with; the rest are practice topics.
const std::set<std::string> overview = {"definitions", "responsibilities", "skills", "education",
                                        "tools",       "industries",       "outlook", "tips"};

bool on_path(const std::string& role, const std::string& topic) { return built_in().find_lesson(role, topic) != nullptr; }
}  // namespace

TEST_CASE("each role's path has at least 16 topics of at least 12 questions and 200 questions in all") {
  const auto coverage = core::compute_coverage(built_in());
  for (std::size_t r = 0; r < built_in().roles.size(); ++r) {
    const auto& role = built_in().roles[r].id;
    CAPTURE(role);
    int topics = 0, questions = 0;
    for (std::size_t t = 0; t < built_in().topics.size(); ++t) {
      const auto& topic = built_in().topics[t].id;
      CAPTURE(topic);
      const int count = coverage.questions[t][r];
      // A topic is on a role's path exactly when it has a lesson for the role, and then it has
      // questions for the role; off the path it has none.
      if (on_path(role, topic)) {
        CHECK(count >= 12);
        ++topics;
      } else {
        CHECK(count == 0);
      }
      questions += count;
    }
    CHECK(topics >= 16);
    CHECK(questions >= 200);
  }
}

TEST_CASE("the bank holds at least 450 questions a third practitioner and nearly all with a reference") {
  const auto& questions = built_in().questions;
  CHECK(questions.size() >= 450);
  const auto practitioner = std::count_if(questions.begin(), questions.end(), [](const core::Question& q) {
    return q.level == core::QuestionLevel::practitioner;
  });
  const auto unreferenced =
      std::count_if(questions.begin(), questions.end(), [](const core::Question& q) { return q.reference.url.empty(); });
  CHECK(static_cast<std::size_t>(practitioner) * 100 >= questions.size() * 30);
  CHECK(static_cast<std::size_t>(unreferenced) * 100 <= questions.size() * 10);
}

TEST_CASE("each practice topic has at least 15 questions and most ask for a practitioner's judgement") {
  int practice_topics = 0;
  for (const auto& topic : built_in().topics) {
    if (overview.count(topic.id)) continue;
    ++practice_topics;
    CAPTURE(topic.id);
    int total = 0, practitioner = 0;
    for (const auto& q : built_in().questions) {
      if (q.topic != topic.id) continue;
      ++total;
      if (q.level == core::QuestionLevel::practitioner) ++practitioner;
    }
    CHECK(total >= 15);
    // About 40% foundation and 60% practitioner.
    CHECK(practitioner * 100 >= total * 45);
    CHECK(practitioner * 100 <= total * 75);
  }
  CHECK(practice_topics >= 16);
}

TEST_CASE("every path starts with the overview and no two questions of a fact share a prompt") {
  for (const auto& role : built_in().roles) {
    CAPTURE(role.id);
    std::size_t position = 0;
    for (const auto& topic : built_in().topics) {
      if (!on_path(role.id, topic.id)) continue;
      if (position < overview.size()) CHECK(overview.count(topic.id) == 1);
      ++position;
    }
  }
  std::set<std::string> prompts;
  for (const auto& q : built_in().questions) {
    CAPTURE(q.id);
    CHECK(prompts.insert(q.prompt).second);
  }
}

TEST_CASE("the built-in bank keeps the name its first file gives it and an extra file does not rename it") {
  CHECK(built_in().id == "rolepath-default");
  CHECK(built_in().title == "AI Architect vs. ML Software Engineer");
  core::Bank extra;
  extra.id = "extra";
  extra.title = "Extra";
  auto bank = built_in();
  bank.append(extra);
  CHECK(bank.title == "AI Architect vs. ML Software Engineer");
}
