// Screens whose features are still being built. Each says so plainly and shows only real data.
#include <fmt/format.h>
#include <imgui.h>

#include "ui/screens.hpp"

namespace rp::ui {

void draw_progress(const Frame& f) {
  screen_heading(f, "Progress", "Your study, week by week.");
  not_built_notice(f,
                   "Progress charts are not built yet. They will show this week against your goal, a calendar "
                   "of study days, weekly accuracy and time, and how your mastery of each topic changes.");
  section_title(f, "So far");
  paragraph(fmt::format("Answers recorded for {}: {}", f.view.profile_name, f.view.answers_total));
  if (f.view.fit.history.empty()) {
    muted("Take the questionnaire on the \"Which role suits you?\" screen to see how your result moves over time.");
  } else {
    draw_fit_history(f);
  }
}

}  // namespace rp::ui
