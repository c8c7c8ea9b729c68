#pragma once
// WCAG 2.x contrast between two sRGB colours, so the palettes can be checked by a test rather
// than by eye. Colours are 0xRRGGBB.
#include <cstdint>

namespace rp::core {

// Relative luminance, 0 for black to 1 for white (WCAG 2.2, "relative luminance").
double relative_luminance(std::uint32_t rgb);
// (lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white.
double contrast_ratio(std::uint32_t a, std::uint32_t b);
// `over` seen through `top` drawn at `alpha` (0..1), as a translucent fill looks on screen.
std::uint32_t blend(std::uint32_t top, std::uint32_t over, double alpha);

// What WCAG AA asks: 4.5:1 for text, 3:1 for large text (headings) and for chart marks and
// control outlines.
inline constexpr double text_contrast = 4.5;
inline constexpr double graphic_contrast = 3.0;

}  // namespace rp::core
