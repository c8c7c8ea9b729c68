#include "app/app.hpp"

#include <fmt/format.h>

#include <cmath>
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
  item_ids_ = store::Items(*store_).sync(bank_, now).ids;
  profile_ = store::Profiles(*store_).ensure(options.profile_name, now);
  fit_ = std::make_unique<FitFlow>(*store_, bank_, item_ids_, profile_.id, clock_);

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
  refresh_fit_view();
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
                 [this](const action::FitStart&) { fit_->start_new(); },
                 [this](const action::FitResume&) { fit_->resume(); },
                 [this](const action::FitAnswer& a) { fit_->answer(a.likert); },
                 [this](const action::FitSkip&) { fit_->skip(); },
                 [this](const action::FitBack&) { fit_->back(); },
                 [this](const action::FitQuit&) { fit_->quit(); },
                 [this](const action::FitFinish&) { fit_->finish(); },
                 [this](const action::FitAnswerMore&) { fit_->answer_more(); },
             },
             action);
  if (!std::holds_alternative<action::Navigate>(action) && !std::holds_alternative<action::SetTheme>(action)) {
    refresh_study_figures();
    refresh_fit_view();
  }
}

void App::refresh_fit_view() {
  FitView v;
  const FitFlow& flow = *fit_;
  v.stage = flow.stage();
  v.unfinished_answers = flow.unfinished_answers();
  v.statements_total = static_cast<int>(bank_.statements.size());
  v.answered = flow.answered();
  v.can_go_back = flow.can_go_back();
  v.can_finish = flow.can_finish();
  v.earlier_answer = flow.current_earlier_answer();
  if (const auto current = flow.current()) {
    const auto& statement = bank_.statements[*current];
    v.statement = statement.text;
    if (const auto* topic = bank_.find_topic(statement.topic)) v.topic = topic->name;
  }
  // The bar fills to 90% over the minimum number of statements, then creeps toward full.
  const float minimum = static_cast<float>(core::FitModel::min_statements);
  const float answered = static_cast<float>(v.answered);
  v.progress = answered < minimum ? 0.9f * answered / minimum : 0.9f + 0.1f * (1.0f - std::exp((minimum - answered) / 5.0f));

  if (bank_.roles.size() >= 2) {
    v.first_role = bank_.roles[0].name;
    v.second_role = bank_.roles[1].name;
  }
  const core::FitResult& r = flow.result();
  if (flow.stage() == FitFlow::Stage::done && bank_.roles.size() >= 2) {
    v.sentence = core::fit_sentence(bank_, r);
    v.clear = r.suggested.has_value();
    for (const auto& role : r.roles) v.bars.push_back({bank_.roles[role.role].name, role.score, role.low, role.high});
    v.leader = bank_.roles[r.leader].name;
    v.runner_up = bank_.roles[r.runner_up].name;
    auto lines = [this](const std::vector<core::Reason>& reasons) {
      std::vector<FitReasonLine> out;
      for (const auto& reason : reasons)
        out.push_back({bank_.statements[reason.statement].text, std::string(core::likert_label(reason.likert))});
      return out;
    };
    v.toward_leader = lines(r.toward_leader);
    v.toward_runner_up = lines(r.toward_runner_up);
    if (r.pivot) {
      v.pivot = fmt::format(
          "Had you answered \"{}\" instead of \"{}\" to \"{}\", the gap between {} and {} would narrow from {:.0f} "
          "to {:.0f} points.",
          core::likert_label(r.pivot_alternative), core::likert_label(r.pivot->likert),
          bank_.statements[r.pivot->statement].text, v.leader, v.runner_up, r.difference * 50,
          r.pivot_difference * 50);
    }
  }
  for (const auto& role : bank_.roles) v.readiness.push_back({role.name, "Not measured yet", false});
  for (const auto& entry : flow.history()) {
    FitHistoryPoint point;
    point.date = core::format_local_date(entry.when, Clock::local_offset_minutes(entry.when));
    point.lean = entry.lean;
    point.outcome = entry.suggested ? bank_.roles[*entry.suggested].name : "No clear preference";
    point.sure = entry.sure;
    v.history.push_back(std::move(point));
  }
  if (flow.stage() != FitFlow::Stage::done && !flow.history().empty()) {
    const auto& last = v.history.back();
    v.sentence = last.outcome == "No clear preference"
                     ? std::string("Last time: no clear preference.")
                     : fmt::format("Last time: {} — {:.0f}% sure.", last.outcome, std::min(99.0, last.sure * 100));
  }
  view_.fit = std::move(v);
}

}  // namespace rp::app
