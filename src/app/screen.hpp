#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace rp::app {

// The screens of the GUI. The result screen is not in the sidebar: it belongs to "Which role
// suits you?" (whose entry stays lit there) and is opened from it, from Home and from the history.
enum class Screen { home, fit, learn, quiz, review, progress, settings, result };

// The sidebar's screens, in its order (and of the Ctrl+1..7 shortcuts).
inline constexpr std::array<Screen, 7> all_screens = {Screen::home,   Screen::fit,      Screen::learn,   Screen::quiz,
                                                      Screen::review, Screen::progress, Screen::settings};

// Every screen --screen can open: the sidebar's, then the result.
inline constexpr std::array<Screen, 8> named_screens = {Screen::home,     Screen::fit,      Screen::learn,
                                                        Screen::quiz,     Screen::review,   Screen::progress,
                                                        Screen::settings, Screen::result};

// The sidebar entry lit while a screen is shown.
constexpr Screen sidebar_entry(Screen screen) { return screen == Screen::result ? Screen::fit : screen; }

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
    case Screen::result: return "result";
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
    case Screen::result: return "Your role-fit result";
  }
  return "Home";
}

constexpr std::optional<Screen> screen_from_name(std::string_view name) {
  for (auto screen : named_screens)
    if (screen_name(screen) == name) return screen;
  return std::nullopt;
}

}  // namespace rp::app
