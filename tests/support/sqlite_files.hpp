#pragma once
// Database files in the states a crash leaves them in: a -wal that holds answers the main file
// lacks, and a checkpoint cut short (part of the -wal copied into the main file, in page order, as
// SQLite's checkpoint writes it), for tests of what the store makes of them.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "store/repositories.hpp"
#include "support/temp_folder.hpp"

namespace rp::test {

// Opens the database at `file`, records `extra` more answers for its first profile and item, and
// copies the file and its -wal into `folder` while it is still open: what a `kill -9` leaves.
// Returns the copy's path.
inline std::filesystem::path crash_snapshot(const std::filesystem::path& file, const std::filesystem::path& folder,
                                            int extra = 300) {
  std::filesystem::create_directories(folder);
  const auto copy = folder / file.filename();
  auto s = store::Store::open(file);
  {
    auto& db = s->connection();
    const auto profile = db.execAndGet("SELECT min(id) FROM profile").getInt64();
    const auto item = db.execAndGet("SELECT min(id) FROM item").getInt64();
    const auto session = db.execAndGet("SELECT min(id) FROM study_session").getInt64();
    // One transaction, so the -wal holds each page once and the file grows by new pages.
    s->in_transaction([&] {
      for (int i = 0; i < extra; ++i)
        store::Answers(*s).record({profile, session, item, 1'772'500'000'000 + i, "0", true, 900, std::nullopt, 20'500, false, "", false});
    });
  }
  std::filesystem::copy_file(file, copy, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(file.string() + "-wal", copy.string() + "-wal", std::filesystem::copy_options::overwrite_existing);
  return copy;
}

namespace detail {
inline std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(bytes[at])) << 24) |
         (std::uint32_t(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(bytes[at + 2])) << 8) | std::uint32_t(static_cast<unsigned char>(bytes[at + 3]));
}
}  // namespace detail

// Copies the newest version of every page the -wal holds into the main file, lowest page first,
// and stops before the last one: a checkpoint cut short by a full disk or a crash, just before it
// wrote the page the database grew into. The -wal stays.
inline void cut_checkpoint_short(const std::filesystem::path& database) {
  const std::string wal = read_bytes(database.string() + "-wal");
  REQUIRE(wal.size() > 32);
  const std::uint32_t page_size = detail::big_endian(wal, 8);
  std::map<std::uint32_t, std::size_t> newest;  // page number -> offset of its newest frame's page
  for (std::size_t frame = 32; frame + 24 + page_size <= wal.size(); frame += 24 + page_size)
    newest[detail::big_endian(wal, frame)] = frame + 24;
  REQUIRE(newest.size() >= 2);
  std::fstream main(database, std::ios::in | std::ios::out | std::ios::binary);
  std::size_t written = 0;
  for (const auto& [page, offset] : newest) {
    if (++written == newest.size()) break;
    main.seekp(static_cast<std::streamoff>(page - 1) * page_size);
    main.write(wal.data() + offset, page_size);
  }
}

// True when the main file read on its own, without its -wal, passes SQLite's quick check.
inline bool main_file_alone_is_intact(const std::filesystem::path& database) {
  try {
    SQLite::Database db("file:" + database.string() + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    return db.execAndGet("PRAGMA quick_check").getString() == "ok";
  } catch (const SQLite::Exception&) {
    return false;
  }
}

}  // namespace rp::test
