#include "core/markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace rp::core {

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

// A line's own markers, if it opens a block; `rest` is what follows them.
struct LineStart {
  Block::Kind kind = Block::Kind::paragraph;
  int number = 0;
  std::size_t marker_bytes = 0;
};

LineStart classify(std::string_view line) {
  if (line.rfind("### ", 0) == 0) return {Block::Kind::subheading, 0, 4};
  if (line.rfind("## ", 0) == 0) return {Block::Kind::heading, 0, 3};
  if (line.rfind("- ", 0) == 0) return {Block::Kind::bullet, 0, 2};
  std::size_t digits = 0;
  while (digits < line.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && line.size() > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ')
    return {Block::Kind::numbered, std::stoi(std::string(line.substr(0, digits))), digits + 2};
  return {};
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Markdown run() {
    std::size_t line_number = 0;
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      const auto end = std::min(text_.find('\n', pos), text_.size());
      ++line_number;
      read_line(text_.substr(pos, end - pos), line_number);
      if (end == text_.size()) break;
      pos = end + 1;
    }
    close_block();
    return std::move(out_);
  }

 private:
  void problem(std::size_t line, std::size_t column, std::string message) {
    out_.problems.push_back({line, column, std::move(message)});
  }

  void read_line(std::string_view line, std::size_t number) {
    if (is_blank(line)) {
      close_block();
      return;
    }
    if (!refuse_unsupported(line, number)) return;
    const bool continues_item = open_ && (open_kind_ == Block::Kind::bullet || open_kind_ == Block::Kind::numbered) &&
                                line.rfind("  ", 0) == 0;
    if (continues_item) {
      add_text(trim(line), number, line.find_first_not_of(' ') + 1);
      return;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      problem(number, 1, "a line may start with spaces only to continue a list item (nested lists and indented code are not supported)");
      return;
    }
    const LineStart start = classify(line);
    const bool opens_block = start.kind != Block::Kind::paragraph;
    if (opens_block || !open_ || open_kind_ != Block::Kind::paragraph) {
      close_block();
      open_ = true;
      open_kind_ = start.kind;
      open_number_ = start.number;
      open_line_ = number;
    }
    add_text(trim(line.substr(start.marker_bytes)), number, start.marker_bytes + 1);
    // A heading is one line; the next line starts a new block.
    if (start.kind == Block::Kind::heading || start.kind == Block::Kind::subheading) close_block();
  }

  // False when the line uses something the subset does not draw.
  bool refuse_unsupported(std::string_view line, std::size_t number) {
    const auto t = trim(line);
    auto refuse = [&](std::string what) {
      problem(number, line.find_first_not_of(" \t") + 1, fmt::format("{} are not supported in lessons", what));
      return false;
    };
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) return refuse("code blocks");
    if (t[0] == '>') return refuse("block quotes");
    if (t[0] == '|') return refuse("tables");
    if (t[0] == '<') return refuse("HTML tags");
    if (t.rfind("# ", 0) == 0 && line[0] == '#')
      return refuse("top-level headings (the lesson's title is its 'title'; use '## ' for sections)");
    if (t.rfind("####", 0) == 0) return refuse("headings deeper than '###'");
    if (t.rfind("* ", 0) == 0 || t.rfind("+ ", 0) == 0) return refuse("'*' and '+' list markers (write '- ')");
    if (const auto at = line.find("]("); at != std::string_view::npos) {
      problem(number, at + 1, "links are not supported in lessons (list pages under 'sources')");
      return false;
    }
    return true;
  }

  void add_text(std::string_view text, std::size_t line, std::size_t column) {
    // Lines of a block join with one space; origins_ keeps where each byte of the joined text
    // came from, for problems the inline pass finds.
    if (!pending_.empty()) {
      pending_ += ' ';
      origins_.push_back({line, column});
    }
    for (std::size_t i = 0; i < text.size(); ++i) origins_.push_back({line, column + i});
    pending_ += text;
  }

  void close_block() {
    if (!open_) return;
    Block block;
    block.kind = open_kind_;
    block.number = open_number_;
    block.line = open_line_;
    block.spans = inline_spans(pending_);
    if (block.kind == Block::Kind::heading || block.kind == Block::Kind::subheading) {
      block.anchor = anchor_of(plain_text(block));
      if (block.anchor.empty()) problem(open_line_, 1, "a heading needs some letters or digits");
    }
    if (block.spans.empty() && (block.kind == Block::Kind::bullet || block.kind == Block::Kind::numbered))
      problem(open_line_, 1, "an empty list item");
    out_.blocks.push_back(std::move(block));
    open_ = false;
    pending_.clear();
    origins_.clear();
  }

  // Splits **strong**, *emphasis* and `code` out of a block's text. A marker left open is a
  // problem at the place it was opened; markers do not nest.
  std::vector<Span> inline_spans(const std::string& text) {
    std::vector<Span> spans;
    Span current;
    std::size_t opened_at = 0;
    auto flush = [&] {
      if (!current.text.empty()) spans.push_back(current);
      current.text.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      // A backslash makes the next marker character plain text: O\*NET, a literal \`.
      if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '*' || text[i + 1] == '`' || text[i + 1] == '\\') &&
          current.style != Span::Style::code) {
        current.text += text[++i];
        continue;
      }
      const bool double_star = c == '*' && i + 1 < text.size() && text[i + 1] == '*';
      Span::Style marker = Span::Style::plain;
      if (c == '`') marker = Span::Style::code;
      else if (double_star) marker = Span::Style::strong;
      else if (c == '*') marker = Span::Style::emphasis;
      if (marker == Span::Style::plain || (current.style == Span::Style::code && marker != Span::Style::code)) {
        current.text += c;
        continue;
      }
      if (current.style == Span::Style::plain) {
        flush();
        current.style = marker;
        opened_at = i;
      } else if (current.style == marker) {
        if (current.text.empty()) report_at(i, "an empty emphasis or code span");
        flush();
        current.style = Span::Style::plain;
      } else {
        report_at(i, "emphasis markers may not nest");
        return spans;
      }
      if (double_star) ++i;
    }
    if (current.style != Span::Style::plain) {
      report_at(opened_at, current.style == Span::Style::code ? "a '`' is never closed"
                                                              : "a '*' or '**' is never closed");
      current.style = Span::Style::plain;
    }
    flush();
    return spans;
  }

  void report_at(std::size_t byte, std::string message) {
    const auto& [line, column] = byte < origins_.size() ? origins_[byte] : std::pair<std::size_t, std::size_t>{open_line_, 1};
    problem(line, column, std::move(message));
  }

  std::string_view text_;
  Markdown out_;
  bool open_ = false;
  Block::Kind open_kind_ = Block::Kind::paragraph;
  int open_number_ = 0;
  std::size_t open_line_ = 0;
  std::string pending_;
  std::vector<std::pair<std::size_t, std::size_t>> origins_;
};

}  // namespace

Markdown parse_markdown(std::string_view text) { return Parser(text).run(); }

std::string anchor_of(std::string_view heading) {
  std::string anchor;
  bool gap = false;
  for (unsigned char c : heading) {
    if (std::isalnum(c) && c < 0x80) {
      if (gap && !anchor.empty()) anchor += '-';
      anchor += static_cast<char>(std::tolower(c));
      gap = false;
    } else {
      gap = true;
    }
  }
  return anchor;
}

std::string plain_text(const Block& block) {
  std::string text;
  for (const auto& span : block.spans) text += span.text;
  return text;
}

std::size_t word_count(const Markdown& markdown) {
  std::size_t words = 0;
  for (const auto& block : markdown.blocks) {
    bool in_word = false;
    for (unsigned char c : plain_text(block)) {
      const bool space = std::isspace(c) != 0;
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words;
}

std::vector<std::string> section_anchors(const Markdown& markdown) {
  std::vector<std::string> anchors;
  for (const auto& block : markdown.blocks)
    if (block.kind == Block::Kind::heading) anchors.push_back(block.anchor);
  return anchors;
}

}  // namespace rp::core
