#include "terminal/learn_terminal.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "core/markdown.hpp"

namespace rp::terminal {

std::string lesson_as_text(const core::Lesson& lesson) {
  std::string out = lesson.title + "\n" + std::string(std::min<std::size_t>(lesson.title.size(), 72), '=') + "\n";
  using Kind = core::Block::Kind;
  Kind previous = Kind::paragraph;
  bool first = true;
  for (const auto& block : core::parse_markdown(lesson.text).blocks) {
    const bool list = block.kind == Kind::bullet || block.kind == Kind::numbered;
    const bool same_list = list && previous == block.kind && !first;
    if (!same_list) out += "\n";
    const std::string text = core::plain_text(block);
    switch (block.kind) {
      case Kind::heading: out += text + "\n" + std::string(std::min<std::size_t>(text.size(), 72), '-') + "\n"; break;
      case Kind::subheading: out += text + "\n"; break;
      case Kind::paragraph: out += text + "\n"; break;
      case Kind::bullet: out += "- " + text + "\n"; break;
      case Kind::numbered: out += fmt::format("{}. {}\n", block.number, text); break;
    }
    previous = block.kind;
    first = false;
  }
  out += "\nSources\n-------\n";
  for (const auto& source : lesson.sources) out += fmt::format("- {}: {}\n", source.title, source.url);
  return out;
}

int run_learn(app::App& app, const std::optional<std::string>& role_id, const std::optional<std::string>& topic_id,
              bool mark_read, std::ostream& out, std::ostream& err) {
  const core::Bank& bank = app.bank();
  std::optional<std::size_t> role;
  if (role_id) {
    for (std::size_t r = 0; r < bank.roles.size(); ++r)
      if (bank.roles[r].id == *role_id) role = r;
    if (!role) {
      fmt::print(err, "rolepath: unknown role '{}'\n", *role_id);
      return 1;
    }
  }
  if (topic_id) {
    if (!bank.find_topic(*topic_id)) {
      fmt::print(err, "rolepath: unknown topic '{}'\n", *topic_id);
      return 1;
    }
    const core::Lesson* lesson = nullptr;
    for (std::size_t r = 0; r < bank.roles.size() && !lesson; ++r)
      if (!role || *role == r) lesson = bank.find_lesson(bank.roles[r].id, *topic_id);
    if (!lesson) {
      fmt::print(err, "rolepath: no lesson on topic '{}'{}\n", *topic_id,
                 role ? fmt::format(" for role '{}'", *role_id) : std::string());
      return 1;
    }
    out << lesson_as_text(*lesson);
    if (mark_read) {
      app.apply(app::action::LearnOpen{lesson->id, ""});
      app.apply(app::action::LearnReachedEnd{});
      fmt::print(out, "\nRecorded as read.\n");
    }
    return 0;
  }
  for (std::size_t r = 0; r < bank.roles.size(); ++r) {
    if (role && *role != r) continue;
    app.apply(app::action::LearnChooseRole{r});
    const auto& learn = app.view().learn;
    fmt::print(out, "{} ({} of {} lessons read)\n", bank.roles[r].name, learn.read_count, learn.path.size());
    for (std::size_t i = 0; i < learn.path.size(); ++i) {
      const auto& line = learn.path[i];
      fmt::print(out, "  {:>2}. {:<9} {:<18} {} ({} min)\n", i + 1, line.read ? "read" : "not read", line.topic_id,
                 line.title, line.minutes);
    }
  }
  return 0;
}

}  // namespace rp::terminal
