// Topic quiz and Review: the setup and overview screens, and the question, feedback, study card
// and summary stages of a running session, which both share.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/bidi.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

namespace rp::ui {

namespace {
using app::SessionStage;


enum class Mark { none, right, wrong };

// One answer option: a full-width row with its number, a radio or check mark, and wrapped text.
// Returns true when clicked (or activated with Space through keyboard navigation).
bool option_row(const Frame& f, std::size_t index, const std::string& label, bool selected, bool several, Mark mark,
                bool enabled) {
  const float s = f.fonts.scale;
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 48);
  const float pad = 12 * s, mark_width = 56 * s;
  const float text_width = width - mark_width - 2 * pad;
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, text_width);
  const float height = std::max(text_size.y, ImGui::GetFontSize()) + 2 * pad;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID(static_cast<int>(index));
  const bool clicked = ImGui::InvisibleButton("option", ImVec2(width, height)) && enabled;
  const bool hovered = ImGui::IsItemHovered() && enabled;
  ImGui::PopID();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImU32 fill = f.colors.card, border = f.colors.card_border;
  if (selected) {
    fill = f.colors.accent_soft;
    border = f.colors.accent;
  }
  if (mark == Mark::right) border = f.colors.right;
  if (mark == Mark::wrong) border = f.colors.wrong;
  if (hovered && !selected) fill = ImGui::GetColorU32(ImGuiCol_FrameBgHovered);
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), fill, 6 * s);
  draw->AddRect(at, ImVec2(at.x + width, at.y + height), border, 6 * s, 0, mark == Mark::none ? 1.0f * s : 2.5f * s);

  // Number, then the radio or check box.
  const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
  const std::string number = std::to_string(index + 1);
  draw->AddText(f.fonts.bold, f.fonts.bold->FontSize, ImVec2(at.x + pad, at.y + pad), f.colors.muted_text,
                number.c_str());
  const ImVec2 box(at.x + pad + 26 * s, at.y + pad + ImGui::GetFontSize() / 2);
  const float r = 7 * s;
  if (several) {
    draw->AddRect(ImVec2(box.x - r, box.y - r), ImVec2(box.x + r, box.y + r), text_colour, 2 * s, 0, 1.5f * s);
    if (selected) draw->AddRectFilled(ImVec2(box.x - r + 3 * s, box.y - r + 3 * s), ImVec2(box.x + r - 3 * s, box.y + r - 3 * s), f.colors.accent, 1 * s);
  } else {
    draw->AddCircle(box, r, text_colour, 16, 1.5f * s);
    if (selected) draw->AddCircleFilled(box, r - 3 * s, f.colors.accent, 16);
  }
  if (bidi::needs_reordering(label)) {
    // Right-to-left text from a bank: drawn in reading order, wrapped and aligned as a paragraph.
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad + mark_width, at.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
    bidi::draw(label);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(after);
  } else {
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad + mark_width, at.y + pad), text_colour,
                  label.c_str(), nullptr, text_width);
  }
  if (mark != Mark::none) {
    const char* word = mark == Mark::right ? "right answer" : "your answer";
    const ImVec2 word_size = f.fonts.small->CalcTextSizeA(f.fonts.small->FontSize, FLT_MAX, 0, word);
    draw->AddText(f.fonts.small, f.fonts.small->FontSize,
                  ImVec2(at.x + width - word_size.x - pad, at.y + height - word_size.y - 4 * s),
                  mark == Mark::right ? f.colors.right : f.colors.wrong, word);
  }
  return clicked;
}

bool enter_pressed() { return keyboard::enter_pressed(); }

// Ctrl+Z takes back the last answer while that is still allowed.
void undo_controls(const Frame& f) {
  const auto& v = f.view.session;
  if (!v.can_undo) return;
  ImGui::SameLine();
  if (ImGui::Button("Undo last answer")) f.actions.push(app::action::QuizUndo{});
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
    f.actions.push(app::action::QuizUndo{});
}

