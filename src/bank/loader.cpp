#include "bank/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/markdown.hpp"

namespace rp::bank {

std::string Diagnostic::to_string() const { return fmt::format("{}:{}:{}: {}", file, line, column, message); }

namespace {

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string_view node_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
  }
}

// Walks one parsed file, collecting every problem with its position.
class Reader {
 public:
  Reader(std::string_view file, std::string_view text, const core::Bank& base, const Limits& limits)
      : file_(file), text_(text), base_(base), limits_(limits) {}

  LoadResult read(const toml::table& root) {
    check_keys(root, {"bank", "role", "topic", "lesson", "question", "statement", "card"}, "the file");
    if (auto* header = root.get("bank")) read_header(*header);
    for_each_table(root, "role", [this](const toml::table& t) { read_role(t); });
    for_each_table(root, "topic", [this](const toml::table& t) { read_topic(t); });
    for_each_table(root, "lesson", [this](const toml::table& t) { read_lesson(t); });
    for_each_table(root, "question", [this](const toml::table& t) { read_question(t); });
    for_each_table(root, "statement", [this](const toml::table& t) { read_statement(t); });
    for_each_table(root, "card", [this](const toml::table& t) { read_card(t); });
    const auto items = out_.roles.size() + out_.topics.size() + out_.lessons.size() + out_.questions.size() +
                       out_.statements.size() + out_.cards.size();
    if (items > limits_.max_items)
      error(root.source(), fmt::format("the bank holds {} items; at most {} are allowed", items, limits_.max_items));
    check_sections();
    return LoadResult{std::move(out_), std::move(errors_)};
  }

  void error(const toml::source_region& at, std::string message) {
    errors_.push_back(Diagnostic{std::string(file_), at.begin.line, at.begin.column, std::move(message)});
  }

