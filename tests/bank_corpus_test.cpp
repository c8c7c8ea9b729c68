// Replays the corpus of bad banks (tests/data/bad_banks, also the fuzzer's seed corpus): each
// gives a bank or errors with a line and a column, and none takes over a second.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <regex>

#include "bank/loader.hpp"

TEST_CASE("every bad bank in the corpus gives file:line:col errors quickly and never crashes") {
  const std::filesystem::path corpus = ROLEPATH_BAD_BANKS;
  int files = 0;
  const std::regex located(R"(^.+:[1-9][0-9]*:[1-9][0-9]*: .+$)");
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    CAPTURE(entry.path().string());
    ++files;
    const auto started = std::chrono::steady_clock::now();
    const auto result = rp::bank::load_bank_file(entry.path());
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(took < std::chrono::seconds(1));
    for (const auto& error : result.errors) {
      CAPTURE(error.to_string());
      CHECK(std::regex_match(error.to_string(), located));
      CHECK(error.file == entry.path().string());
    }
    if (entry.path().filename() != "empty.toml" && entry.path().filename() != "only_comments.toml") CHECK_FALSE(result.ok());
  }
  CHECK(files >= 15);
}

TEST_CASE("a bank at the item limit is refused with a clear message not truncated") {
  const auto result = rp::bank::load_bank_file(std::filesystem::path(ROLEPATH_BAD_BANKS) / "too_many_items.toml");
  REQUIRE_FALSE(result.ok());
  bool said = false;
  for (const auto& error : result.errors) said = said || error.message.find("at most 5000 are allowed") != std::string::npos;
  CHECK(said);
}