void session_header(const Frame& f) {
  const auto& v = f.view.session;
  const float s = f.fonts.scale;
  ImGui::ProgressBar(static_cast<float>(v.number - 1) / static_cast<float>(std::max(1, v.total)),
                     ImVec2(std::min(ImGui::GetContentRegionAvail().x, 640 * s), 8 * s), "");
  if (v.why.empty()) {
    note(f, fmt::format("Question {} of {} · {} · {}", v.number, v.total, v.topic, v.roles));
  } else {
    note(f, fmt::format("Question {} of {} · {} · {} · {}", v.number, v.total, v.why, v.topic, v.roles));
  }
  ImGui::Dummy(ImVec2(0, 4 * s));
}

void draw_card_stage(const Frame& f) {
  const auto& v = f.view.session;
  session_header(f);
  paragraph_in(f.fonts.title, "Before you start: " + v.card_title);
  {
    const float inner = ImGui::GetContentRegionAvail().x - 2 * Card::padding_x(f);
    Card card(f, "##study-card", 0, 2 * Card::padding_y(f) + wrapped_height(f.fonts.body, v.card_text, inner) + 4);
    paragraph(v.card_text);
  }
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  if (primary_button(f, "On to the questions") || enter_pressed()) f.actions.push(app::action::CardDismiss{});
  undo_controls(f);
  note(f, "Study cards sum up a topic before its first question of the day.");
}

void draw_question_stage(const Frame& f) {
  const auto& v = f.view.session;
  const float s = f.fonts.scale;
  session_header(f);
  ImGui::PushFont(f.fonts.title);
  paragraph(v.prompt);
  ImGui::PopFont();
  note(f, v.several ? "Choose every answer that applies." : "Choose one answer.");
  for (std::size_t i = 0; i < v.options.size(); ++i) {
    if (option_row(f, i, v.options[i], v.selection.count(i) > 0, v.several, Mark::none, true))
      f.actions.push(app::action::QuizPick{i});
  }
  ImGui::Dummy(ImVec2(0, 2 * s));
  if (v.ask_sure) {
    ImGui::AlignTextToFramePadding();
    text("How sure are you?");
    ImGui::SameLine();
    if (ImGui::RadioButton("Sure", v.sure == true)) f.actions.push(app::action::QuizSure{true});
    ImGui::SameLine();
    if (ImGui::RadioButton("Not sure", v.sure == false)) f.actions.push(app::action::QuizSure{false});
  }
  ImGui::BeginDisabled(v.selection.empty());
  if (primary_button(f, "Check answer")) f.actions.push(app::action::QuizConfirm{});
  ImGui::EndDisabled();
  undo_controls(f);
  ImGui::SameLine();
  if (ImGui::Button(v.kind == core::SessionKind::review ? "End review" : "End quiz"))
    f.actions.push(app::action::QuizQuit{});
  note(f, v.several ? "Keys: 1 to 9 toggle an option, Enter checks, Ctrl+Z undoes the last answer."
                  : "Keys: 1 to 9 choose an option, Enter checks, Ctrl+Z undoes the last answer.");

  if (!ImGui::GetIO().KeyCtrl) {
    for (std::size_t i = 0; i < std::min<std::size_t>(9, v.options.size()); ++i)
      if (ImGui::IsKeyPressed(static_cast<int>('1' + i), false)) f.actions.push(app::action::QuizPick{i});
    if (!v.selection.empty() && enter_pressed()) f.actions.push(app::action::QuizConfirm{});
  }
}

