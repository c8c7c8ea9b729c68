#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/screens.hpp"

namespace rp::ui {

namespace {
// A skim reads about ten words a second; the end of a lesson reached sooner than that has not
// been read, so it is not recorded as read.
constexpr double words_per_second_read = 10.0;

ImFont* font_for(const Frame& f, core::Span::Style style, ImFont* base) {
  switch (style) {
    case core::Span::Style::strong: return f.fonts.bold;
    case core::Span::Style::emphasis: return f.fonts.italic;
    case core::Span::Style::code: return f.fonts.mono;
    case core::Span::Style::plain: break;
  }
  return base;
}

// Draws styled spans as running text wrapped at `right` (a cursor x in the window): word by word,
// each in its span's font, since ImGui 1.86 has no mixed-font text.
void flow(const Frame& f, const std::vector<core::Span>& spans, ImFont* base, float right) {
  const float left = ImGui::GetCursorPosX();
  float x = left;
  bool line_open = false;
  for (const auto& span : spans) {
    ImGui::PushFont(font_for(f, span.style, base));
    if (span.style == core::Span::Style::code) ImGui::PushStyleColor(ImGuiCol_Text, f.colors.accent);
    const std::string& s = span.text;
    std::size_t at = 0;
    while (at < s.size()) {
      // A token is a word and the spaces after it; wrapping looks only at the word.
      const std::size_t word_end = std::min(s.find(' ', at), s.size());
      const std::size_t token_end = std::min(s.find_first_not_of(' ', word_end), s.size());
      const char* begin = s.data() + at;
      const float word = ImGui::CalcTextSize(begin, s.data() + word_end).x;
      const float token = ImGui::CalcTextSize(begin, s.data() + token_end).x;
      if (line_open && x + word > right && x > left) {
        line_open = false;  // the next word starts a new line
      }
      if (line_open) {
        ImGui::SameLine(0, 0);
      } else {
        ImGui::SetCursorPosX(left);
        x = left;
        if (word_end == at) {  // spaces at the start of a line are not drawn
          at = token_end;
          continue;
        }
      }
      ImGui::TextUnformatted(begin, s.data() + token_end);
      x += token;
      line_open = true;
      at = token_end;
    }
    if (span.style == core::Span::Style::code) ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  if (!line_open) ImGui::NewLine();
}

const app::TopicRow* mastery_of(const Frame& f, const std::string& role_id, const std::string& topic_id) {
  for (const auto& row : f.view.study.topics)
    if (row.role_id == role_id && row.topic_id == topic_id) return &row;
  return nullptr;
}

// What the learner has proved on a topic: answers, mastery and what is due, from their own record.
std::string mastery_line(const app::TopicRow* row) {
  if (!row || row->total == 0) return "No questions yet";
  if (row->answers == 0) return fmt::format("{} questions, not quizzed yet", row->total);
  return fmt::format("{} · {:.0f}% · {} answered{}", row->level, row->score * 100, row->answers,
                     row->due > 0 ? fmt::format(" · {} due", row->due) : std::string());
}

void draw_role_choice(const Frame& f) {
  const auto& learn = f.view.learn;
  for (std::size_t r = 0; r < f.view.roles.size(); ++r) {
    if (r > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(r));
    if (ImGui::RadioButton(f.view.roles[r].name.c_str(), learn.role == r)) f.actions.push(app::action::LearnChooseRole{r});
    ImGui::PopID();
  }
}

void draw_path(const Frame& f, float width) {
  const auto& learn = f.view.learn;
  const std::string& role_id = f.view.roles.empty() ? std::string() : f.view.roles[learn.role].id;
  ImGui::BeginChild("path", ImVec2(width, 0), false);
  note(f, fmt::format("{} of {} lessons read", learn.read_count, learn.path.size()));
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  for (std::size_t i = 0; i < learn.path.size(); ++i) {
    const auto& line = learn.path[i];
    ImGui::PushID(static_cast<int>(i));
    const bool open = learn.open == i;
    const std::string status = line.read ? fmt::format("Read {}", line.read_on) : fmt::format("{} min read", line.minutes);
    const std::string mastery = mastery_line(mastery_of(f, role_id, line.topic_id));
    // Three lines (topic, reading status, mastery) with their spacing and a little air.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 size(0, f.fonts.bold->FontSize + 2 * f.fonts.small->FontSize + 3 * spacing + 6 * f.fonts.scale);
    const ImVec2 top = ImGui::GetCursorPos();
    if (ImGui::Selectable("##lesson", open, 0, size)) f.actions.push(app::action::LearnOpen{line.lesson_id, ""});
    // A lesson just opened (from Home, a quiz or the command line) is brought into view.
    if (open && f.ui.lesson_opening != learn.opening) ImGui::SetScrollHereY(0.3f);
    ImGui::SetCursorPos(ImVec2(top.x + 6 * f.fonts.scale, top.y + 2 * f.fonts.scale));
    ImGui::PushStyleColor(ImGuiCol_Text, line.read ? f.colors.accent : ImGui::GetColorU32(ImGuiCol_Text));
    text_in(f.fonts.bold, fmt::format("{}. {}", i + 1, line.topic));
    ImGui::PopStyleColor();
    ImGui::SetCursorPosX(top.x + 6 * f.fonts.scale);
    note(f, line.read ? "✓ " + status : status);
    ImGui::SetCursorPosX(top.x + 6 * f.fonts.scale);
    note(f, mastery);
    ImGui::SetCursorPos(ImVec2(top.x, top.y + size.y + spacing));
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void draw_block(const Frame& f, const core::Block& block, float right) {
  using Kind = core::Block::Kind;
  const float s = f.fonts.scale;
  switch (block.kind) {
    case Kind::heading:
      ImGui::Dummy(ImVec2(0, 10 * s));
      flow(f, block.spans, f.fonts.title, right);
      if (block.anchor == f.view.learn.scroll_to && f.ui.lesson_opening != f.view.learn.opening) ImGui::SetScrollHereY(0.0f);
      ImGui::Dummy(ImVec2(0, 2 * s));
      return;
    case Kind::subheading:
      ImGui::Dummy(ImVec2(0, 4 * s));
      flow(f, block.spans, f.fonts.bold, right);
      if (block.anchor == f.view.learn.scroll_to && f.ui.lesson_opening != f.view.learn.opening) ImGui::SetScrollHereY(0.0f);
      return;
    case Kind::paragraph:
      flow(f, block.spans, f.fonts.body, right);
      ImGui::Dummy(ImVec2(0, 6 * s));
      return;
    case Kind::bullet:
    case Kind::numbered: {
      const float indent = 26 * s;
      const float x = ImGui::GetCursorPosX();
      const float y = ImGui::GetCursorPosY();
      if (block.kind == Kind::bullet) {
        text("•");
      } else {
        text(fmt::format("{}.", block.number));
      }
      ImGui::SetCursorPos(ImVec2(x + indent, y));
      flow(f, block.spans, f.fonts.body, right);
      ImGui::SetCursorPosX(x);
      return;
    }
  }
}

void draw_lesson(const Frame& f) {
  const auto& learn = f.view.learn;
  const auto& line = learn.path[*learn.open];
  ImGui::BeginChild("lesson", ImVec2(0, 0), false);
  const bool fresh_opening = f.ui.lesson_opening != learn.opening;
  if (fresh_opening) {
    if (learn.scroll_to.empty()) ImGui::SetScrollY(0);
    f.ui.lesson_opened_at = ImGui::GetTime();
  }
  const float s = f.fonts.scale;
  const float right = ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x - 12 * s, f.fonts.body->FontSize * 42);
  ImGui::PushTextWrapPos(right);
  text_in(f.fonts.heading, learn.title);
  note(f, fmt::format("{} · about {} words, {} min · {}", line.topic, line.words, line.minutes,
                      line.read ? "read " + line.read_on : "not read yet"));
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 6 * s));
  const auto& blocks = learn.body.blocks;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const bool list = blocks[i].kind == core::Block::Kind::bullet || blocks[i].kind == core::Block::Kind::numbered;
    const bool after_list = i > 0 && (blocks[i - 1].kind == core::Block::Kind::bullet ||
                                      blocks[i - 1].kind == core::Block::Kind::numbered);
    if (after_list && !list) ImGui::Dummy(ImVec2(0, 6 * s));  // a list ends with the space a paragraph does
    draw_block(f, blocks[i], right);
  }

