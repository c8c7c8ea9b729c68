#pragma once
#include <optional>
#include <string_view>

namespace rp::core {

// What a study session was for; stored as its name.
enum class SessionKind { fit, quiz, review };

constexpr std::string_view to_string(SessionKind kind) {
  switch (kind) {
    case SessionKind::fit: return "fit";
    case SessionKind::quiz: return "quiz";
    case SessionKind::review: return "review";
  }
  return "quiz";
}

constexpr std::optional<SessionKind> session_kind_from_string(std::string_view text) {
  for (auto kind : {SessionKind::fit, SessionKind::quiz, SessionKind::review})
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

}  // namespace rp::core
