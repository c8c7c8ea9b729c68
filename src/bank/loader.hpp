#pragma once
// Reads question-bank TOML into core::Bank, checking everything and reporting every problem as
// `file:line:col: message`, not only the first.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bank.hpp"

namespace rp::bank {

struct Diagnostic {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;

  std::string to_string() const;  // "file:line:col: message"
};

struct LoadResult {
  core::Bank bank;
  std::vector<Diagnostic> errors;
  bool ok() const { return errors.empty(); }
};

// What a bank may hold. Past any of these the loader says so; it never truncates.
struct Limits {
  std::size_t max_file_bytes = 2 * 1024 * 1024;
  std::size_t max_items = 5000;  // roles + topics + lessons + questions + statements + cards
  std::size_t max_id = 64;
  std::size_t max_name = 80;
  std::size_t max_summary = 300;
  std::size_t max_prompt = 300;
  std::size_t max_option = 120;
  std::size_t max_explanation = 500;
  std::size_t max_statement = 200;
  std::size_t max_card = 800;
  std::size_t max_lesson = 12000;  // about 1,800 words: twice the longest lesson we write
  std::size_t max_sources = 20;
  std::size_t max_source_title = 200;
  std::size_t max_url = 300;
  std::size_t max_options = 9;  // answered with keys 1-9
};

// Parses `text`, named `file_name` in messages, as a bank that adds to `base`: it may refer to
// base's roles and topics, and none of its ids may repeat one of base's. On success the returned
// bank holds only what `text` adds.
LoadResult parse_bank(std::string_view text, std::string_view file_name, const core::Bank& base = {},
                      const Limits& limits = {});

// Reads a file and parses it as above; an unreadable or over-large file is one diagnostic.
LoadResult load_bank_file(const std::filesystem::path& path, const core::Bank& base = {},
                          const Limits& limits = {});

// The files of the bank built into the binary, each {name under assets/banks/, contents}, in the
// order they load: default.toml (roles, topics, role-fit statements), then one file per topic.
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_bank_files();

// The built-in bank: each of its files on top of the ones before.
LoadResult load_builtin_bank();

// Loads each file on top of the ones before it, starting from the built-in bank when
// `on_default_bank`, else from nothing. Errors from every file are collected.
LoadResult load_banks(const std::vector<std::filesystem::path>& files, bool on_default_bank = true);

}  // namespace rp::bank
