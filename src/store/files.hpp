#pragma once
// File-system steps the store's safety rests on: which real file a path names, folders only the
// owner can enter, renames that never replace, and syncs that make a rename survive a power cut.
#include <filesystem>
#include <string>

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

// For tests of interrupted work: when ROLEPATH_TEST_FAILPOINT names `step`, the process kills
// itself with SIGKILL right there, as a power cut or `kill -9` would.
void failpoint(const char* step);

}  // namespace rp::store
