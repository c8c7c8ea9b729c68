#pragma once
#include <iosfwd>
#include <optional>
#include <string>

#include "app/app.hpp"
#include "core/bank.hpp"

namespace rp::terminal {

// `rolepath learn --terminal`: with a topic, prints that topic's lesson for the role as plain text
// (headings, lists and paragraphs; no markup), then its sources; `mark_read` records it as read.
// Without a topic, lists the role's path (every role's when none is named) with read / not read.
// Returns the exit status: 1 when the role or topic is unknown or has no lesson.
int run_learn(app::App& app, const std::optional<std::string>& role_id, const std::optional<std::string>& topic_id,
              bool mark_read, std::ostream& out, std::ostream& err);

// A lesson as plain text, lines unwrapped so a screen reader or a pager wraps them.
std::string lesson_as_text(const core::Lesson& lesson);

}  // namespace rp::terminal
