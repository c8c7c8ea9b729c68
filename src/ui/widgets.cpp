#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "ui/bidi.hpp"

namespace rp::ui {

void text(std::string_view s) { if (!bidi::draw(s)) ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

namespace {
// Lines stop at about 50 em, a readable measure, even in a wide window.
float measure(float available) { return std::min(available, ImGui::GetFontSize() * 50); }
}  // namespace

float wrapped_height(ImFont* font, std::string_view s, float width) {
  const float wrap = std::min(width, font->FontSize * 50);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, s.data(), s.data() + s.size()).y;
}

void paragraph(std::string_view s) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + measure(ImGui::GetContentRegionAvail().x));
  text(s);
  ImGui::PopTextWrapPos();
}

void paragraph_in(ImFont* font, std::string_view s) {
  ImGui::PushFont(font);
  paragraph(s);
  ImGui::PopFont();
}

void bullet_paragraph(std::string_view s) {
  ImGui::Bullet();
  ImGui::SameLine();
  paragraph(s);
}

ButtonRow::ButtonRow(bool after_last_item)
    : right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x), first_(!after_last_item) {}

void ButtonRow::place(float width) {
  if (!first_) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_) ImGui::SameLine();
  }
  first_ = false;
}

namespace {
float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}
}  // namespace

bool ButtonRow::button(const char* label) {
  place(button_width(label));
  return ImGui::Button(label);
}

bool ButtonRow::radio(const char* label, int* value, int option) {
  const ImGuiStyle& style = ImGui::GetStyle();
  place(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x);
  return ImGui::RadioButton(label, value, option);
}

bool ButtonRow::primary(const Frame& f, const char* label) {
  place(button_width(label));
  return primary_button(f, label);
}

void muted(std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  paragraph(s);
  ImGui::PopStyleColor();
}

void text_in(ImFont* font, std::string_view s) {
  ImGui::PushFont(font);
  text(s);
  ImGui::PopFont();
}

void text_elided(ImFont* font, std::string_view s) {
  ImGui::PushFont(font);
  const float room = ImGui::GetContentRegionAvail().x;
  auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
  if (width(s) <= room) {
    text(s);
  } else {
    constexpr std::string_view ellipsis = "\u2026";
    std::size_t end = s.size();
    while (end > 0 && width(s.substr(0, end)) + width(ellipsis) > room) {
      do --end;  // back to the start of the previous UTF-8 character, never into one
      while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80);
    }
    std::string shown(s.substr(0, end));
    shown += ellipsis;
    text(shown);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(s).c_str());
  }
  ImGui::PopFont();
}

void screen_heading(const Frame& f, std::string_view title, std::string_view subtitle) {
  text_in(f.fonts.heading, title);
  if (!subtitle.empty()) muted(subtitle);
  ImGui::Dummy(ImVec2(0, 8 * f.fonts.scale));
}

void note(const Frame& f, std::string_view s) {
  ImGui::PushFont(f.fonts.small);
  muted(s);
  ImGui::PopFont();
}

void section_title(const Frame& f, std::string_view title) {
  ImGui::Dummy(ImVec2(0, 4 * f.fonts.scale));
  text_in(f.fonts.title, title);
}

bool primary_button(const Frame& f, const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, f.colors.primary);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, f.colors.primary_hovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, f.colors.primary_active);
  ImGui::PushStyleColor(ImGuiCol_Text, f.colors.on_primary);
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool two_line_button(const Frame& f, std::string_view top, std::string_view bottom, ImVec2 size) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Button("##two-line", size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  const float gap = 2 * f.fonts.scale;
  const ImVec2 top_size = f.fonts.bold->CalcTextSizeA(f.fonts.bold->FontSize, FLT_MAX, 0, top.data(), top.data() + top.size());
  const ImVec2 bottom_size =
      f.fonts.body->CalcTextSizeA(f.fonts.body->FontSize, FLT_MAX, 0, bottom.data(), bottom.data() + bottom.size());
  const float y = at.y + (size.y - top_size.y - gap - bottom_size.y) / 2;
  draw->AddText(f.fonts.bold, f.fonts.bold->FontSize, ImVec2(at.x + (size.x - top_size.x) / 2, y), colour, top.data(),
                top.data() + top.size());
  draw->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(at.x + (size.x - bottom_size.x) / 2, y + top_size.y + gap),
                colour, bottom.data(), bottom.data() + bottom.size());
  return pressed;
}

Card::Card(const Frame& f, const char* id, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, f.colors.card);
  ImGui::PushStyleColor(ImGuiCol_Border, f.colors.card_border);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding_x(f), padding_y(f)));
  // Flattened for keyboard navigation: Tab and the arrows reach a card's buttons as if they were
  // the screen's own (cards never scroll, which that needs).
  ImGui::BeginChild(id, ImVec2(width, height), true,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
}

Card::~Card() {
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
}

void not_built_notice(const Frame& f, std::string_view what_it_will_do) {
  const float inner = ImGui::GetContentRegionAvail().x - 2 * Card::padding_x(f);
  const float height = 2 * Card::padding_y(f) + f.fonts.bold->FontSize + ImGui::GetStyle().ItemSpacing.y +
                       wrapped_height(f.fonts.body, what_it_will_do, inner);
  Card card(f, "##not-built", 0, height);
  text_in(f.fonts.bold, "Not built yet");
  paragraph(what_it_will_do);
}

}  // namespace rp::ui
