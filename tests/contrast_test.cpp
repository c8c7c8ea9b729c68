// Every text and mark colour against every background it is drawn on, in both themes, by WCAG's
// contrast formula: 4.5:1 for text, 3:1 for large headings and chart marks.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <imgui.h>

#include <string>

#include "core/contrast.hpp"
#include "ui/style.hpp"

using namespace rp;

TEST_CASE("the contrast formula gives WCAG's known values") {
  CHECK(core::contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
  CHECK(core::contrast_ratio(0xFFFFFF, 0xFFFFFF) == doctest::Approx(1.0));
  CHECK(core::contrast_ratio(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.005));  // the lightest AA grey on white
  CHECK(core::contrast_ratio(0xFFFFFF, 0x767676) == core::contrast_ratio(0x767676, 0xFFFFFF));
  CHECK(core::blend(0xFFFFFF, 0x000000, 0.5) == 0x808080);
  CHECK(core::blend(0x123456, 0xABCDEF, 1.0) == 0x123456);
}

namespace {
struct Pair {
  std::string what;
  std::uint32_t foreground, background;
  double needed;
};

std::vector<Pair> pairs_of(const ui::ThemeColours& c) {
  const double text = core::text_contrast;
  const double mark = core::graphic_contrast;
  std::vector<Pair> pairs;
  for (const auto& [name, bg] : {std::pair<const char*, std::uint32_t>{"background", c.background},
                                 {"card", c.card}, {"sidebar", c.sidebar}}) {
    pairs.push_back({fmt::format("text on {}", name), c.text, bg, text});
    pairs.push_back({fmt::format("muted text on {}", name), c.muted_text, bg, text});
    pairs.push_back({fmt::format("accent text on {}", name), c.accent, bg, text});
    pairs.push_back({fmt::format("right on {}", name), c.right, bg, text});
    pairs.push_back({fmt::format("wrong on {}", name), c.wrong, bg, text});
    pairs.push_back({fmt::format("goal line on {}", name), c.goal_line, bg, mark});
    for (std::size_t i = 0; i < c.series.size(); ++i)
      pairs.push_back({fmt::format("chart series {} on {}", i, name), c.series[i], bg, mark});
    // Selected rows and picked options: the accent drawn translucently under the text.
    for (const double alpha : {0.16, 0.24, 0.32})
      pairs.push_back({fmt::format("text on a {:.0f}% accent highlight over {}", alpha * 100, name), c.text,
                       core::blend(c.accent, bg, alpha), text});
  }
  pairs.push_back({"the primary button's label", c.on_primary, c.primary, text});
  pairs.push_back({"the primary button's label, hovered", c.on_primary, c.primary_hovered, text});
  pairs.push_back({"the primary button's label, held", c.on_primary, c.primary_active, text});
  for (const auto& [name, bg] : {std::pair<const char*, std::uint32_t>{"button", c.button},
                                 {"hovered button", c.button_hovered}, {"held button", c.button_active},
                                 {"input field", c.frame}, {"selected option", c.accent_soft}})
    pairs.push_back({fmt::format("text on {}", name), c.text, bg, text});
  pairs.push_back({"accent text on the selected option", c.accent, c.accent_soft, text});
  pairs.push_back({"the error banner", c.banner_text, c.banner, text});
  pairs.push_back({"the notice banner", c.notice_text, c.notice, text});
  pairs.push_back({"a bar on its track", c.accent, c.accent_soft, mark});
  return pairs;
}
}  // namespace

TEST_CASE("every colour pair of both themes reaches WCAG AA") {
  for (const auto theme : {app::Theme::light, app::Theme::dark}) {
    const auto pairs = pairs_of(ui::theme_colours(theme));
    CHECK(pairs.size() > 50);
    for (const auto& pair : pairs) {
      const double ratio = core::contrast_ratio(pair.foreground, pair.background);
      INFO(fmt::format("{} theme: {} is {:06X} on {:06X}", theme == app::Theme::dark ? "dark" : "light", pair.what,
                       pair.foreground, pair.background));
      CHECK(ratio >= pair.needed);
      MESSAGE(fmt::format("{:5} {:<60} {:5.2f}:1 (needs {:.1f})", theme == app::Theme::dark ? "dark" : "light",
                          pair.what, ratio, pair.needed));
    }
  }
}

namespace {
// 0xRRGGBB as ImGui packs an opaque colour (0xAABBGGRR).
unsigned int packed(std::uint32_t rgb) {
  return 0xFF000000u | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}
}  // namespace

TEST_CASE("the ImGui style and the palette come from the same colours") {
  ImGuiContext* context = ImGui::CreateContext();
  for (const auto theme : {app::Theme::light, app::Theme::dark}) {
    const auto& colours = ui::theme_colours(theme);
    const auto& palette = ui::palette(theme);
    CHECK(palette.primary == packed(colours.primary));
    CHECK(palette.series.size() == colours.series.size());
    for (std::size_t i = 0; i < colours.series.size(); ++i) CHECK(palette.series[i] == packed(colours.series[i]));
    CHECK(palette.muted_text == packed(colours.muted_text));
    // What the contrast test reads is what ImGui draws text and windows with.
    ui::apply_theme(theme, 1.0f);
    const ImGuiStyle& style = ImGui::GetStyle();
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Text]) == packed(colours.text));
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_TextDisabled]) == packed(colours.muted_text));
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]) == packed(colours.background));
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Button]) == packed(colours.button));
  }
  ImGui::DestroyContext(context);
}
