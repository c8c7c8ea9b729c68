#include "app/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace rp::app {

namespace {
// Points the feedback at the section of the lesson a question rests on: the lesson of its topic
// for the first of its roles that has one.
void link_lesson_section(const core::Bank& bank, const core::Question& q, SessionView& v) {
  if (q.section.empty()) return;
  for (const auto& role : q.roles) {
    const core::Lesson* lesson = bank.find_lesson(role, q.topic);
    if (!lesson) continue;
    for (const auto& heading : lesson->headings) {
      if (heading.anchor != q.section) continue;
      v.lesson_id = lesson->id;
      v.section = q.section;
      v.section_title = heading.title;
      return;
    }
  }
}

// The right options' texts, as one line: "Git; Jenkins".
std::string right_answer_text(const std::vector<std::string>& options, const std::set<std::size_t>& right) {
  std::vector<std::string_view> texts;
  for (auto index : right) texts.push_back(options[index]);
  return fmt::format("{}", fmt::join(texts, "; "));
}

constexpr const char* theme_key = "theme";
constexpr const char* current_profile_key = "current_profile";
constexpr const char* text_size_key = "text_size";  // per profile

// The nearest text size the setting offers.
int checked_text_size(int percent) {
  const int stepped = (percent + App::text_size_step / 2) / App::text_size_step * App::text_size_step;
  return std::clamp(stepped, App::min_text_size, App::max_text_size);
}

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

  view_.bank_title = bank_.title;
  view_.database_path = store_->path();
  view_.schema_version = store_->schema_version();
  view_.bank_sources = std::move(options.bank_sources);
  view_.settings_file = std::move(options.settings_file);
  core::add_bank_text(view_.characters, bank_);
  view_.characters.add(view_.database_path);
  view_.characters.add(view_.settings_file);
  for (const auto& source : view_.bank_sources) view_.characters.add(source);
  if (store::Settings(*store_).get(store::Settings::app_wide, theme_key) == std::string("dark"))
    view_.theme = Theme::dark;

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

  // --profile names one (created if new); otherwise the one used last, or "Learner".
  store::Profiles profiles(*store_);
  std::optional<store::Profile> chosen;
  if (options.profile_name) {
    chosen = profiles.ensure(checked_profile_name(*options.profile_name), now);
  } else if (const auto last = store::Settings(*store_).get(store::Settings::app_wide, current_profile_key)) {
    try {
      chosen = profiles.find(std::stoll(*last));
    } catch (const std::exception&) {
      // An unreadable setting just means "no remembered profile".
    }
  }
  if (!chosen) chosen = profiles.ensure("Learner", now);
  use_profile(*chosen);
}

// Everything per learner is rebuilt for the profile: flows, study state and every view.
void App::use_profile(const store::Profile& profile) {
  profile_ = profile;
  store::Settings(*store_).set(store::Settings::app_wide, current_profile_key, std::to_string(profile_.id));
  fit_ = std::make_unique<FitFlow>(*store_, bank_, item_ids_, profile_.id, clock_);
  study_ = std::make_unique<Study>(*store_, bank_, item_ids_, profile_.id, clock_);
  quiz_ = std::make_unique<QuizFlow>(*store_, bank_, item_ids_, profile_.id, clock_, *study_);
  learn_ = std::make_unique<LearnController>(*store_, bank_, profile_.id, clock_, view_.learn);
  result_ = std::make_unique<ResultController>(*store_, bank_, item_ids_, profile_.id, view_.result);
  view_.profile_name = profile_.name;
  view_.progress.mastery_role = 0;
  view_.name_problem.reset();
  view_.text_size = 100;
  if (const auto size = store::Settings(*store_).get(profile_.id, text_size_key)) {
    try {
      view_.text_size = checked_text_size(std::stoi(*size));
    } catch (const std::exception&) {
      // An unreadable setting means the default size.
    }
  }

  const auto today = Clock::local_day(clock_.now());
  days_from_ = core::monday_of(today) - 52 * 7;
  days_ = store::DailyActivity(*store_).range(profile_.id, days_from_, today);
  written_week_.reset();
  refresh_study_figures();
  refresh_study_view();
  record_mastery_snapshot(snapshot_.topics);
  refresh_fit_view();
  refresh_session_view();
  refresh_progress_view();
  refresh_profiles();
  refresh_result_steps();
}

