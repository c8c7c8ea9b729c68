#pragma once
// File-system steps the store's safety rests on: which real file a path names, folders only the
// owner can enter, renames that never replace, and syncs that make a rename survive a power cut.
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace rp::store {

// The real file a database path names: symlinks and `..` resolved, so every way of naming one
// file meets the same lock and every file operation acts on the file, never on a link. A missing
// file is resolved through its folder. Throws a StoreError for a link that leads nowhere.
std::filesystem::path resolve_database_path(const std::filesystem::path& path);

// Creates every missing folder on the way to `folder` with owner-only permissions (0700).
void create_private_folders(const std::filesystem::path& folder);

// Makes the folder's entries (renames, new files) durable.
void sync_folder(const std::filesystem::path& folder);

// Makes a file's contents durable.
void sync_file(const std::filesystem::path& file);

// Renames `from` to `to` only if nothing is at `to`; false (and nothing changed) if something is.
// Throws std::filesystem::filesystem_error on other failures.
bool rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

// What is at `path`, without opening it (opening a FIFO would wait forever): empty when it is a
// regular file or nothing at all, else a phrase such as "a FIFO (named pipe)".
std::string non_regular_kind(const std::filesystem::path& path);

// Refuses an output file (an export) that would land on the database or one of its companions
// (-wal, -shm, -journal, lock, restore files) under any name, inside the backups folder, on any
// SQLite file, or on anything that is not a regular file. Throws a StoreError naming the path.
void check_output_target(const std::filesystem::path& target, const std::filesystem::path& database,
                         const std::filesystem::path& backup_root);

// Writes `target` whole or not at all: `write` fills a private temporary file beside it (mode
// 0600), which is synced and renamed over `target`. Returns what `write` returned.
template <typename Write>
auto write_file_atomically(const std::filesystem::path& target, Write&& write) -> decltype(write(std::declval<std::ostream&>()));

// For tests of interrupted work: when ROLEPATH_TEST_FAILPOINT names `step`, the process kills
// itself with SIGKILL right there, as a power cut or `kill -9` would.
void failpoint(const char* step);

namespace detail {
// A new empty file beside `target` that only its owner can read; its path.
std::filesystem::path make_private_temporary(const std::filesystem::path& target);
// Syncs `temp` and renames it over `target`; on failure removes `temp` and throws.
void commit_temporary(const std::filesystem::path& temp, const std::filesystem::path& target, bool written);
}  // namespace detail

template <typename Write>
auto write_file_atomically(const std::filesystem::path& target, Write&& write) -> decltype(write(std::declval<std::ostream&>())) {
  const auto temp = detail::make_private_temporary(target);
  std::ofstream out;
  try {
    out.open(temp, std::ios::binary | std::ios::trunc);
    auto result = write(out);
    out.flush();
    const bool written = static_cast<bool>(out);
    out.close();
    detail::commit_temporary(temp, target, written);
    return result;
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    throw;
  }
}

}  // namespace rp::store
