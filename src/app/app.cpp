#include "app/app.hpp"

#include <stdexcept>
#include <utility>
#include <variant>

#include "app/changes.hpp"
#include "app/fit_controller.hpp"
#include "app/fit_flow.hpp"
#include "app/learn.hpp"
#include "app/profiles_controller.hpp"
#include "app/progress_controller.hpp"
#include "app/quiz_flow.hpp"
#include "app/result.hpp"
#include "app/study.hpp"
#include "app/study_controller.hpp"
#include "core/coverage.hpp"
#include "store/repositories.hpp"

namespace rp::app {

App::App(std::unique_ptr<store::Store> store, core::Bank bank, Clock clock, AppOptions options)
    : store_(std::move(store)), bank_(std::move(bank)), clock_(clock) {
  item_ids_ = store::Items(*store_).sync(bank_, clock_.now()).ids;

  view_.bank_title = bank_.title;
  view_.database_path = store_->path();
  view_.schema_version = store_->schema_version();
  view_.bank_sources = std::move(options.bank_sources);
  view_.settings_file = std::move(options.settings_file);
  core::add_bank_text(view_.characters, bank_);
  view_.characters.add(view_.database_path);
  view_.characters.add(view_.settings_file);
  for (const auto& source : view_.bank_sources) view_.characters.add(source);

  const auto coverage = core::compute_coverage(bank_);
  for (std::size_t r = 0; r < bank_.roles.size(); ++r) {
    RoleOverview role{bank_.roles[r].id, bank_.roles[r].name, bank_.roles[r].summary, 0};
    for (const auto& row : coverage.questions) role.questions += row[r];
    view_.roles.push_back(std::move(role));
  }
  for (std::size_t t = 0; t < bank_.topics.size(); ++t)
    view_.topics.push_back(TopicOverview{bank_.topics[t].id, bank_.topics[t].name, coverage.questions[t]});
  view_.question_total = static_cast<int>(bank_.questions.size());
  view_.statement_total = static_cast<int>(bank_.statements.size());
  view_.quiz_available = static_cast<int>(bank_.questions.size());

  profiles_ = std::make_unique<ProfilesController>(*store_, clock_, view_);
  profiles_->use(profiles_->choose_at_start(options.profile_name));
  start_profile();
}

App::~App() = default;

std::int64_t App::profile_id() const { return profiles_->current(); }
FitFlow& App::fit() { return fit_->flow(); }
QuizFlow& App::quiz() { return study_->quiz(); }
Study& App::study() { return study_->study(); }

void App::start_profile() {
  const auto profile = profiles_->current();
  // The old controllers go first: the new ones must not share a moment with them.
  progress_.reset();
  result_.reset();
  fit_.reset();
  study_.reset();
  learn_.reset();
  learn_ = std::make_unique<LearnController>(*store_, bank_, profile, clock_, view_.learn);
  study_ = std::make_unique<StudyController>(*store_, bank_, item_ids_, profile, clock_, *learn_, view_);
  fit_ = std::make_unique<FitController>(*store_, bank_, item_ids_, profile, clock_, view_.fit);
  result_ = std::make_unique<ResultController>(*store_, bank_, item_ids_, profile, view_.result);
  progress_ = std::make_unique<ProgressController>(*store_, bank_, profile, clock_, study_->study(), view_);
  view_.progress.mastery_role = 0;

  study_->refresh();
  progress_->record_mastery_snapshot(study_->snapshot().topics);
  fit_->refresh();
  progress_->refresh();
  profiles_->refresh();
  refresh_result_steps();
}

void App::apply_pending() {
  for (const auto& action : actions_.take()) {
    try {
      apply(action);
    } catch (const std::exception& e) {
      view_.error_banner = e.what();
      view_.banner_is_notice = false;
    }
  }
  view_.characters.add(view_.error_banner);
}

// Each action goes to the one controller that declares a handle() for it (checked when built).
void App::apply(const Action& action) {
  const Changes changes = std::visit(
      [this](const auto& a) -> Changes {
        constexpr int owners = int(requires { handle(a); }) + int(requires { profiles_->handle(a); }) +
                               int(requires { fit_->handle(a); }) + int(requires { result_->handle(a); }) +
                               int(requires { learn_->handle(a); }) + int(requires { study_->handle(a); }) +
                               int(requires { progress_->handle(a); });
        static_assert(owners == 1, "every action belongs to exactly one feature's controller");
        if constexpr (requires { handle(a); }) return handle(a);
        else if constexpr (requires { profiles_->handle(a); }) return profiles_->handle(a);
        else if constexpr (requires { fit_->handle(a); }) return fit_->handle(a);
        else if constexpr (requires { result_->handle(a); }) return result_->handle(a);
        else if constexpr (requires { learn_->handle(a); }) return learn_->handle(a);
        else if constexpr (requires { study_->handle(a); }) return study_->handle(a);
        else return progress_->handle(a);
      },
      action);
  follow(changes);
}

Changes App::handle(const action::Navigate& a) {
  profiles_->forget_name_problem();
  if (a.to == Screen::result) result_->show_latest();  // the latest unless one is picked
  return Changes::leading_to(a.to);
}

Changes App::handle(const action::DismissError&) {
  view_.error_banner.clear();
  return {};
}

Changes App::handle(const action::ShowError& a) {
  view_.error_banner = a.message;
  view_.banner_is_notice = a.notice;
  view_.characters.add(a.message);
  return {};
}

// Views are redone here, after the action, never inside a frame; each only when what it shows
// changed.
void App::follow(const Changes& changes) {
  if (changes.go_to) view_.screen = *changes.go_to;
  if (changes.has(Changes::profile_switched)) {
    start_profile();
    return;
  }
  if (changes.has(Changes::answer)) {
    progress_->refresh_after_answers();
    study_->refresh_after_answer(changes.question);
    refresh_result_steps();
  }
  if (changes.has(Changes::study)) {
    progress_->refresh_after_answers();
    study_->refresh();
    refresh_result_steps();
    // A session that just ended leaves this week's mastery on record.
    if (changes.has(Changes::session_ended)) progress_->record_mastery_snapshot(study_->snapshot().topics);
    progress_->refresh_mastery_lines();  // the figures and counts were redone above
  } else if (changes.has(Changes::session)) {
    study_->refresh_session();
  }
  // Questionnaire answers count toward the day's totals but change no mastery.
  if (changes.has(Changes::questionnaire)) {
    progress_->refresh_after_answers();
    fit_->refresh();
    if (fit_->results() != result_->count()) {  // a result was saved
      result_->reload();
      refresh_result_steps();
    }
  }
  if (changes.has(Changes::quiz_offer)) study_->refresh_quiz_offer();
  if (changes.has(Changes::result_steps)) refresh_result_steps();
  if (changes.has(Changes::progress)) progress_->refresh();
  if (changes.has(Changes::profiles)) profiles_->refresh();
}

void App::refresh_result_steps() { result_->refresh_steps(view_.study.readiness, *learn_); }

void App::refresh_session_view() { study_->refresh_session(); }
void App::refresh_progress_view() { progress_->refresh(); }
void App::record_mastery_snapshot() { progress_->record_mastery_snapshot(study_->study().mastery()); }
std::vector<core::WeekTotals> App::weekly(int weeks) const { return progress_->weekly(weeks); }
std::optional<core::WeeklyGoal> App::goal() const { return progress_->goal(); }

}  // namespace rp::app
