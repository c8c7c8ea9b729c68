#include <doctest/doctest.h>

#include "core/markdown.hpp"

using namespace rp::core;

namespace {
std::string problems_of(const Markdown& m) {
  std::string out;
  for (const auto& p : m.problems) out += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message + "\n";
  return out;
}
}  // namespace

TEST_CASE("markdown: paragraphs join their lines and split at blank lines") {
  const auto m = parse_markdown("First line\nsecond line.\n\nAnother paragraph.\n");
  INFO(problems_of(m));
  REQUIRE(m.problems.empty());
  REQUIRE(m.blocks.size() == 2);
  CHECK(plain_text(m.blocks[0]) == "First line second line.");
  CHECK(m.blocks[0].line == 1);
  CHECK(m.blocks[1].kind == Block::Kind::paragraph);
  CHECK(m.blocks[1].line == 4);
}

TEST_CASE("markdown: headings get anchors and lists keep their numbers") {
  const auto m = parse_markdown("## How it's done, in practice\ntext\n### Sub part\n- one\n- two\n  goes on\n\n3. third\n4. fourth\n");
  INFO(problems_of(m));
  REQUIRE(m.problems.empty());
  REQUIRE(m.blocks.size() == 7);
  CHECK(m.blocks[0].kind == Block::Kind::heading);
  CHECK(m.blocks[0].anchor == "how-it-s-done-in-practice");
  CHECK(m.blocks[1].kind == Block::Kind::paragraph);
  CHECK(m.blocks[2].kind == Block::Kind::subheading);
  CHECK(m.blocks[2].anchor == "sub-part");
  CHECK(m.blocks[3].kind == Block::Kind::bullet);
  CHECK(plain_text(m.blocks[4]) == "two goes on");
  CHECK(m.blocks[5].kind == Block::Kind::numbered);
  CHECK(m.blocks[5].number == 3);
  CHECK(m.blocks[6].number == 4);
  CHECK(section_anchors(m) == std::vector<std::string>{"how-it-s-done-in-practice"});
}

TEST_CASE("markdown: strong emphasis and code become styled spans across lines") {
  const auto m = parse_markdown("Use **strong\nwords**, *a note* and `pip install x` here.");
  INFO(problems_of(m));
  REQUIRE(m.problems.empty());
  REQUIRE(m.blocks.size() == 1);
  const std::vector<Span> expected = {{Span::Style::plain, "Use "},
                                      {Span::Style::strong, "strong words"},
                                      {Span::Style::plain, ", "},
                                      {Span::Style::emphasis, "a note"},
                                      {Span::Style::plain, " and "},
                                      {Span::Style::code, "pip install x"},
                                      {Span::Style::plain, " here."}};
  CHECK(m.blocks[0].spans == expected);
}

TEST_CASE("markdown: an asterisk inside code is code not emphasis") {
  const auto m = parse_markdown("Run `a*b*c` now.");
  REQUIRE(m.problems.empty());
  REQUIRE(m.blocks[0].spans.size() == 3);
  CHECK(m.blocks[0].spans[1].text == "a*b*c");
}

TEST_CASE("markdown: what the subset cannot draw is a problem at its line and column") {
  const auto m = parse_markdown("Intro.\n\n# Title\n> quoted\n| a | b |\n```\n<b>x</b>\nsee [docs](https://x)\n  indented\n#### deep\n* star\n");
  const auto text = problems_of(m);
  INFO(text);
  CHECK(text.find("3:1: top-level headings") != std::string::npos);
  CHECK(text.find("4:1: block quotes") != std::string::npos);
  CHECK(text.find("5:1: tables") != std::string::npos);
  CHECK(text.find("6:1: code blocks") != std::string::npos);
  CHECK(text.find("7:1: HTML") != std::string::npos);
  CHECK(text.find("8:10: links") != std::string::npos);
  CHECK(text.find("9:1: a line may start with spaces") != std::string::npos);
  CHECK(text.find("10:1: headings deeper") != std::string::npos);
  CHECK(text.find("11:1: '*' and '+' list markers") != std::string::npos);
}

TEST_CASE("markdown: an unclosed or nested marker names the place it opened") {
  const auto unclosed = parse_markdown("Fine line\nthen `open code and **bold**");
  REQUIRE(unclosed.problems.size() == 1);
  CHECK(unclosed.problems[0].line == 2);
  CHECK(unclosed.problems[0].column == 6);
  CHECK(unclosed.problems[0].message.find("never closed") != std::string::npos);

  const auto nested = parse_markdown("**bold *inner* text**");
  REQUIRE(nested.problems.size() == 1);
  CHECK(nested.problems[0].message.find("may not nest") != std::string::npos);
  CHECK(nested.problems[0].column == 8);
}

TEST_CASE("markdown: anchors drop punctuation and non-ASCII and words count running text") {
  CHECK(anchor_of("  Key terms!  ") == "key-terms");
  CHECK(anchor_of("Café — 2024–34 outlook") == "caf-2024-34-outlook");
  CHECK(anchor_of("***") == "");
  const auto m = parse_markdown("## Two words\n\nThree **more** words.\n- and four more here\n");
  CHECK(word_count(m) == 9);
}

TEST_CASE("markdown: a heading with no letters or digits is a problem") {
  const auto m = parse_markdown("## ---\n");
  REQUIRE(m.problems.size() == 1);
  CHECK(m.problems[0].message.find("letters or digits") != std::string::npos);
}

TEST_CASE("markdown: a backslash makes a marker plain text") {
  const auto m = parse_markdown("The O\\*NET database and a \\` tick, *then emphasis*.");
  INFO(problems_of(m));
  REQUIRE(m.problems.empty());
  REQUIRE(m.blocks[0].spans.size() == 3);
  CHECK(m.blocks[0].spans[0].text == "The O*NET database and a ` tick, ");
  CHECK(m.blocks[0].spans[1].style == Span::Style::emphasis);
}
