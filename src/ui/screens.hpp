#pragma once
// Entry points of the ImGui front end. Each screen draws from the view state and pushes actions.
#include <functional>

#include "ui/widgets.hpp"

namespace rp::ui {

// Draws one whole frame of the app (sidebar, banner, current screen) between NewFrame and Render.
// A screen that throws does not take the app down: the frame is closed cleanly and the message
// goes to the banner.
void draw_frame(const app::ViewState& view, app::ActionQueue& actions, const Fonts& fonts, UiState& ui);

// The exception boundary draw_frame uses, exposed so tests can feed it a failing body.
void guarded(app::ActionQueue& actions, const std::function<void()>& body);

void draw_home(const Frame& f);
void draw_fit(const Frame& f);
void draw_learn(const Frame& f);
void draw_quiz(const Frame& f);
void draw_review(const Frame& f);
void draw_progress(const Frame& f);
void draw_settings(const Frame& f);
void draw_result(const Frame& f);

// The role-fit history chart, shared by the questionnaire, result and Progress screens; a click on
// a point opens that result.
void draw_fit_history(const Frame& f);
// One result in full (sentence, date, bars, reasons, what would tip it, what would separate the
// roles), shared by the result screen and the questionnaire's end.
void draw_result_detail(const Frame& f, const app::ResultDetail& result);
void draw_role_bars(const Frame& f, const std::vector<app::FitRoleBar>& bars);
// The first lessons of the suggested role's path (or both), with one button to start.
void draw_next_steps(const Frame& f);
// Interest and readiness side by side, and what to study next; on Home and the result screen.
void draw_decision_panel(const Frame& f);
// Questions due today and on each following day, `days` bars; shared by Review and Progress.
void draw_due_chart(const Frame& f, std::size_t days);

}  // namespace rp::ui