void draw_feedback_stage(const Frame& f) {
  const auto& v = f.view.session;
  session_header(f);
  ImGui::PushFont(f.fonts.title);
  paragraph(v.prompt);
  ImGui::PopFont();
  for (std::size_t i = 0; i < v.options.size(); ++i) {
    const Mark mark = v.right.count(i) ? Mark::right : (v.chosen.count(i) ? Mark::wrong : Mark::none);
    option_row(f, i, v.options[i], v.chosen.count(i) > 0, v.several, mark, false);
  }
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  ImGui::PushStyleColor(ImGuiCol_Text, v.correct ? f.colors.right : f.colors.wrong);
  text_in(f.fonts.title, v.correct ? "Right" : "Not quite");
  ImGui::PopStyleColor();
  if (!v.correct) paragraph("The right answer: " + v.right_answer);
  if (v.capped)
    muted(v.correct ? "This was your second try after an undo, so it counts as your first answer did: as a miss."
                    : "This was your second try after an undo; it counts no better than your first answer.");
  paragraph(v.explanation);
  if (!v.source.empty()) note(f, "Source: " + v.source);
  if (!v.next_due.empty()) note(f, v.next_due + ": spaced review brings it back just before you would forget it.");
  if (!v.lesson_id.empty()) {
    ImGui::PushFont(f.fonts.small);
    if (ImGui::SmallButton(fmt::format("Read more in the lesson: {}", v.section_title).c_str()))
      f.actions.push(app::action::LearnOpen{v.lesson_id, v.section});
    ImGui::PopFont();
  }
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  if (primary_button(f, v.number < v.total ? "Next question" : "See how you did") || enter_pressed())
    f.actions.push(app::action::QuizNext{});
  undo_controls(f);
}

void draw_summary_stage(const Frame& f) {
  const auto& v = f.view.session;
  ImGui::PushFont(f.fonts.title);
  paragraph(fmt::format("{} of {} right", v.right_count, v.answered));
  ImGui::PopFont();
  if (!v.after.empty()) paragraph(v.after);
  if (!v.by_topic.empty() &&
      ImGui::BeginTable("by-topic", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg,
                        ImVec2(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24), 0))) {
    ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Right", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
    ImGui::TableHeadersRow();
    for (const auto& line : v.by_topic) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text(line.topic);
      ImGui::TableNextColumn();
      text(fmt::format("{} of {}", line.right, line.total));
    }
    ImGui::EndTable();
  }
  if (!v.missed.empty()) {
    section_title(f, "What you missed");
    for (std::size_t i = 0; i < v.missed.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::PushFont(f.fonts.bold);
      paragraph(v.missed[i].prompt);
      ImGui::PopFont();
      paragraph("Answer: " + v.missed[i].right_answer);
      muted(v.missed[i].explanation);
      ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
      ImGui::PopID();
    }
    if (primary_button(f, "Review these")) f.actions.push(app::action::ReviewMissed{});
    ImGui::SameLine();
  }
  if (ImGui::Button("Done")) f.actions.push(app::action::QuizQuit{});
}

// A quiz or review the learner left by closing the window: offered again with its setup.
void unfinished_offer(const Frame& f, std::optional<core::SessionKind> only) {
  const auto& left = f.view.unfinished_session;
  if (!left || (only && left->kind != *only)) return;
  const char* what = left->kind == core::SessionKind::review ? "review" : "quiz";
  ImGui::PushID("unfinished");
  paragraph(fmt::format("You left a {} unfinished on {}: {} of {} questions answered.", what, left->started,
                        left->answered, left->total));
  if (primary_button(f, fmt::format("Carry on with the {}", what).c_str())) f.actions.push(app::action::QuizResume{});
  ImGui::SameLine();
  if (ImGui::Button("Leave it")) f.actions.push(app::action::QuizDiscard{});
  note(f, "Leaving it keeps every answer you gave; only the questions not yet asked are dropped.");
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  ImGui::PopID();
}

void draw_session(const Frame& f) {
  switch (f.view.session.stage) {
    case SessionStage::card: draw_card_stage(f); break;
    case SessionStage::question: draw_question_stage(f); break;
    case SessionStage::feedback: draw_feedback_stage(f); break;
    case SessionStage::summary: draw_summary_stage(f); break;
    case SessionStage::none: break;
  }
}

bool showing_session_of(const Frame& f, core::SessionKind kind) {
  return f.view.session.stage != SessionStage::none && f.view.session.kind == kind;
}

void other_session_note(const Frame& f, core::SessionKind kind) {
  if (!f.view.session.running() || f.view.session.kind == kind) return;
  muted(kind == core::SessionKind::quiz ? "A review is in progress on the Review screen; starting a quiz ends it."
                                        : "A quiz is in progress on the Topic quiz screen; starting a review ends it.");
}

