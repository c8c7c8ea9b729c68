#include "app/app.hpp"

#include <utility>

namespace rp::app {

namespace {
constexpr const char* theme_key = "theme";

std::string_view theme_name(Theme theme) { return theme == Theme::dark ? "dark" : "light"; }

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;
}  // namespace

App::App(std::unique_ptr<store::Store> store, core::Bank bank, Clock clock, AppOptions options)
    : store_(std::move(store)), bank_(std::move(bank)), clock_(clock) {
  const auto now = clock_.now();
  store::Items(*store_).sync(bank_, now);
  profile_ = store::Profiles(*store_).ensure(options.profile_name, now);

  view_.profile_name = profile_.name;
  view_.bank_title = bank_.title;
  view_.database_path = store_->path();
  view_.schema_version = store_->schema_version();
  view_.bank_sources = std::move(options.bank_sources);
  view_.settings_file = std::move(options.settings_file);
  if (store::Settings(*store_).get(store::Settings::app_wide, theme_key) == std::string("dark"))
    view_.theme = Theme::dark;

  const auto coverage = core::compute_coverage(bank_);
  for (std::size_t r = 0; r < bank_.roles.size(); ++r) {
    RoleOverview role{bank_.roles[r].name, bank_.roles[r].summary, 0};
    for (const auto& row : coverage.questions) role.questions += row[r];
    view_.roles.push_back(std::move(role));
  }
  for (std::size_t t = 0; t < bank_.topics.size(); ++t)
    view_.topics.push_back(TopicOverview{bank_.topics[t].name, coverage.questions[t]});
  view_.question_total = static_cast<int>(bank_.questions.size());
  view_.statement_total = static_cast<int>(bank_.statements.size());
  refresh_study_figures();
}

void App::refresh_study_figures() { view_.answers_total = store::Answers(*store_).count(profile_.id); }

void App::apply_pending() {
  for (const auto& action : actions_.take()) {
    try {
      apply(action);
    } catch (const std::exception& e) {
      view_.error_banner = e.what();
    }
  }
}

void App::apply(const Action& action) {
  std::visit(overloaded{
                 [this](const action::Navigate& a) { view_.screen = a.to; },
                 [this](const action::SetTheme& a) {
                   if (a.theme == view_.theme) return;
                   store::Settings(*store_).set(store::Settings::app_wide, theme_key, std::string(theme_name(a.theme)));
                   view_.theme = a.theme;
                 },
                 [this](const action::DismissError&) { view_.error_banner.clear(); },
                 [this](const action::ShowError& a) { view_.error_banner = a.message; },
             },
             action);
}

}  // namespace rp::app
