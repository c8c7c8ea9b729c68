#include "app/study_controller.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "app/learn.hpp"
#include "app/quiz_flow.hpp"
#include "app/study.hpp"
#include "store/repositories.hpp"

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

Screen screen_of(core::SessionKind kind) { return kind == core::SessionKind::review ? Screen::review : Screen::quiz; }
}  // namespace

StudyController::StudyController(store::Store& store, const core::Bank& bank, const ItemIds& item_ids,
                                 std::int64_t profile_id, const Clock& clock, const LearnController& learn,
                                 ViewState& view)
    : store_(store),
      bank_(bank),
      profile_id_(profile_id),
      clock_(clock),
      learn_(learn),
      study_(std::make_unique<Study>(store, bank, item_ids, profile_id, clock)),
      quiz_(std::make_unique<QuizFlow>(store, bank, item_ids, profile_id, clock, *study_)),
      snapshot_(std::make_unique<StudySnapshot>()),
      view_(view) {}

StudyController::~StudyController() = default;

bool StudyController::in_session() const {
  const auto stage = quiz_->stage();
  return stage == SessionStage::card || stage == SessionStage::question || stage == SessionStage::feedback;
}

Changes StudyController::after_step() const {
  if (in_session()) return Changes::session;
  const auto stage = quiz_->stage();
  return stage == SessionStage::summary || stage == SessionStage::none ? Changes::study | Changes::session_ended
                                                                       : Changes::study;
}

Changes StudyController::handle(const action::SetQuizSetup& a) {
  view_.quiz_setup = a.setup;
  auto all = a.setup;
  all.count = static_cast<int>(bank_.questions.size());
  view_.quiz_available = static_cast<int>(quiz_->pick(all, 0).size());
  return Changes::quiz_offer;
}

Changes StudyController::handle(const action::QuizStart&) {
  quiz_->start_quiz(view_.quiz_setup);
  return Changes::study;
}

Changes StudyController::handle(const action::ReviewStart& a) {
  quiz_->start_review(a.role);
  return Changes::leading_to(Screen::review, Changes::study);
}

Changes StudyController::handle(const action::ReviewMissed&) {
  const auto missed = quiz_->missed();
  quiz_->start_review_of(missed);
  return Changes::leading_to(Screen::review, Changes::study);
}

Changes StudyController::handle(const action::CardDismiss&) {
  quiz_->dismiss_card();
  return in_session() ? Changes::session : Changes::study;
}

Changes StudyController::handle(const action::QuizPick& a) {
  // The screens count options as shown; the flow judges them by the bank's order.
  const auto& order = quiz_->shown_order();
  if (a.option < order.size()) quiz_->pick_option(order[a.option]);
  return Changes::session;
}

Changes StudyController::handle(const action::QuizSure& a) {
  quiz_->set_sure(a.sure);
  return Changes::session;
}

// An answer, or its undo, changes what is known of that one question only.
Changes StudyController::handle(const action::QuizConfirm&) {
  quiz_->confirm();
  return in_session() ? Changes::answered(quiz_->question()) : Changes(Changes::study);
}

Changes StudyController::handle(const action::QuizUndo&) {
  quiz_->undo();
  return in_session() ? Changes::answered(quiz_->question()) : Changes(Changes::study);
}

Changes StudyController::handle(const action::QuizNext&) {
  quiz_->next();
  return after_step();
}

Changes StudyController::handle(const action::QuizQuit&) {
  quiz_->quit();
  Changes changes = after_step();
  changes.parts |= Changes::study;
  return changes;
}

Changes StudyController::handle(const action::QuizResume&) {
  if (!quiz_->resume()) throw std::invalid_argument("that session has nothing left to ask");
  return Changes::leading_to(screen_of(quiz_->kind()), Changes::study);
}

Changes StudyController::handle(const action::QuizDiscard&) {
  quiz_->discard_unfinished();
  return Changes::study;
}

Changes StudyController::handle(const action::SuspendQuestion& a) {
  if (a.question < bank_.questions.size()) study_->suspend(a.question);
  return Changes::study;
}

Changes StudyController::handle(const action::RestoreQuestion& a) {
  if (a.question < bank_.questions.size()) study_->restore(a.question);
  return Changes::study;
}

Changes StudyController::handle(const action::ResetQuestion& a) {
  if (a.question < bank_.questions.size()) study_->reset(a.question);
  return Changes::study;
}

Changes StudyController::handle(const action::SetStudySettings& a) {
  study_->settings() = a.settings;
  study_->save_settings();
  return Changes::study;
}

void StudyController::refresh() {
  *snapshot_ = study_->snapshot();
  view_.study.topics.clear();
  view_.study.topics.reserve(snapshot_->topics.size());
  for (const auto& t : snapshot_->topics) view_.study.topics.push_back(topic_row(t));
  refresh_summary();
  view_.study.readiness.clear();
  for (std::size_t role = 0; role < bank_.roles.size(); ++role) refresh_readiness(role);
  refresh_quiz_offer();
  refresh_session();
}

