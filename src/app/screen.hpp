#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace rp::app {

// The screens of the GUI, in the order of the sidebar (and of the Ctrl+1..7 shortcuts).
enum class Screen { home, fit, learn, quiz, review, progress, settings };

inline constexpr std::array<Screen, 7> all_screens = {Screen::home,   Screen::fit,      Screen::learn,   Screen::quiz,
                                                      Screen::review, Screen::progress, Screen::settings};

// The name used by --screen.
constexpr std::string_view screen_name(Screen screen) {
  switch (screen) {
    case Screen::home: return "home";
    case Screen::fit: return "fit";
    case Screen::learn: return "learn";
    case Screen::quiz: return "quiz";
    case Screen::review: return "review";
    case Screen::progress: return "progress";
    case Screen::settings: return "settings";
  }
  return "home";
}

// The title shown in the sidebar and as the screen's heading.
constexpr std::string_view screen_title(Screen screen) {
  switch (screen) {
    case Screen::home: return "Home";
    case Screen::fit: return "Which role suits you?";
    case Screen::learn: return "Learn";
    case Screen::quiz: return "Topic quiz";
    case Screen::review: return "Review";
    case Screen::progress: return "Progress";
    case Screen::settings: return "Settings";
  }
  return "Home";
}

constexpr std::optional<Screen> screen_from_name(std::string_view name) {
  for (auto screen : all_screens)
    if (screen_name(screen) == name) return screen;
  return std::nullopt;
}

}  // namespace rp::app