 private:
  template <typename Fn>
  void for_each_table(const toml::table& root, std::string_view key, Fn&& fn) {
    const toml::node* node = root.get(key);
    if (!node) return;
    const auto* array = node->as_array();
    if (!array) {
      error(node->source(), fmt::format("'{}' must be written as [[{}]] tables", key, key));
      return;
    }
    for (const auto& element : *array) {
      if (const auto* table = element.as_table()) {
        fn(*table);
      } else {
        error(element.source(), fmt::format("each '{}' entry must be a table", key));
      }
    }
  }

  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
    for (const auto& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        std::string list;
        for (auto name : allowed) list += fmt::format("{}{}", list.empty() ? "" : ", ", name);
        error(key.source(), fmt::format("unknown key '{}' in {} (expected one of: {})", key.str(), where, list));
      }
    }
  }

  const toml::node* require(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    if (!node) error(table.source(), fmt::format("{} is missing '{}'", where, key));
    return node;
  }

  // A required string of 1..max_length characters.
  std::string text(const toml::table& table, std::string_view key, std::size_t max_length, std::string_view where) {
    const toml::node* node = require(table, key, where);
    if (!node) return {};
    return text_value(*node, key, max_length);
  }

  std::string text_value(const toml::node& node, std::string_view key, std::size_t max_length) {
    const auto* value = node.as_string();
    if (!value) {
      error(node.source(), fmt::format("'{}' must be a string, not {}", key, node_type_name(node)));
      return {};
    }
    const std::string& s = value->get();
    const auto trimmed = s.find_first_not_of(" \t\r\n");
    if (trimmed == std::string::npos) {
      error(node.source(), fmt::format("'{}' is empty", key));
    } else if (auto length = utf8_length(s); length > max_length) {
      error(node.source(), fmt::format("'{}' is {} characters long; at most {} are allowed", key, length, max_length));
    }
    return s;
  }

  std::string id(const toml::table& table, std::string_view where, std::set<std::string>& seen,
                 const std::set<std::string>& base_ids) {
    const toml::node* node = require(table, "id", where);
    if (!node) return {};
    std::string value = text_value(*node, "id", limits_.max_id);
    if (value.empty()) return value;
    if (!is_valid_id(value)) {
      error(node->source(), fmt::format("id '{}' may use only a-z, 0-9, '_' and '-'", value));
    } else if (base_ids.count(value) || !seen.insert(value).second) {
      error(node->source(), fmt::format("duplicate {} id '{}'", where, value));
    }
    return value;
  }

  // A role id that this file or the base bank defines.
  void check_role(const toml::node& node, const std::string& role_id) {
    if (!role_ids_.count(role_id) && !base_.find_role(role_id))
      error(node.source(), fmt::format("unknown role '{}'", role_id));
  }

  void check_topic(const toml::node& node, const std::string& topic_id) {
    if (!topic_ids_.count(topic_id) && !base_.find_topic(topic_id))
      error(node.source(), fmt::format("unknown topic '{}'", topic_id));
  }

  // Calls `use(element, role id)` for each known role id in the table's required 'roles' array.
  template <typename Use>
  void for_each_role(const toml::table& table, std::string_view where, Use&& use) {
    const toml::node* node = require(table, "roles", where);
    if (!node) return;
    const auto* array = node->as_array();
    if (!array || array->empty()) {
      error(node->source(), "'roles' must be a non-empty array of role ids");
      return;
    }
    for (const auto& element : *array) {
      std::string role = text_value(element, "roles", limits_.max_id);
      if (role.empty()) continue;
      check_role(element, role);
      use(element, std::move(role));
    }
  }

  std::string topic_ref(const toml::table& table, std::string_view where) {
    const toml::node* node = require(table, "topic", where);
    if (!node) return {};
    std::string value = text_value(*node, "topic", limits_.max_id);
    if (!value.empty()) check_topic(*node, value);
    return value;
  }

  void read_header(const toml::node& node) {
    const auto* table = node.as_table();
    if (!table) {
      error(node.source(), "'bank' must be a table: [bank]");
      return;
    }
    check_keys(*table, {"id", "title", "version"}, "[bank]");
    if (table->get("id")) out_.id = text(*table, "id", limits_.max_id, "[bank]");
    if (table->get("title")) out_.title = text(*table, "title", limits_.max_name + 40, "[bank]");
    if (const auto* version = table->get("version"); version && !version->is_integer())
      error(version->source(), "'version' must be an integer");
  }

  void read_role(const toml::table& t) {
    check_keys(t, {"id", "name", "summary"}, "a [[role]]");
    core::Role role;
    role.id = id(t, "role", role_ids_, base_role_ids());
    role.name = text(t, "name", limits_.max_name, "a [[role]]");
    role.summary = text(t, "summary", limits_.max_summary, "a [[role]]");
    out_.roles.push_back(std::move(role));
  }

  void read_topic(const toml::table& t) {
    check_keys(t, {"id", "name"}, "a [[topic]]");
    core::Topic topic;
    topic.id = id(t, "topic", topic_ids_, base_topic_ids());
    topic.name = text(t, "name", limits_.max_name, "a [[topic]]");
    out_.topics.push_back(std::move(topic));
  }

  void read_question(const toml::table& t) {
    constexpr std::string_view where = "a [[question]]";
    check_keys(t, {"id", "roles", "topic", "kind", "prompt", "options", "answer", "explanation", "source", "section",
                   "level", "fact", "reference"},
               where);
    core::Question q;
    q.id = id(t, "question", question_ids_, base_question_ids());
    q.topic = topic_ref(t, where);
    q.prompt = text(t, "prompt", limits_.max_prompt, where);
    q.explanation = text(t, "explanation", limits_.max_explanation, where);

    for_each_role(t, where, [&](const toml::node& element, std::string role) {
      if (std::find(q.roles.begin(), q.roles.end(), role) != q.roles.end())
        error(element.source(), fmt::format("role '{}' is listed twice", role));
      q.roles.push_back(std::move(role));
    });

    if (const auto* node = t.get("source")) {
      q.source = text_value(*node, "source", limits_.max_id);
      if (!q.source.empty() && q.source != "general") check_topic(*node, q.source);
    }
    if (const auto* node = t.get("level")) {
      const std::string level = text_value(*node, "level", limits_.max_id);
      if (auto parsed = core::question_level_from_string(level)) {
        q.level = *parsed;
      } else if (!level.empty()) {
        error(node->source(), fmt::format("unknown level '{}' (expected foundation or practitioner)", level));
      }
    }
    if (const auto* node = t.get("fact")) {
      q.fact = text_value(*node, "fact", limits_.max_id);
      if (!q.fact.empty() && !is_valid_id(q.fact))
        error(node->source(), fmt::format("fact '{}' may use only a-z, 0-9, '_' and '-'", q.fact));
    }
    if (const auto* node = t.get("reference")) q.reference = read_source(*node, "reference");
    if (const auto* node = t.get("section")) {
      q.section = text_value(*node, "section", limits_.max_id);
      if (!q.section.empty()) sections_to_check_.push_back({node->source(), out_.questions.size()});
    }

    bool kind_known = false;
    if (const auto* node = require(t, "kind", where)) {
      const std::string kind = text_value(*node, "kind", limits_.max_id);
      if (auto parsed = core::question_kind_from_string(kind)) {
        q.kind = *parsed;
        kind_known = true;
      } else if (!kind.empty()) {
        error(node->source(), fmt::format("unknown kind '{}' (expected single, multi, truefalse or which_role)", kind));
      }
    }
    if (kind_known) read_options_and_answer(t, q);
    out_.questions.push_back(std::move(q));
  }

  void read_options_and_answer(const toml::table& t, core::Question& q) {
    constexpr std::string_view where = "a [[question]]";
    const bool has_options = q.kind == core::QuestionKind::single || q.kind == core::QuestionKind::multi;
    const toml::node* options = t.get("options");
    if (has_options) {
      if (!options) {
        error(t.source(), fmt::format("a {} question needs 'options'", core::to_string(q.kind)));
      } else if (const auto* array = options->as_array()) {
        for (const auto& element : *array) q.options.push_back(text_value(element, "options", limits_.max_option));
        if (q.options.size() < 2 || q.options.size() > limits_.max_options)
          error(options->source(), fmt::format("a question needs 2 to {} options, not {}", limits_.max_options, q.options.size()));
      } else {
        error(options->source(), "'options' must be an array of strings");
      }
    } else if (options) {
      error(options->source(), fmt::format("a {} question takes no 'options'", core::to_string(q.kind)));
    }

    const toml::node* answer = require(t, "answer", where);
    if (!answer) return;
    switch (q.kind) {
      case core::QuestionKind::single: {
        if (!answer->is_integer()) {
          error(answer->source(), "a single question's 'answer' must be the index of the right option (0 is the first)");
          return;
        }
        read_index(*answer, q);
        return;
      }
      case core::QuestionKind::multi: {
        const auto* array = answer->as_array();
        if (!array || array->empty()) {
          error(answer->source(), "a multi question's 'answer' must be a non-empty array of option indices");
          return;
        }
        for (const auto& element : *array) {
          if (!element.is_integer()) {
            error(element.source(), "each answer index must be an integer");
            continue;
          }
          read_index(element, q);
        }
        if (!q.options.empty() && q.answer_indices.size() >= q.options.size())
          error(answer->source(), "a multi question needs at least one wrong option");
        return;
      }
      case core::QuestionKind::true_false: {
        if (const auto* value = answer->as_boolean()) {
          q.answer_true = value->get();
        } else {
          error(answer->source(), "a truefalse question's 'answer' must be true or false");
        }
        return;
      }
      case core::QuestionKind::which_role: {
        read_role_answer(*answer, q);
        return;
      }
    }
  }

  void read_index(const toml::node& node, core::Question& q) {
    const auto value = node.as_integer()->get();
    if (value < 0 || (!q.options.empty() && value >= static_cast<std::int64_t>(q.options.size()))) {
      error(node.source(), fmt::format("answer index {} is out of range (0 to {})", value,
                                       static_cast<std::int64_t>(q.options.size()) - 1));
      return;
    }
    const auto index = static_cast<std::size_t>(value);
    if (std::find(q.answer_indices.begin(), q.answer_indices.end(), index) != q.answer_indices.end()) {
      error(node.source(), fmt::format("answer index {} is listed twice", value));
      return;
    }
    q.answer_indices.push_back(index);
  }

  void read_role_answer(const toml::node& answer, core::Question& q) {
    if (q.roles.size() < 2) error(answer.source(), "a which_role question must list at least two roles to choose from");
    auto take = [&](const toml::node& node) {
      std::string role = text_value(node, "answer", limits_.max_id);
      if (role.empty()) return;
      if (std::find(q.roles.begin(), q.roles.end(), role) == q.roles.end()) {
        error(node.source(), fmt::format("answer '{}' is not one of the question's roles", role));
        return;
      }
      if (std::find(q.answer_roles.begin(), q.answer_roles.end(), role) != q.answer_roles.end()) {
        error(node.source(), fmt::format("answer role '{}' is listed twice", role));
        return;
      }
      q.answer_roles.push_back(std::move(role));
    };
    if (const auto* array = answer.as_array()) {
      if (array->empty()) error(answer.source(), "a which_role 'answer' list may not be empty");
      for (const auto& element : *array) take(element);
    } else if (answer.is_string()) {
      take(answer);
    } else {
      error(answer.source(), "a which_role question's 'answer' must be a role id or a list of role ids");
    }
  }

  // A page cited by a lesson or a question: { title = "...", url = "https://..." }.
  core::Source read_source(const toml::node& node, std::string_view key) {
    core::Source source;
    const auto* table = node.as_table();
    if (!table) {
      error(node.source(), fmt::format("'{}' must be a table: {{ title = \"...\", url = \"https://...\" }}", key));
      return source;
    }
    const std::string where = fmt::format("a '{}'", key);
    check_keys(*table, {"title", "url"}, where);
    source.title = text(*table, "title", limits_.max_source_title, where);
    source.url = text(*table, "url", limits_.max_url, where);
    if (!source.url.empty() && source.url.rfind("https://", 0) != 0 && source.url.rfind("http://", 0) != 0)
      error(table->get("url")->source(), "a 'url' must start with https:// or http://");
    return source;
  }

  void read_lesson(const toml::table& t) {
    constexpr std::string_view where = "a [[lesson]]";
    check_keys(t, {"id", "topic", "roles", "title", "text", "sources"}, where);
    core::Lesson lesson;
    lesson.id = id(t, "lesson", lesson_ids_, base_lesson_ids());
    lesson.topic = topic_ref(t, where);
    lesson.title = text(t, "title", limits_.max_name, where);
    lesson.text = text(t, "text", limits_.max_lesson, where);
    if (const auto* node = t.get("text"); node && !lesson.text.empty()) {
      const auto markdown = core::parse_markdown(lesson.text);
      check_markdown(*node, markdown);
      for (const auto& block : markdown.blocks)
        if (!block.anchor.empty()) lesson.headings.push_back({block.anchor, core::plain_text(block)});
      lesson.words = core::word_count(markdown);
    }
    for_each_role(t, where, [&](const toml::node& element, std::string role) {
      const core::Lesson* other = base_.find_lesson(role, lesson.topic);
      if (!other) other = out_.find_lesson(role, lesson.topic);
      if (other) {
        error(element.source(),
              fmt::format("role '{}' already has a lesson on topic '{}' ('{}')", role, lesson.topic, other->id));
      } else if (std::find(lesson.roles.begin(), lesson.roles.end(), role) != lesson.roles.end()) {
        error(element.source(), fmt::format("role '{}' is listed twice", role));
      } else {
        lesson.roles.push_back(std::move(role));
      }
    });
    if (const auto* node = require(t, "sources", where)) {
      const auto* array = node->as_array();
      if (!array || array->empty() || array->size() > limits_.max_sources) {
        error(node->source(),
              fmt::format("'sources' must be an array of 1 to {} {{ title, url }} tables", limits_.max_sources));
      } else {
        for (const auto& element : *array) lesson.sources.push_back(read_source(element, "sources"));
      }
    }
    out_.lessons.push_back(std::move(lesson));
  }

  // Reports Markdown problems at their place in the file. A multi-line string that opens with a
  // line break drops it, so its first line is the file's next line.
  void check_markdown(const toml::node& node, const core::Markdown& markdown) {
    const auto& problems = markdown.problems;
    if (problems.empty()) return;
    const auto begin = node.source().begin;
    std::size_t first_line = begin.line, first_column = begin.column + 1;
    const std::string_view line = source_line(begin.line);
    const std::string_view opening = line.substr(std::min<std::size_t>(begin.column - 1, line.size()));
    if (opening.rfind(R"(""")", 0) == 0 || opening.rfind("\'\'\'", 0) == 0) {
      if (opening.substr(3).find_first_not_of(" \t\r") == std::string_view::npos) {
        ++first_line;
        first_column = 1;
      } else {
        first_column = begin.column + 3;
      }
    }
    for (const auto& p : problems) {
      const auto at_line = static_cast<std::uint32_t>(first_line + p.line - 1);
      const auto at_column = static_cast<std::uint32_t>(p.line == 1 ? first_column + p.column - 1 : p.column);
      errors_.push_back(Diagnostic{std::string(file_), at_line, at_column, p.message});
    }
  }

  std::string_view source_line(std::size_t line) const {
    std::size_t pos = 0;
    for (std::size_t n = 1; n < line; ++n) {
      pos = text_.find('\n', pos);
      if (pos == std::string_view::npos) return {};
      ++pos;
    }
    return text_.substr(pos, text_.find('\n', pos) - pos);
  }

  // A question's section must be a heading of a lesson on its topic for one of its roles.
  void check_sections() {
    for (const auto& [at, index] : sections_to_check_) {
      const core::Question& q = out_.questions[index];
      bool found = false, any_lesson = false;
      for (const auto& role : q.roles) {
        for (const core::Bank* bank : std::initializer_list<const core::Bank*>{&out_, &base_}) {
          const core::Lesson* lesson = bank->find_lesson(role, q.topic);
          if (!lesson) continue;
          any_lesson = true;
          found = found || std::any_of(lesson->headings.begin(), lesson->headings.end(),
                                       [&](const core::Lesson::Heading& h) { return h.anchor == q.section; });
        }
      }
      if (!any_lesson)
        error(at, fmt::format("section '{}' is given, but no lesson on topic '{}' teaches the question's roles",
                              q.section, q.topic));
      else if (!found)
        error(at, fmt::format("no heading of the lesson on topic '{}' has the anchor '{}'", q.topic, q.section));
    }
  }

  void read_statement(const toml::table& t) {
    constexpr std::string_view where = "a [[statement]]";
    check_keys(t, {"id", "text", "topic", "weights"}, where);
    core::Statement s;
    s.id = id(t, "statement", statement_ids_, base_statement_ids());
    s.text = text(t, "text", limits_.max_statement, where);
    s.topic = topic_ref(t, where);
    if (const auto* node = require(t, "weights", where)) {
      const auto* table = node->as_table();
      if (!table) {
        error(node->source(), "'weights' must be a table of role id = number, e.g. { ai_architect = 0.5 }");
      } else {
        bool any_nonzero = false;
        for (const auto& [key, value] : *table) {
          const std::string role(key.str());
          check_role(value, role);
          std::optional<double> weight;
          if (value.is_integer()) weight = static_cast<double>(value.as_integer()->get());
          if (value.is_floating_point()) weight = value.as_floating_point()->get();
          if (!weight) {
            error(value.source(), fmt::format("weight for '{}' must be a number", role));
          } else if (!(*weight >= -1.0 && *weight <= 1.0)) {
            error(value.source(), fmt::format("weight for '{}' is {}; it must lie in [-1, 1]", role, *weight));
          } else {
            any_nonzero = any_nonzero || *weight != 0.0;
            s.weights[role] = *weight;
          }
        }
        if (!any_nonzero && table->size() > 0) error(node->source(), "a statement needs at least one non-zero weight");
        if (table->empty()) error(node->source(), "'weights' is empty");
      }
    }
    out_.statements.push_back(std::move(s));
  }

  void read_card(const toml::table& t) {
    constexpr std::string_view where = "a [[card]]";
    check_keys(t, {"role", "topic", "text"}, where);
    core::StudyCard card;
    if (const auto* node = require(t, "role", where)) {
      card.role = text_value(*node, "role", limits_.max_id);
      if (!card.role.empty()) check_role(*node, card.role);
    }
    card.topic = topic_ref(t, where);
    card.text = text(t, "text", limits_.max_card, where);
    if (!card.role.empty() && !card.topic.empty()) {
      const bool in_base = base_.find_card(card.role, card.topic) != nullptr;
      if (in_base || !card_keys_.insert(card.role + "/" + card.topic).second)
        error(t.source(), fmt::format("duplicate card for role '{}' and topic '{}'", card.role, card.topic));
    }
    out_.cards.push_back(std::move(card));
  }

  template <typename Items>
  static std::set<std::string> ids_of(const Items& items) {
    std::set<std::string> ids;
    for (const auto& item : items) ids.insert(item.id);
    return ids;
  }
  const std::set<std::string>& base_role_ids() { return base_roles_ ? *base_roles_ : *(base_roles_ = ids_of(base_.roles)); }
  const std::set<std::string>& base_topic_ids() { return base_topics_ ? *base_topics_ : *(base_topics_ = ids_of(base_.topics)); }
  const std::set<std::string>& base_question_ids() {
    return base_questions_ ? *base_questions_ : *(base_questions_ = ids_of(base_.questions));
  }
  const std::set<std::string>& base_lesson_ids() {
    return base_lessons_ ? *base_lessons_ : *(base_lessons_ = ids_of(base_.lessons));
  }
  const std::set<std::string>& base_statement_ids() {
    return base_statements_ ? *base_statements_ : *(base_statements_ = ids_of(base_.statements));
  }

  std::string_view file_;
  std::string_view text_;
  const core::Bank& base_;
  const Limits& limits_;
  core::Bank out_;
  std::vector<Diagnostic> errors_;
  std::set<std::string> role_ids_, topic_ids_, lesson_ids_, question_ids_, statement_ids_, card_keys_;
  std::optional<std::set<std::string>> base_roles_, base_topics_, base_lessons_, base_questions_, base_statements_;
  std::vector<std::pair<toml::source_region, std::size_t>> sections_to_check_;  // where, question index
};

}  // namespace

