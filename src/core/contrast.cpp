#include "core/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace rp::core {

namespace {
double channel(std::uint32_t rgb, int shift) { return static_cast<double>((rgb >> shift) & 0xFFu) / 255.0; }

// sRGB to linear light, with the standard's threshold.
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
}  // namespace

double relative_luminance(std::uint32_t rgb) {
  return 0.2126 * linear(channel(rgb, 16)) + 0.7152 * linear(channel(rgb, 8)) + 0.0722 * linear(channel(rgb, 0));
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::uint32_t blend(std::uint32_t top, std::uint32_t over, double alpha) {
  std::uint32_t out = 0;
  for (int shift : {16, 8, 0}) {
    const double mixed = channel(top, shift) * alpha + channel(over, shift) * (1 - alpha);
    out |= static_cast<std::uint32_t>(std::lround(mixed * 255.0)) << shift;
  }
  return out;
}

}  // namespace rp::core