void StudyController::refresh_after_answer(std::size_t question) {
  const auto slots = study_->update(*snapshot_, question);
  if (view_.study.topics.size() == snapshot_->topics.size()) {
    for (auto slot : slots) view_.study.topics[slot] = topic_row(snapshot_->topics[slot]);
  } else {
    refresh();
    return;
  }
  refresh_summary();
  for (auto slot : slots) refresh_readiness(study_->index().role_of(slot));
  refresh_session();
}

TopicRow StudyController::topic_row(const TopicStatus& t) const {
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

void StudyController::refresh_summary() {
  StudyView& v = view_.study;
  const StudySnapshot& snap = *snapshot_;
  v.weak = snap.weak;
  v.leeches.clear();
  for (auto q : snap.leeches) {
    const auto& question = bank_.questions[q];
    const auto card = store::Schedules(store_).get(profile_id_, study_->item_id(q));
    v.leeches.push_back({q, question.prompt, question.explanation, card ? card->lapses : 0});
  }
  v.suspended.clear();
  for (auto q : snap.suspended) {
    const auto* topic = bank_.find_topic(bank_.questions[q].topic);
    v.suspended.push_back({q, bank_.questions[q].prompt, topic ? topic->name : bank_.questions[q].topic});
  }
  v.due_by_day = snap.due_by_day;
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
  v.reviewed_today = snap.reviewed_today;
  v.settings = study_->settings();
  const auto& plan = snap.review_plan;
  v.review_available = static_cast<int>(plan.size());
  v.review_due = static_cast<int>(
      std::count_if(plan.begin(), plan.end(), [](const core::ReviewPick& p) { return p.reason == core::ReviewReason::due; }));
  v.review_extra = v.review_available - v.review_due;
}

void StudyController::refresh_readiness(std::size_t role) {
  auto& lines = view_.study.readiness;
  if (role >= bank_.roles.size()) return;
  if (lines.size() <= role) lines.resize(role + 1);
  const auto readiness = snapshot_->role_readiness(role);
  lines[role] = {role, bank_.roles[role].name,
                 readiness ? fmt::format("{} ({:.0f}% of its questions likely recalled)", core::to_string(readiness->level),
                                         readiness->score * 100)
                           : std::string("Not measured yet"),
                 readiness ? std::string(core::to_string(readiness->level)) : std::string(), readiness.has_value(),
                 readiness ? readiness->score : 0.0};
}

// "Back tomorrow", "Back in 6 days": when a question just answered returns, in learner days.
std::string StudyController::next_due_text(core::TimeMs due) const {
  const auto start = study_->day_start();
  const auto days = Clock::learner_day(due, start) - Clock::learner_day(clock_.now(), start);
  if (days <= 0) return "Back later today";
  if (days == 1) return "Back tomorrow";
  if (days < 60) return fmt::format("Back in {} days", days);
  return fmt::format("Back in {} days, on {}", days, core::format_local_date(due, Clock::local_offset_minutes(due)));
}

void StudyController::refresh_session() {
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
    if (flow.stage() == SessionStage::feedback) {
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
  if (v.stage == SessionStage::summary) {
    const int today = snapshot_->due_by_day[0], tomorrow = snapshot_->due_by_day[1];
    v.after = today > 0 ? fmt::format("{} question{} still due today.", today, today == 1 ? " is" : "s are")
                        : fmt::format("Done for today: {} due tomorrow.", tomorrow);
  }
  view_.session = std::move(v);
  view_.unfinished_session.reset();
  if (flow.stage() == SessionStage::none) {
    if (const auto left = quiz_->unfinished()) {
      view_.unfinished_session =
          ViewState::UnfinishedSession{left->kind, Clock::local_date_time(left->started), left->answered, left->total};
    }
  }
}

void StudyController::refresh_quiz_offer() {
  view_.quiz_unread_lessons.clear();
  const auto& setup = view_.quiz_setup;
  if (setup.topics.empty()) return;  // a mixed quiz is not about one lesson
  std::set<std::string> offered;
  for (const auto& row : view_.study.topics) {
    const bool role_chosen =
        setup.roles.empty() || std::find(setup.roles.begin(), setup.roles.end(), row.role_id) != setup.roles.end();
    const bool topic_chosen = std::find(setup.topics.begin(), setup.topics.end(), row.topic_id) != setup.topics.end();
    if (!role_chosen || !topic_chosen || row.answers > 0 || learn_.lesson_read(row.role_id, row.topic_id)) continue;
    const core::Lesson* lesson = bank_.find_lesson(row.role_id, row.topic_id);
    if (lesson && offered.insert(lesson->id).second) view_.quiz_unread_lessons.push_back({lesson->id, row.topic});
  }
}

}  // namespace rp::app