  ImGui::Dummy(ImVec2(0, 10 * s));
  text_in(f.fonts.title, "Sources");
  ImGui::PushTextWrapPos(right);
  for (const auto& source : learn.sources) {
    text("•");
    ImGui::SameLine();
    ImGui::BeginGroup();
    text(source.title);
    note(f, source.url);
    ImGui::EndGroup();
  }
  ImGui::PopTextWrapPos();

  ImGui::Dummy(ImVec2(0, 12 * s));
  if (primary_button(f, "Quiz me on this")) {
    app::QuizSetup setup = f.view.quiz_setup;
    setup.roles = {f.view.roles[learn.role].id};
    setup.topics = {learn.topic_id};
    f.actions.push(app::action::SetQuizSetup{setup});
    f.actions.push(app::action::QuizStart{});
    f.actions.push(app::action::Navigate{app::Screen::quiz});
  }
  if (*learn.open + 1 < learn.path.size()) {
    ImGui::SameLine();
    const auto& next = learn.path[*learn.open + 1];
    if (ImGui::Button(fmt::format("Next: {}", next.topic).c_str())) f.actions.push(app::action::LearnOpen{next.lesson_id, ""});
  }
  // The end is reached when this line is on screen, after at least a quick read's time.
  const double min_seconds = line.words / words_per_second_read;
  if (learn.marked_read || line.read) {
    note(f, learn.marked_read ? "Recorded as read today." : "You have read this lesson before; read again to refresh it.");
  } else {
    note(f, "Reaching the end of the lesson records it as read.");
  }
  if (ImGui::IsItemVisible() && !learn.end_reached && !fresh_opening &&
      ImGui::GetTime() - f.ui.lesson_opened_at >= min_seconds)
    f.actions.push(app::action::LearnReachedEnd{});
  ImGui::Dummy(ImVec2(0, 8 * s));
  f.ui.lesson_opening = learn.opening;
  ImGui::EndChild();
}
}  // namespace

