#pragma once
// The small Markdown subset lessons are written in, parsed once into blocks the window draws and
// the terminal prints: paragraphs, "##"/"###" headings, "- " and "1. " lists (an item may go on
// over lines indented by two spaces), **strong**, *emphasis* and `code`; a backslash before '*',
// '`' or '\' makes it plain text. Anything else (links,
// tables, quotes, code blocks, HTML, nesting) is reported as a problem with its line and column
// rather than drawn wrongly, so a lesson always looks the way its author saw it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rp::core {

struct Span {
  enum class Style { plain, strong, emphasis, code };
  Style style = Style::plain;
  std::string text;
  bool operator==(const Span&) const = default;
};

struct Block {
  enum class Kind { paragraph, heading, subheading, bullet, numbered };
  Kind kind = Kind::paragraph;
  std::vector<Span> spans;
  int number = 0;        // numbered items: the number written
  std::string anchor;    // headings: the section's anchor (see anchor_of)
  std::size_t line = 0;  // 1-based line in the text where the block starts
};

struct MarkdownProblem {
  std::size_t line = 0;    // 1-based, in the text
  std::size_t column = 0;  // 1-based, in bytes
  std::string message;
};

struct Markdown {
  std::vector<Block> blocks;
  std::vector<MarkdownProblem> problems;
};

Markdown parse_markdown(std::string_view text);

// A heading's anchor: ASCII letters lower-cased and digits kept, every other run of characters
// one '-', none at either end. "How it's done, in practice" -> "how-it-s-done-in-practice".
std::string anchor_of(std::string_view heading);

// The text a block shows, with its styling dropped.
std::string plain_text(const Block& block);

// Words of running text: runs of characters between white space, markup markers not counted.
std::size_t word_count(const Markdown& markdown);

// The section ("##" heading) anchors, in order.
std::vector<std::string> section_anchors(const Markdown& markdown);

}  // namespace rp::core