// The learner's mastery of every role and topic as a compact table.
void mastery_table(const Frame& f) {
  const auto& rows = f.view.study.topics;
  if (rows.empty()) return;
  const auto& roles = f.view.roles;
  const auto& topics = f.view.topics;
  // A table column per role reads well for a few roles; ImGui also allows at most 64 columns.
  constexpr std::size_t max_role_columns = 6;
  const std::size_t shown = std::min(roles.size(), max_role_columns);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("mastery", 1 + static_cast<int>(shown), flags,
                         ImVec2(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 50), 0)))
    return;
  ImGui::TableSetupColumn("Topic", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  for (std::size_t r = 0; r < shown; ++r)
    ImGui::TableSetupColumn(roles[r].name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableHeadersRow();
  for (std::size_t t = 0; t < topics.size(); ++t) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text(topics[t].name);
    for (std::size_t r = 0; r < shown; ++r) {
      ImGui::TableNextColumn();
      const auto& row = rows[r * topics.size() + t];
      if (row.total == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        text("—");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", fmt::format("Not on the {} path", row.role).c_str());
        continue;
      }
      if (row.seen == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        text(row.level);
        ImGui::PopStyleColor();
      } else {
        text(fmt::format("{} · {:.0f}%", row.level, row.score * 100));
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", fmt::format("{} · {}\n{} of {} questions seen\n{} answers, {} right\n{} due now",
                                            row.role, row.topic, row.seen, row.total, row.answers, row.correct, row.due)
                                    .c_str());
    }
  }
  ImGui::EndTable();
  if (shown < roles.size())
    note(f, fmt::format("The table shows the first {} of {} roles; `rolepath report` lists every role.", shown, roles.size()));
  note(f, "Mastery: the share of a topic's questions you would likely recall a week from now. It fades without review.");
}

// Ticks for roles or topics; none chosen means all. The list keeps its place and size whatever is
// ticked, so nothing moves under the pointer, and the last ticked item cannot be unticked (which
// would silently mean "all" again): it is disabled, and a note says why.
void checkbox_list(const Frame& f, const char* id, const char* noun,
                   const std::vector<std::pair<std::string, std::string>>& items, const std::vector<std::string>& chosen,
                   app::QuizSetup setup, std::vector<std::string> app::QuizSetup::*field) {
  auto is_on = [&](const std::string& item) {
    return chosen.empty() || std::find(chosen.begin(), chosen.end(), item) != chosen.end();
  };
  const std::size_t ticked = chosen.empty() ? items.size() : chosen.size();
  float widest = 0;
  for (const auto& item : items) widest = std::max(widest, ImGui::CalcTextSize(item.second.c_str()).x);
  const float per_column = widest + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / per_column), 1, 2);
  ImGui::PushID(id);
  if (ImGui::BeginTable("list", columns, ImGuiTableFlags_SizingStretchSame)) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      ImGui::TableNextColumn();
      bool value = is_on(items[i].first);
      const bool last_one = value && ticked == 1;
      ImGui::BeginDisabled(last_one);
      if (ImGui::Checkbox(items[i].second.c_str(), &value)) {
        std::vector<std::string> next;
        for (const auto& item : items)
          if (item.first == items[i].first ? value : is_on(item.first)) next.push_back(item.first);
        if (next.size() == items.size()) next.clear();  // everything is the same as "all"
        setup.*field = next;
        f.actions.push(app::action::SetQuizSetup{setup});
      }
      ImGui::EndDisabled();
    }
    ImGui::EndTable();
  }
  // Always a line here, so ticking and unticking never moves what follows.
  note(f, ticked == 1 && items.size() > 1 ? fmt::format("At least one {} stays ticked: tick another to change it.", noun)
                                          : fmt::format("{} of {} ticked.", ticked, items.size()));
  ImGui::PopID();
}