void App::refresh_study_figures() {
  store::Answers answers(*store_);
  view_.answers_total = answers.count(profile_.id);
  view_.graded_answers_total = answers.count_graded(profile_.id);
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

void App::apply(const Action& action) {
  std::visit(overloaded{
                 [this](const action::Navigate& a) {
                   view_.screen = a.to;
                   view_.name_problem.reset();  // a refused name is told beside its field, not kept for later
                   if (a.to == Screen::result) result_->show_latest();  // the latest unless one is picked
                 },
                 [this](const action::SetTheme& a) {
                   if (a.theme == view_.theme) return;
                   store::Settings(*store_).set(store::Settings::app_wide, theme_key, std::string(theme_name(a.theme)));
                   view_.theme = a.theme;
                 },
                 [this](const action::DismissError&) { view_.error_banner.clear(); },
                 [this](const action::ShowError& a) {
                   view_.error_banner = a.message;
                   view_.banner_is_notice = a.notice;
                   view_.characters.add(a.message);
                 },
                 [this](const action::FitStart&) { fit_->start_new(); },
                 [this](const action::FitResume&) { fit_->resume(); },
                 [this](const action::FitAnswer& a) { fit_->answer(a.likert); },
                 [this](const action::FitSkip&) { fit_->skip(); },
                 [this](const action::FitBack&) { fit_->back(); },
                 [this](const action::FitQuit&) { fit_->quit(); },
                 [this](const action::FitFinish&) { fit_->finish(); },
                 [this](const action::FitAnswerMore&) { fit_->answer_more(); },
                 [this](const action::ResultOpen& a) {
                   view_.screen = Screen::result;
                   result_->open(a.index);
                 },
                 [this](const action::ResultLatest&) { result_->show_latest(); },
                 [this](const action::SetQuizSetup& a) {
                   view_.quiz_setup = a.setup;
                   auto all = a.setup;
                   all.count = static_cast<int>(bank_.questions.size());
                   view_.quiz_available = static_cast<int>(quiz_->pick(all, 0).size());
                 },
                 [this](const action::QuizStart&) { quiz_->start_quiz(view_.quiz_setup); },
                 [this](const action::ReviewStart& a) {
                   view_.screen = Screen::review;
                   quiz_->start_review(a.role);
                 },
                 [this](const action::ReviewMissed&) {
                   const auto missed = quiz_->missed();
                   view_.screen = Screen::review;
                   quiz_->start_review_of(missed);
                 },
                 [this](const action::CardDismiss&) { quiz_->dismiss_card(); },
                 [this](const action::QuizPick& a) {
                   // The screens count options as shown; the flow judges them by the bank's order.
                   const auto& order = quiz_->shown_order();
                   if (a.option < order.size()) quiz_->pick_option(order[a.option]);
                 },
                 [this](const action::QuizSure& a) { quiz_->set_sure(a.sure); },
                 [this](const action::QuizConfirm&) { quiz_->confirm(); },
                 [this](const action::QuizNext&) { quiz_->next(); },
                 [this](const action::QuizUndo&) { quiz_->undo(); },
                 [this](const action::QuizQuit&) { quiz_->quit(); },
                 [this](const action::QuizResume&) {
                   if (!quiz_->resume()) throw std::invalid_argument("that session has nothing left to ask");
                   view_.screen = quiz_->kind() == core::SessionKind::review ? Screen::review : Screen::quiz;
                 },
                 [this](const action::QuizDiscard&) { quiz_->discard_unfinished(); },
                 [this](const action::SuspendQuestion& a) {
                   if (a.question < bank_.questions.size()) study_->suspend(a.question);
                 },
                 [this](const action::RestoreQuestion& a) {
                   if (a.question < bank_.questions.size()) study_->restore(a.question);
                 },
                 [this](const action::ResetQuestion& a) {
                   if (a.question < bank_.questions.size()) study_->reset(a.question);
                 },
                 [this](const action::SetStudySettings& a) {
                   study_->settings() = a.settings;
                   study_->save_settings();
                 },
                 [this](const action::LearnChooseRole& a) { learn_->choose_role(a.role); },
                 [this](const action::LearnOpen& a) {
                   view_.screen = Screen::learn;
                   learn_->open(a.lesson_id, a.section);
                 },
                 [this](const action::LearnClose&) { learn_->close(); },
                 [this](const action::LearnReachedEnd&) { learn_->reached_end(); },
                 [this](const action::SetGoal& a) {
                   if ((a.unit != "answers" && a.unit != "minutes") || a.target < 1 || a.target > 100'000)
                     throw std::invalid_argument("a weekly goal is a number of answers or minutes from 1 to 100000");
                   store::Goals(*store_).set(profile_.id, {a.unit, a.target}, clock_.now());
                 },
                 [this](const action::SetProgressWeeks& a) {
                   view_.progress.weeks_shown = a.weeks == 52 ? 52 : (a.weeks == 26 ? 26 : 12);
                 },
                 [this](const action::SetMasteryRole& a) {
                   if (a.role < bank_.roles.size()) view_.progress.mastery_role = a.role;
                 },
                 [this](const action::CreateProfile& a) {
                   if (report_name_problem(a.name, std::nullopt)) return;
                   use_profile(store::Profiles(*store_).create(a.name, clock_.now()));
                 },
                 [this](const action::RenameProfile& a) {
                   if (report_name_problem(a.name, a.id)) return;
                   store::Profiles(*store_).rename(a.id, a.name);
                   if (a.id == profile_.id) {
                     profile_.name = a.name;
                     view_.profile_name = a.name;
                   }
                 },
                 [this](const action::DeleteProfile& a) {
                   store::Profiles profiles(*store_);
                   if (profiles.list().size() <= 1)
                     throw std::invalid_argument("the last profile cannot be deleted; create another one first");
                   profiles.remove(a.id);
                   if (a.id == profile_.id) use_profile(profiles.list().front());
                 },
                 [this](const action::SwitchProfile& a) {
                   const auto profile = store::Profiles(*store_).find(a.id);
                   if (!profile) throw std::invalid_argument("that profile no longer exists");
                   if (profile->id != profile_.id) use_profile(*profile);
                 },
                 [this](const action::SetTextSize& a) {
                   const int percent = checked_text_size(a.percent);
                   store::Settings(*store_).set(profile_.id, text_size_key, std::to_string(percent));
                   view_.text_size = percent;
                 },
             },
             action);
  // Learning reads no answers: only the offer of unread lessons before a quiz, and the next steps
  // after a lesson read, can change.
  if (std::holds_alternative<action::LearnChooseRole>(action) || std::holds_alternative<action::LearnOpen>(action) ||
      std::holds_alternative<action::LearnClose>(action) || std::holds_alternative<action::LearnReachedEnd>(action) ||
      std::holds_alternative<action::SetQuizSetup>(action)) {
    refresh_quiz_offer();
    if (std::holds_alternative<action::LearnReachedEnd>(action)) refresh_result_steps();
    return;
  }
  if (std::holds_alternative<action::ResultOpen>(action) || std::holds_alternative<action::ResultLatest>(action)) return;
  if (std::holds_alternative<action::SetProgressWeeks>(action) || std::holds_alternative<action::SetMasteryRole>(action) ||
      std::holds_alternative<action::SetGoal>(action)) {
    refresh_progress_view();
    return;
  }
  if (std::holds_alternative<action::CreateProfile>(action) || std::holds_alternative<action::RenameProfile>(action) ||
      std::holds_alternative<action::DeleteProfile>(action) || std::holds_alternative<action::SwitchProfile>(action)) {
    refresh_profiles();
    return;
  }
  // Views are rebuilt here, after the action, never inside a frame. Picking an option or
  // changing the quiz setup touches no stored data, so only the session view is redone.
  if (std::holds_alternative<action::Navigate>(action) || std::holds_alternative<action::SetTheme>(action) ||
      std::holds_alternative<action::DismissError>(action) || std::holds_alternative<action::ShowError>(action) ||
      std::holds_alternative<action::SetTextSize>(action))
    return;
  if (std::holds_alternative<action::QuizPick>(action) || std::holds_alternative<action::QuizSure>(action)) {
    refresh_session_view();
    return;
  }
  const auto stage = quiz_->stage();
  const bool in_session = stage == QuizFlow::Stage::card || stage == QuizFlow::Stage::question || stage == QuizFlow::Stage::feedback;
  // An answer, or its undo, changes what is known of that one question only.
  if ((std::holds_alternative<action::QuizConfirm>(action) || std::holds_alternative<action::QuizUndo>(action)) &&
      in_session) {
    refresh_after_answer(quiz_->question());
    return;
  }
  // Moving on inside a session, or putting a study card away, stores nothing the views show.
  if ((std::holds_alternative<action::QuizNext>(action) || std::holds_alternative<action::CardDismiss>(action)) &&
      in_session) {
    refresh_session_view();
    return;
  }
  // Questionnaire answers count toward the day's totals but change no mastery.
  if (std::holds_alternative<action::FitStart>(action) || std::holds_alternative<action::FitResume>(action) ||
      std::holds_alternative<action::FitAnswer>(action) || std::holds_alternative<action::FitSkip>(action) ||
      std::holds_alternative<action::FitBack>(action) || std::holds_alternative<action::FitQuit>(action) ||
      std::holds_alternative<action::FitFinish>(action) || std::holds_alternative<action::FitAnswerMore>(action)) {
    refresh_recent_days();
    refresh_study_figures();
    refresh_fit_view();
    refresh_progress_figures();
    if (fit_->history().size() != result_->count()) {  // a result was saved
      result_->reload();
      refresh_result_steps();
    }
    return;
  }
  refresh_recent_days();
  refresh_study_figures();
  refresh_study_view();
  // A session that just ended leaves this week's mastery on record.
  const bool ended = std::holds_alternative<action::QuizQuit>(action) || std::holds_alternative<action::QuizNext>(action);
  if (ended && (stage == QuizFlow::Stage::summary || stage == QuizFlow::Stage::none)) record_mastery_snapshot(snapshot_.topics);
  refresh_fit_view();
  refresh_session_view();
  refresh_progress_view();
}

void App::refresh_after_answer(std::size_t question) {
  refresh_recent_days();
  refresh_study_figures();
  const auto slots = study_->update(snapshot_, question);
  if (view_.study.topics.size() == snapshot_.topics.size()) {
    for (auto slot : slots) view_.study.topics[slot] = topic_row(snapshot_.topics[slot]);
  } else {
    refresh_study_view();
  }
  refresh_study_summary();
  for (auto slot : slots) refresh_readiness(study_->index().role_of(slot));
  refresh_result_steps();
  refresh_session_view();
  refresh_progress_figures();
}

TopicRow App::topic_row(const TopicStatus& t) const {
  TopicRow row;
  row.role_id = bank_.roles[t.role].id;
  row.topic_id = bank_.topics[t.topic].id;
  row.role = bank_.roles[t.role].name;
  row.topic = bank_.topics[t.topic].name;
  row.level = std::string(core::to_string(t.mastery.level));
  row.score = t.mastery.score;
  row.seen = t.mastery.seen;
  row.total = t.mastery.total;
  row.answers = t.answers;
  row.correct = t.correct;
  row.due = t.due;
  return row;
}

void App::refresh_study_view() {
  snapshot_ = study_->snapshot();
  view_.study.topics.clear();
  view_.study.topics.reserve(snapshot_.topics.size());
  for (const auto& t : snapshot_.topics) view_.study.topics.push_back(topic_row(t));
  refresh_study_summary();
  view_.fit.readiness.clear();
  for (std::size_t role = 0; role < bank_.roles.size(); ++role) refresh_readiness(role);
  if (result_) refresh_result_steps();
  refresh_quiz_offer();
}

void App::refresh_study_summary() {
  StudyView& v = view_.study;
  v.weak = snapshot_.weak;
  v.leeches.clear();
  for (auto q : snapshot_.leeches) {
    const auto& question = bank_.questions[q];
    const auto card = store::Schedules(*store_).get(profile_.id, study_->item_id(q));
    v.leeches.push_back({q, question.prompt, question.explanation, card ? card->lapses : 0});
  }
  v.suspended.clear();
  for (auto q : snapshot_.suspended) {
    const auto* topic = bank_.find_topic(bank_.questions[q].topic);
    v.suspended.push_back({q, bank_.questions[q].prompt, topic ? topic->name : bank_.questions[q].topic});
  }
  v.due_by_day = snapshot_.due_by_day;
  const auto now = clock_.now();
  static constexpr const char* weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
  for (std::size_t d = 0; d < v.day_labels.size(); ++d) {
    if (d == 0) {
      v.day_labels[d] = "Today";
      continue;
    }
    const auto day = Clock::learner_day(now, study_->day_start()) + static_cast<core::LocalDay>(d);
    v.day_labels[d] = weekdays[static_cast<std::size_t>(((day % 7) + 7) % 7)];
  }
  v.reviewed_today = snapshot_.reviewed_today;
  v.settings = study_->settings();
  const auto& plan = snapshot_.review_plan;
  v.review_available = static_cast<int>(plan.size());
  v.review_due = static_cast<int>(
      std::count_if(plan.begin(), plan.end(), [](const core::ReviewPick& p) { return p.reason == core::ReviewReason::due; }));
  v.review_extra = v.review_available - v.review_due;
}

void App::refresh_readiness(std::size_t role) {
  auto& lines = view_.fit.readiness;
  if (role >= bank_.roles.size()) return;
  if (lines.size() <= role) lines.resize(role + 1);
  const auto readiness = snapshot_.role_readiness(role);
  lines[role] = {role, bank_.roles[role].name,
                 readiness ? fmt::format("{} ({:.0f}% of its questions likely recalled)", core::to_string(readiness->level),
                                         readiness->score * 100)
                           : std::string("Not measured yet"),
                 readiness ? std::string(core::to_string(readiness->level)) : std::string(), readiness.has_value(),
                 readiness ? readiness->score : 0.0};
}

void App::refresh_result_steps() { result_->refresh_steps(view_.fit.readiness, *learn_); }

// "Back tomorrow", "Back in 6 days": when a question just answered returns, in learner days.
std::string App::next_due_text(core::TimeMs due) const {
  const auto start = study_->day_start();
  const auto days = Clock::learner_day(due, start) - Clock::learner_day(clock_.now(), start);
  if (days <= 0) return "Back later today";
  if (days == 1) return "Back tomorrow";
  if (days < 60) return fmt::format("Back in {} days", days);
  return fmt::format("Back in {} days, on {}", days, core::format_local_date(due, Clock::local_offset_minutes(due)));
}

void App::refresh_session_view() {
  SessionView v;
  const QuizFlow& flow = *quiz_;
  v.stage = flow.stage();
  v.kind = flow.kind();
  v.can_undo = flow.can_undo();
  v.ask_sure = study_->settings().ask_confidence;
  if (v.running()) {
    const auto& q = bank_.questions[flow.question()];
    v.number = flow.number();
    v.total = flow.total();
    v.prompt = q.prompt;
    if (const auto* topic = bank_.find_topic(q.topic)) v.topic = topic->name;
    std::vector<std::string_view> role_names;
    for (const auto& role_id : q.roles)
      if (const auto* role = bank_.find_role(role_id)) role_names.push_back(role->name);
    v.roles = fmt::format("{}", fmt::join(role_names, " · "));
    const auto options = core::answer_options(bank_, q);
    v.option_index = flow.shown_order();
    // Positions as shown: the bank's option i is at position_of[i].
    std::vector<std::size_t> position_of(options.size(), 0);
    for (std::size_t p = 0; p < v.option_index.size() && v.option_index[p] < options.size(); ++p) {
      v.options.push_back(options[v.option_index[p]]);
      position_of[v.option_index[p]] = p;
    }
    auto shown = [&](const std::set<std::size_t>& indices) {
      std::set<std::size_t> out;
      for (auto i : indices)
        if (i < position_of.size()) out.insert(position_of[i]);
      return out;
    };
    v.several = core::picks_several(q);
    v.selection = shown(flow.selection());
    v.sure = flow.sure();
    if (flow.kind() == core::SessionKind::review)
      v.why = flow.reason() == core::ReviewReason::due ? "Due today" : "Extra practice: a weak topic";
    if (const auto card = flow.card()) {
      const auto& role = bank_.roles[card->first];
      const auto& topic = bank_.topics[card->second];
      v.card_title = fmt::format("{}: {}", role.name, topic.name);
      if (const auto* study_card = bank_.find_card(role.id, topic.id)) v.card_text = study_card->text;
    }
    if (flow.stage() == QuizFlow::Stage::feedback) {
      v.correct = flow.last_correct();
      v.chosen = shown(flow.last_choice());
      v.right = shown(core::correct_options(bank_, q));
      v.right_answer = right_answer_text(v.options, v.right);
      v.capped = flow.last_capped();
      v.next_due = next_due_text(flow.last_next_due());
      v.explanation = q.explanation;
      if (!q.reference.title.empty()) v.source = q.reference.title;
      link_lesson_section(bank_, q, v);
    }
  }
  v.right_count = flow.right();
  v.answered = flow.answered();
  for (const auto& tally : flow.by_topic()) v.by_topic.push_back({bank_.topics[tally.topic].name, tally.right, tally.total});
  for (auto q : flow.missed()) {
    const auto& question = bank_.questions[q];
    const auto options = core::answer_options(bank_, question);
    v.missed.push_back({question.prompt, right_answer_text(options, core::correct_options(bank_, question)), question.explanation});
  }
  if (v.stage == QuizFlow::Stage::summary) {
    const int today = snapshot_.due_by_day[0], tomorrow = snapshot_.due_by_day[1];
    v.after = today > 0 ? fmt::format("{} question{} still due today.", today, today == 1 ? " is" : "s are")
                        : fmt::format("Done for today: {} due tomorrow.", tomorrow);
  }
  view_.session = std::move(v);
  view_.unfinished_session.reset();
  if (flow.stage() == QuizFlow::Stage::none) {
    if (const auto left = quiz_->unfinished()) {
      view_.unfinished_session =
          ViewState::UnfinishedSession{left->kind, Clock::local_date_time(left->started), left->answered, left->total};
    }
  }
}

void App::refresh_quiz_offer() {
  view_.quiz_unread_lessons.clear();
  const auto& setup = view_.quiz_setup;
  if (setup.topics.empty()) return;  // a mixed quiz is not about one lesson
  std::set<std::string> offered;
  for (const auto& row : view_.study.topics) {
    const bool role_chosen =
        setup.roles.empty() || std::find(setup.roles.begin(), setup.roles.end(), row.role_id) != setup.roles.end();
    const bool topic_chosen = std::find(setup.topics.begin(), setup.topics.end(), row.topic_id) != setup.topics.end();
    if (!role_chosen || !topic_chosen || row.answers > 0 || learn_->lesson_read(row.role_id, row.topic_id)) continue;
    const core::Lesson* lesson = bank_.find_lesson(row.role_id, row.topic_id);
    if (lesson && offered.insert(lesson->id).second) view_.quiz_unread_lessons.push_back({lesson->id, row.topic});
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
  // The share of every statement there is: the questionnaire may end well before the bar is full
  // (the screen says so), but the bar never pretends to know when.
  v.progress = v.statements_total > 0 ? static_cast<float>(v.answered) / static_cast<float>(v.statements_total) : 0.0f;

  if (bank_.roles.size() >= 2) {
    v.first_role = bank_.roles[0].name;
    v.second_role = bank_.roles[1].name;
  }
  v.answering_more = flow.answering_more();
  // The result in full (bars, reasons, what would tip it) is the result view's, from what is stored.
  const core::FitResult& r = flow.result();
  if (flow.stage() == FitFlow::Stage::done && bank_.roles.size() >= 2) {
    v.sentence = core::fit_sentence(bank_, r);
    v.clear = r.suggested.has_value();
  }
  v.readiness = std::move(view_.fit.readiness);  // kept current by the study refreshes
  for (const auto& entry : flow.history()) {
    FitHistoryPoint point;
    point.date = core::format_local_date(entry.when, Clock::local_offset_minutes(entry.when));
    point.lean = entry.lean;
    point.outcome = entry.suggested ? bank_.roles[*entry.suggested].name : "No clear preference";
    point.sure = entry.sure;
    point.sentence = entry.sentence;
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