LoadResult parse_bank(std::string_view text, std::string_view file_name, const core::Bank& base, const Limits& limits) {
  LoadResult result;
  if (text.size() > limits.max_file_bytes) {
    result.errors.push_back(Diagnostic{std::string(file_name), 1, 1,
                                       fmt::format("the file is {} bytes; a bank may be at most {} bytes", text.size(),
                                                   limits.max_file_bytes)});
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    result.errors.push_back(Diagnostic{std::string(file_name), e.source().begin.line, e.source().begin.column,
                                       std::string(e.description())});
    return result;
  }
  // Roles and topics are read before the items that refer to them, whatever the file's order.
  return Reader(file_name, text, base, limits).read(root);
}

LoadResult load_bank_file(const std::filesystem::path& path, const core::Bank& base, const Limits& limits) {
  const std::string name = path.string();
  auto fail = [&name](std::string message) {
    LoadResult result;
    result.errors.push_back(Diagnostic{name, 1, 1, std::move(message)});
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("is a directory, not a bank file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(fmt::format("cannot read: {}", ec.message()));
  if (size > limits.max_file_bytes)
    return fail(fmt::format("the file is {} bytes; a bank may be at most {} bytes", size, limits.max_file_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open the file for reading");
  std::ostringstream contents;
  contents << in.rdbuf();
  return parse_bank(contents.str(), name, base, limits);
}

LoadResult load_builtin_bank() {
  LoadResult total;
  for (const auto& [name, text] : builtin_bank_files()) {
    LoadResult more = parse_bank(text, name, total.bank);
    total.errors.insert(total.errors.end(), more.errors.begin(), more.errors.end());
    if (more.ok()) total.bank.append(std::move(more.bank));
  }
  return total;
}

LoadResult load_banks(const std::vector<std::filesystem::path>& files, bool on_default_bank) {
  LoadResult total;
  if (on_default_bank) total = load_builtin_bank();
  for (const auto& path : files) {
    LoadResult more = load_bank_file(path, total.bank);
    total.errors.insert(total.errors.end(), more.errors.begin(), more.errors.end());
    if (more.ok()) total.bank.append(std::move(more.bank));
  }
  return total;
}

}  // namespace rp::bank
