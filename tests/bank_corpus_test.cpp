// Replays the corpus of bad banks (tests/data/bad_banks, also the fuzzer's seed corpus): each
// gives a bank or errors with a line and a column, and none takes over a second of CPU time.
#include <doctest/doctest.h>
#include <time.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "bank/loader.hpp"

namespace {
// The CPU time this thread has used. The loader's speed is measured in it rather than by the wall
// clock, which also counts the time other tests running beside this one (ctest -j) took the CPU.
std::chrono::nanoseconds thread_cpu_time() {
  timespec now{};
  REQUIRE(::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

// "path:LINE:COL: message" with LINE and COL at least 1 and a message.
bool located(const std::string& text, const std::string& path) {
  if (text.rfind(path + ":", 0) != 0) return false;
  std::size_t at = path.size() + 1;
  for (int field = 0; field < 2; ++field) {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start || text[start] == '0' || at >= text.size() || text[at] != ':') return false;
    ++at;
  }
  return at + 1 < text.size() && text[at] == ' ';
}
}  // namespace

TEST_CASE("every bad bank in the corpus gives file:line:col errors quickly and never crashes") {
  const std::filesystem::path corpus = ROLEPATH_BAD_BANKS;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    CAPTURE(entry.path().string());
    ++files;
    const auto started = thread_cpu_time();
    const auto result = rp::bank::load_bank_file(entry.path());
    const auto took = thread_cpu_time() - started;
    CHECK(took < std::chrono::seconds(1));
    for (const auto& error : result.errors) {
      CAPTURE(error.to_string());
      CHECK(located(error.to_string(), entry.path().string()));
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
