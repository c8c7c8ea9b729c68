#include "app/profiles_controller.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string_view>

#include "core/settings.hpp"
#include "core/text.hpp"
#include "store/repositories.hpp"

namespace rp::app {

namespace {
constexpr const char* theme_key = "theme";  // app-wide
constexpr const char* current_profile_key = "current_profile";
constexpr const char* text_size_key = "text_size";  // per profile

std::string_view theme_name(Theme theme) { return theme == Theme::dark ? "dark" : "light"; }

// A stored number, or nothing when the setting is missing or unreadable (an old or edited file).
std::optional<long long> stored_number(store::Store& store, store::RowId owner, const char* key) {
  const auto text = store::Settings(store).get(owner, key);
  if (!text) return std::nullopt;
  try {
    return std::stoll(*text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}
}  // namespace

ProfilesController::ProfilesController(store::Store& store, const Clock& clock, ViewState& view)
    : store_(store), clock_(clock), view_(view) {
  if (store::Settings(store_).get(store::Settings::app_wide, theme_key) == std::string("dark")) view_.theme = Theme::dark;
}

// Every name that creates a profile at start passes here, as the window's fields pass
// report_name_problem. Characters are counted as core::scan_utf8 counts them, which is what
// SQLite's length() in the profile table's CHECK counts for valid UTF-8, so a name this accepts
// is stored.
std::int64_t ProfilesController::choose_at_start(const std::optional<std::string>& name) {
  const auto now = clock_.now();
  store::Profiles profiles(store_);
  if (name) {
    if (const auto problem = core::profile_name_problem(*name, core::max_profile_name)) throw std::invalid_argument(*problem);
    return profiles.ensure(*name, now).id;
  }
  if (const auto last = stored_number(store_, store::Settings::app_wide, current_profile_key))
    if (const auto profile = profiles.find(*last)) return profile->id;
  return profiles.ensure("Learner", now).id;
}

void ProfilesController::use(std::int64_t profile_id) {
  const auto profile = store::Profiles(store_).find(profile_id);
  if (!profile) throw std::invalid_argument("that profile no longer exists");
  current_ = profile->id;
  store::Settings(store_).set(store::Settings::app_wide, current_profile_key, std::to_string(current_));
  view_.profile_name = profile->name;
  view_.characters.add(profile->name);
  view_.name_problem.reset();
  const auto size = stored_number(store_, current_, text_size_key);
  view_.text_size = core::TextSize(size ? static_cast<int>(std::clamp<long long>(*size, INT_MIN, INT_MAX)) : core::TextSize::normal).percent();
}

Changes ProfilesController::handle(const action::SetTheme& a) {
  if (a.theme == view_.theme) return {};
  store::Settings(store_).set(store::Settings::app_wide, theme_key, std::string(theme_name(a.theme)));
  view_.theme = a.theme;
  return {};
}

Changes ProfilesController::handle(const action::SetTextSize& a) {
  const core::TextSize size(a.percent);
  store::Settings(store_).set(current_, text_size_key, std::to_string(size.percent()));
  view_.text_size = size.percent();
  return {};
}

Changes ProfilesController::handle(const action::CreateProfile& a) {
  if (report_name_problem(a.name, std::nullopt)) return {};
  use(store::Profiles(store_).create(a.name, clock_.now()).id);
  return Changes::profile_switched | Changes::profiles;
}

Changes ProfilesController::handle(const action::RenameProfile& a) {
  if (report_name_problem(a.name, a.id)) return {};
  store::Profiles(store_).rename(a.id, a.name);
  if (a.id == current_) view_.profile_name = a.name;
  return Changes::profiles;
}

Changes ProfilesController::handle(const action::DeleteProfile& a) {
  store::Profiles profiles(store_);
  if (profiles.list().size() <= 1) throw std::invalid_argument("the last profile cannot be deleted; create another one first");
  profiles.remove(a.id);
  if (a.id != current_) return Changes::profiles;
  use(profiles.list().front().id);
  return Changes::profile_switched | Changes::profiles;
}

Changes ProfilesController::handle(const action::SwitchProfile& a) {
  const auto profile = store::Profiles(store_).find(a.id);
  if (!profile) throw std::invalid_argument("that profile no longer exists");
  if (profile->id == current_) return Changes::profiles;
  use(profile->id);
  return Changes::profile_switched | Changes::profiles;
}

bool ProfilesController::report_name_problem(const std::string& name, std::optional<std::int64_t> id) {
  auto problem = core::profile_name_problem(name, core::max_profile_name);
  if (!problem) {
    if (const auto other = store::Profiles(store_).find_by_name(name); other && (!id || other->id != *id))
      problem = fmt::format("a profile called \"{}\" exists already", name);
  }
  if (!problem) {
    view_.name_problem.reset();
    return false;
  }
  view_.characters.add(*problem);
  view_.name_problem = ViewState::NameProblem{id, name, std::move(*problem)};
  return true;
}

void ProfilesController::forget_name_problem() { view_.name_problem.reset(); }

void ProfilesController::refresh() {
  view_.profiles.clear();
  for (const auto& profile : store::Profiles(store_).list()) {
    view_.characters.add(profile.name);
    view_.profiles.push_back({profile.id, profile.name, store::Answers(store_).count(profile.id), profile.id == current_});
  }
}

}  // namespace rp::app
