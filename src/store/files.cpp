#include "store/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "store/store.hpp"

namespace rp::store {

std::filesystem::path resolve_database_path(const std::filesystem::path& path) {
  std::error_code ec;
  const auto link = std::filesystem::symlink_status(path, ec);
  if (std::filesystem::is_symlink(link) && !std::filesystem::exists(path, ec)) {
    const auto target = std::filesystem::read_symlink(path, ec);
    throw StoreError(ErrorKind::missing, path.string(),
                     fmt::format("this is a symbolic link to {}, which does not exist", target.string()));
  }
  const auto absolute = std::filesystem::absolute(path, ec);
  if (ec) return path;
  // weakly_canonical resolves every part that exists (links, `..`) and keeps the rest as written.
  const auto resolved = std::filesystem::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : resolved;
}

void create_private_folders(const std::filesystem::path& folder) {
  if (folder.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(folder, ec)) return;
  create_private_folders(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
    throw StoreError(errno == EACCES || errno == EROFS ? ErrorKind::read_only : ErrorKind::io, folder.string(),
                     fmt::format("cannot create this folder: {}", std::strerror(errno)));
}

namespace {
void sync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}
}  // namespace

void sync_folder(const std::filesystem::path& folder) { sync_path(folder.empty() ? "." : folder, O_RDONLY | O_DIRECTORY); }

void sync_file(const std::filesystem::path& file) { sync_path(file, O_RDONLY | O_NONBLOCK); }

bool rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS)
    throw std::filesystem::filesystem_error("rename", from, to, std::error_code(errno, std::generic_category()));
  // A file system without RENAME_NOREPLACE: a hard link also fails when the name is taken.
  if (::link(from.c_str(), to.c_str()) != 0) {
    if (errno == EEXIST) return false;
    throw std::filesystem::filesystem_error("link", from, to, std::error_code(errno, std::generic_category()));
  }
  ::unlink(from.c_str());
  return true;
}

std::string non_regular_kind(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {};
  if (S_ISREG(info.st_mode)) return {};
  if (S_ISDIR(info.st_mode)) return "a folder";
  if (S_ISFIFO(info.st_mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(info.st_mode)) return "a character device";
  if (S_ISBLK(info.st_mode)) return "a block device";
  if (S_ISSOCK(info.st_mode)) return "a socket";
  return "not a regular file";
}

namespace {
bool same_file(const struct stat& a, const std::filesystem::path& b) {
  struct stat other {};
  return ::stat(b.c_str(), &other) == 0 && a.st_dev == other.st_dev && a.st_ino == other.st_ino;
}

bool starts_with_sqlite_magic(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  char bytes[16] = {};
  const auto got = ::read(fd, bytes, sizeof bytes);
  ::close(fd);
  return got == 16 && std::memcmp(bytes, "SQLite format 3", 16) == 0;
}
}  // namespace

void check_output_target(const std::filesystem::path& requested, const std::filesystem::path& database,
                         const std::filesystem::path& backup_root) {
  const auto target = resolve_database_path(requested);
  const std::string name = requested.string();
  if (const auto kind = non_regular_kind(target); !kind.empty())
    throw StoreError(ErrorKind::not_regular, name, fmt::format("this is {}; an export is only written to a regular file", kind));
  const auto db = resolve_database_path(database);
  struct stat info {};
  const bool exists = ::stat(target.c_str(), &info) == 0;
  for (const char* side : {"", "-wal", "-shm", "-journal", ".lock", ".restoring", ".restore-plan", ".creating"}) {
    const std::filesystem::path companion = db.string() + side;
    if (target == companion || (exists && same_file(info, companion)))
      throw StoreError(ErrorKind::other, name,
                       fmt::format("this is {} of your database; choose another file for the export",
                                   *side ? fmt::format("the {} file", side) : std::string("the file")));
  }
  const auto root = resolve_database_path(backup_root);
  const auto relative = target.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..")
    throw StoreError(ErrorKind::other, name, "this is inside the backups folder; choose a file elsewhere for the export");
  if (exists && starts_with_sqlite_magic(target))
    throw StoreError(ErrorKind::other, name, "this file is an SQLite database; an export never replaces a database");
}

namespace detail {
std::filesystem::path make_private_temporary(const std::filesystem::path& target) {
  std::string pattern = target.string() + ".XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw StoreError(errno == ENOSPC ? ErrorKind::disk_full : ErrorKind::io, target.string(),
                     fmt::format("cannot write here: {}", std::strerror(errno)));
  ::close(fd);
  return pattern;
}

void commit_temporary(const std::filesystem::path& temp, const std::filesystem::path& target, bool written) {
  std::error_code ec;
  if (!written) {
    std::filesystem::remove(temp, ec);
    throw StoreError(ErrorKind::disk_full, target.string(),
                     "writing failed (is the disk full?); nothing was written and any earlier file is unchanged");
  }
  sync_file(temp);
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw StoreError(ErrorKind::io, target.string(), fmt::format("cannot put the file in place: {}", ec.message()));
  }
  sync_folder(target.parent_path());
}
}  // namespace detail

void failpoint(const char* step) {
  if (const char* wanted = std::getenv("ROLEPATH_TEST_FAILPOINT"); wanted && std::strcmp(wanted, step) == 0)
    ::kill(::getpid(), SIGKILL);
}

}  // namespace rp::store
