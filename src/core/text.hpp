#pragma once
// UTF-8 as RolePath checks and counts it: one decoder for profile names, for text read back from
// the database and for JSON output, so a "character" means the same thing everywhere (a Unicode
// code point, which is also what SQLite's length() counts in valid UTF-8).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rp::core {

struct Utf8Scan {
  std::size_t characters = 0;           // code points before the first invalid byte (all of them if valid)
  std::optional<std::size_t> bad_byte;  // 0-based offset of the first byte that starts no valid sequence
  std::optional<std::size_t> control;   // 0-based character index of the first control character
  bool valid() const { return !bad_byte; }
};

// Reads `text` as UTF-8 (RFC 3629): overlong forms, surrogates and code points above U+10FFFF
// are invalid, as are stray continuation bytes and sequences cut short.
Utf8Scan scan_utf8(std::string_view text);
bool is_utf8(std::string_view text);

// The text with every invalid sequence replaced by U+FFFD, one per maximal invalid subpart (the
// Unicode recommendation, which is also what browsers and nlohmann::json's replace mode do).
std::string to_valid_utf8(std::string_view text);

// The code points of `text`, one U+FFFD for each invalid sequence (as to_valid_utf8 replaces it),
// and back: code points above U+10FFFF or in the surrogate range are written as U+FFFD.
std::u32string to_code_points(std::string_view text);
std::string to_utf8(std::u32string_view codes);

// How many bytes of `text` (valid UTF-8) fit in `max_bytes` without cutting a character.
std::size_t utf8_prefix_bytes(std::string_view text, std::size_t max_bytes);

// How many times U+FFFD, the replacement character, occurs in `text`.
std::size_t replacement_characters(std::string_view text);

// The longest a profile name may be, in characters.
inline constexpr std::size_t max_profile_name = 64;

// What is wrong with `name` as a profile name, in a sentence for the learner; nothing when it is
// a good name: valid UTF-8, no control characters, not blank, 1 to `max_characters` characters.
std::optional<std::string> profile_name_problem(std::string_view name, std::size_t max_characters);

}  // namespace rp::core
