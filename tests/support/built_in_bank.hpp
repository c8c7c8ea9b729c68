#pragma once
// The bank built into the binary, loaded once per test binary; a load with problems fails the test.
#include <doctest/doctest.h>

#include "bank/loader.hpp"

namespace rp::test {

inline const core::Bank& built_in() {
  static const core::Bank loaded = [] {
    auto r = bank::load_builtin_bank();
    REQUIRE(r.ok());
    return r.bank;
  }();
  return loaded;
}

}  // namespace rp::test