void draw_quiz_setup(const Frame& f) {
  const auto& setup = f.view.quiz_setup;
  other_session_note(f, core::SessionKind::quiz);
  unfinished_offer(f, core::SessionKind::quiz);
  std::vector<std::pair<std::string, std::string>> roles, topics;
  for (const auto& role : f.view.roles) roles.emplace_back(role.id, role.name);
  // Only topics with questions for a chosen role (every role when none is chosen).
  for (const auto& topic : f.view.topics) {
    bool on_path = false;
    for (std::size_t r = 0; r < f.view.roles.size(); ++r) {
      const bool chosen = setup.roles.empty() ||
                          std::find(setup.roles.begin(), setup.roles.end(), f.view.roles[r].id) != setup.roles.end();
      on_path = on_path || (chosen && topic.questions_per_role[r] > 0);
    }
    if (on_path) topics.emplace_back(topic.id, topic.name);
  }

  section_title(f, "Roles");
  checkbox_list(f, "roles", "role", roles, setup.roles, setup, &app::QuizSetup::roles);
  section_title(f, "Topics");
  // A shortcut to tick every topic; the list below stays in view either way.
  bool mixed = setup.topics.empty();
  ImGui::BeginDisabled(mixed);
  if (ImGui::Checkbox("Mixed: every topic", &mixed)) {
    auto next = setup;
    next.topics.clear();
    f.actions.push(app::action::SetQuizSetup{next});
  }
  ImGui::EndDisabled();
  checkbox_list(f, "topics", "topic", topics, setup.topics, setup, &app::QuizSetup::topics);

  section_title(f, "Length");
  ButtonRow lengths;
  for (int count : {5, 10, 20}) {
    ImGui::PushID(count);
    int chosen = setup.count;
    if (lengths.radio(fmt::format("{} questions", count).c_str(), &chosen, count) && chosen != setup.count) {
      auto next = setup;
      next.count = count;
      f.actions.push(app::action::SetQuizSetup{next});
    }
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  // A first quiz on a topic whose lesson is unread: the lesson is offered first, not forced.
  if (!f.view.quiz_unread_lessons.empty()) {
    std::vector<std::string_view> names;
    for (const auto& lesson : f.view.quiz_unread_lessons) names.push_back(lesson.topic);
    paragraph(fmt::format("You have not read the lesson on {} yet. Reading it first makes this quiz a check of what you "
                          "learned rather than a guess.",
                          fmt::join(names, ", ")));
    if (ImGui::Button("Read the lesson first"))
      f.actions.push(app::action::LearnOpen{f.view.quiz_unread_lessons.front().lesson_id, ""});
    ImGui::SameLine();
    note(f, "or start the quiz anyway:");
  }
  const int count = std::min(setup.count, f.view.quiz_available);
  ImGui::BeginDisabled(count == 0);
  if (primary_button(f, count == 0 ? "No questions match" : fmt::format("Start a {}-question quiz", count).c_str()))
    f.actions.push(app::action::QuizStart{});
  ImGui::EndDisabled();

  section_title(f, "Where you stand");
  mastery_table(f);
}

}  // namespace

void draw_due_chart(const Frame& f, std::size_t days) {
  const auto& study = f.view.study;
  const float s = f.fonts.scale;
  days = std::min(days, study.due_by_day.size());
  int most = 1;
  for (std::size_t d = 0; d < days; ++d) most = std::max(most, study.due_by_day[d]);
  const float bar_width = 48 * s, gap = 14 * s, height = 80 * s;
  // Leave room above the tallest bar for its count.
  const ImVec2 at(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ImGui::GetFontSize() + 4 * s);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t d = 0; d < days; ++d) {
    const float x = at.x + static_cast<float>(d) * (bar_width + gap);
    const float h = height * static_cast<float>(study.due_by_day[d]) / static_cast<float>(most);
    draw->AddRectFilled(ImVec2(x, at.y + height - h), ImVec2(x + bar_width, at.y + height),
                        d == 0 ? f.colors.accent : f.colors.accent_soft, 3 * s);
    const std::string count = std::to_string(study.due_by_day[d]);
    const ImVec2 size = ImGui::CalcTextSize(count.c_str());
    draw->AddText(ImVec2(x + (bar_width - size.x) / 2, at.y + height - h - size.y - 2 * s),
                  ImGui::GetColorU32(ImGuiCol_Text), count.c_str());
    const ImVec2 label_size = f.fonts.small->CalcTextSizeA(f.fonts.small->FontSize, FLT_MAX, 0, study.day_labels[d].c_str());
    draw->AddText(f.fonts.small, f.fonts.small->FontSize, ImVec2(x + (bar_width - label_size.x) / 2, at.y + height + 4 * s),
                  f.colors.muted_text, study.day_labels[d].c_str());
  }
  ImGui::Dummy(ImVec2(static_cast<float>(days) * (bar_width + gap), ImGui::GetFontSize() + height + f.fonts.small->FontSize + 14 * s));
}

