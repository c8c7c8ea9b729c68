#include "core/text.hpp"

#include <fmt/format.h>

namespace rp::core {

namespace {
struct Decoded {
  char32_t code = 0;
  std::size_t length = 1;  // bytes read; for an invalid sequence, its maximal valid-looking start
  bool valid = false;
};

// One character at `at`, following the table of well-formed byte sequences in the Unicode
// standard (3.9, table 3-7): the second byte's range depends on the first, which is what rules
// out overlong forms, surrogates and code points above U+10FFFF.
Decoded decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  char32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) high = 0x9F;  // surrogates U+D800..U+DFFF
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return {};  // a continuation byte, C0/C1 (always overlong) or F5..FF
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (at + i >= text.size()) return {0, i, false};
    const unsigned char next = byte(at + i);
    const unsigned char lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
    if (next < lo || next > hi) return {0, i, false};
    code = (code << 6) | (next & 0x3F);
  }
  return {code, length, true};
}

bool is_control(char32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD
}  // namespace

Utf8Scan scan_utf8(std::string_view text) {
  Utf8Scan scan;
  for (std::size_t at = 0; at < text.size();) {
    const auto d = decode(text, at);
    if (!d.valid) {
      scan.bad_byte = at;
      return scan;
    }
    if (!scan.control && is_control(d.code)) scan.control = scan.characters;
    ++scan.characters;
    at += d.length;
  }
  return scan;
}

bool is_utf8(std::string_view text) { return scan_utf8(text).valid(); }

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto d = decode(text, at);
    if (d.valid) {
      out.append(text.substr(at, d.length));
    } else {
      out.append(replacement);
    }
    at += d.length;
  }
  return out;
}

std::u32string to_code_points(std::string_view text) {
  std::u32string codes;
  codes.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto d = decode(text, at);
    codes.push_back(d.valid ? d.code : U'\uFFFD');
    at += d.length;
  }
  return codes;
}

std::string to_utf8(std::u32string_view codes) {
  std::string out;
  out.reserve(codes.size());
  for (char32_t code : codes) {
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }
  return out;
}

std::size_t utf8_prefix_bytes(std::string_view text, std::size_t max_bytes) {
  std::size_t end = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto next = at + decode(text, at).length;
    if (next > max_bytes) break;
    end = at = next;
  }
  return end;
}

std::size_t replacement_characters(std::string_view text) {
  std::size_t count = 0;
  for (auto at = text.find(replacement); at != std::string_view::npos; at = text.find(replacement, at + 1)) ++count;
  return count;
}

std::optional<std::string> profile_name_problem(std::string_view name, std::size_t max_characters) {
  const auto scan = scan_utf8(name);
  // Byte and character positions are counted from 1, as a learner would.
  if (!scan.valid()) return fmt::format("the profile name is not valid UTF-8 (byte {})", *scan.bad_byte + 1);
  if (scan.control)
    return fmt::format("a profile name cannot hold control characters such as tabs or line breaks (character {})",
                       *scan.control + 1);
  if (name.find_first_not_of(' ') == std::string_view::npos) return std::string("a profile needs a name");
  if (scan.characters > max_characters)
    return fmt::format("a profile name may be at most {} characters (this one has {})", max_characters,
                       scan.characters);
  return std::nullopt;
}

}  // namespace rp::core
