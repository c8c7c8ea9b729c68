#pragma once
// Shared check for files the store must refuse: the error names the file and the problem, and the
// file is left byte-for-byte as it was, with no -wal, -shm or -journal file beside it.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "store/store.hpp"
#include "support/temp_folder.hpp"

namespace rp::test {

inline void check_refused_unchanged(const std::filesystem::path& file, const std::string& fragment) {
  const std::string before = read_bytes(file);
  try {
    store::Store::open(file);
    FAIL("the file was opened");
  } catch (const store::StoreError& e) {
    CAPTURE(e.what());
    CHECK(e.path() == file.string());
    CHECK(std::string(e.what()).find(fragment) != std::string::npos);
  }
  CHECK(read_bytes(file) == before);
  for (const char* side : {"-wal", "-shm", "-journal"}) {
    CAPTURE(side);
    CHECK_FALSE(std::filesystem::exists(file.string() + side));
  }
}

}  // namespace rp::test