void draw_learn(const Frame& f) {
  const auto& learn = f.view.learn;
  screen_heading(f, "Learn", "Read a topic's lesson, then prove it with a quiz. Each role's path runs from its overview onward.");
  if (learn.path.empty() && f.view.roles.empty()) {
    paragraph("The question bank holds no lessons.");
    return;
  }
  draw_role_choice(f);
  ImGui::Dummy(ImVec2(0, 6 * f.fonts.scale));
  if (learn.path.empty()) {
    paragraph("This role's path has no lessons in the loaded banks yet.");
    return;
  }
  // Side by side when there is room for a readable lesson; otherwise the list or the lesson.
  const float available = ImGui::GetContentRegionAvail().x;
  const float list_width = std::clamp(available * 0.34f, 260 * f.fonts.scale, 360 * f.fonts.scale);
  const bool side_by_side = available - list_width >= 520 * f.fonts.scale;
  if (side_by_side) {
    draw_path(f, list_width);
    ImGui::SameLine(0, 24 * f.fonts.scale);
    if (learn.open) {
      draw_lesson(f);
    } else {
      ImGui::BeginGroup();
      const auto start = learn.next_unread.value_or(0);
      paragraph(fmt::format("Pick a lesson on the left. {} is a good place to start.", learn.path[start].title));
      if (primary_button(f, "Start reading")) f.actions.push(app::action::LearnOpen{learn.path[start].lesson_id, ""});
      ImGui::EndGroup();
    }
  } else if (learn.open) {
    if (ImGui::Button("All lessons")) f.actions.push(app::action::LearnClose{});
    draw_lesson(f);
  } else {
    draw_path(f, 0);
  }
}

}  // namespace rp::ui
