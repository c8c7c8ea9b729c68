#pragma once
// Profiles and the settings that belong to the learner rather than to their study: who is
// studying (create, rename, delete, switch), the theme and the text size. It owns those slices
// of the view state (ViewState::profiles, ::name_problem, ::profile_name, ::theme, ::text_size).
// A switch to another profile is reported as Changes::profile_switched; App then rebuilds the
// features that work per profile.
#include <cstdint>
#include <optional>
#include <string>

#include "app/actions.hpp"
#include "app/changes.hpp"
#include "app/clock.hpp"

namespace rp::store {
class Store;
}

namespace rp::app {

class ProfilesController {
 public:
  ProfilesController(store::Store& store, const Clock& clock, ViewState& view);

  // The profile to start with: `name`'s (created if new; a name that cannot be one throws
  // std::invalid_argument), else the one used last, else "Learner".
  std::int64_t choose_at_start(const std::optional<std::string>& name);
  // Makes a stored profile current: remembered for the next start, its name and text size shown.
  void use(std::int64_t profile_id);
  std::int64_t current() const { return current_; }

  Changes handle(const action::SetTheme&);
  Changes handle(const action::SetTextSize&);
  Changes handle(const action::CreateProfile&);
  Changes handle(const action::RenameProfile&);
  Changes handle(const action::DeleteProfile&);
  Changes handle(const action::SwitchProfile&);

  void refresh();  // the list of profiles
  // A refused name is told beside its field while the learner is there, not kept for later.
  void forget_name_problem();

 private:
  // Whether `name` cannot be a new profile's name (no `id`) or profile `id`'s; the reason then
  // goes to ViewState::name_problem.
  bool report_name_problem(const std::string& name, std::optional<std::int64_t> id);

  store::Store& store_;
  const Clock& clock_;
  ViewState& view_;
  std::int64_t current_ = 0;
};

}  // namespace rp::app
