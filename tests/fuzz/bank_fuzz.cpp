// libFuzzer target for the bank loader: any bytes must give either a bank or errors that each
// name a line and a column, never a crash. Built with clang when ROLEPATH_FUZZ=ON; the same check
// replays tests/data/bad_banks in every ordinary test run (bank_corpus_test).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bank/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = rp::bank::parse_bank(text, "fuzz.toml");
  for (const auto& error : result.errors)
    if (error.line == 0 || error.column == 0 || error.message.empty()) __builtin_trap();
  return 0;
}