namespace {

void draw_review_overview(const Frame& f) {
  const auto& study = f.view.study;
  other_session_note(f, core::SessionKind::review);
  unfinished_offer(f, core::SessionKind::review);
  paragraph(fmt::format("{} due today · {} reviewed today, daily limit {}", study.due_by_day[0], study.reviewed_today,
                        study.settings.daily_limit));
  ImGui::Dummy(ImVec2(0, 2 * f.fonts.scale));
  ImGui::BeginDisabled(study.review_available == 0);
  std::string start = "Nothing to review right now";
  if (study.review_due > 0 && study.review_extra > 0)
    start = fmt::format("Start review: {} due + {} extra practice", study.review_due, study.review_extra);
  else if (study.review_due > 0)
    start = fmt::format("Start review: {} due", study.review_due);
  else if (study.review_extra > 0)
    start = fmt::format("Practise weak topics ({} questions)", study.review_extra);
  if (primary_button(f, start.c_str())) f.actions.push(app::action::ReviewStart{});
  ImGui::EndDisabled();
  if (study.review_due == 0 && study.review_extra > 0)
    note(f, "Nothing is due today. Extra practice on your weakest topics does not count as due reviews.");
  if (study.review_available == 0)
    muted(f.view.answers_total == 0 ? "Take a topic quiz first: review brings back what you have answered, when it is due."
                                    : "You are up to date. Come back when questions fall due.");

  section_title(f, "Due in the next week");
  draw_due_chart(f, 8);

  section_title(f, "Weakest topics");
  if (study.weak.empty())
    muted(f.view.graded_answers_total == 0 ? "None yet: weak topics appear once you have answered questions in them."
                                           : "Nothing weak yet: every topic you have studied is at Mastered.");
  for (std::size_t i = 0; i < std::min<std::size_t>(5, study.weak.size()); ++i) {
    const auto& row = study.topics[study.weak[i]];
    bullet_paragraph(fmt::format("{} · {}: {}, {:.0f}% likely recalled in a week", row.role, row.topic, row.level, row.score * 100));
  }

  section_title(f, "Questions you keep missing");
  if (study.leeches.empty()) {
    muted("None: a question you miss four times or more is listed here with its explanation.");
  }
  for (std::size_t i = 0; i < study.leeches.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushFont(f.fonts.bold);
    paragraph(study.leeches[i].prompt);
    ImGui::PopFont();
    note(f, fmt::format("Missed {} times", study.leeches[i].misses));
    paragraph(study.leeches[i].explanation);
    if (ImGui::SmallButton("Set aside")) f.actions.push(app::action::SuspendQuestion{study.leeches[i].question});
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Not asked in review or quizzes until you bring it back from Settings.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Start it over")) f.actions.push(app::action::ResetQuestion{study.leeches[i].question});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forget its schedule: it comes back as a new question. Your answers stay.");
    ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
    ImGui::PopID();
  }
}
}  // namespace

void draw_quiz(const Frame& f) {
  screen_heading(f, "Topic quiz", "Test what you know about each role, topic by topic.");
  if (showing_session_of(f, core::SessionKind::quiz)) {
    draw_session(f);
  } else {
    draw_quiz_setup(f);
  }
}

void draw_review(const Frame& f) {
  screen_heading(f, "Review", "What is due comes back first, then your weakest topics, until it sticks.");
  if (showing_session_of(f, core::SessionKind::review)) {
    draw_session(f);
  } else {
    draw_review_overview(f);
  }
}

}  // namespace rp::ui
