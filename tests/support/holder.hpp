#pragma once
// Processes and disks for tests of the real binary under stress: a RolePath that holds a database
// open, and a small disk that really fills.
#include <doctest/doctest.h>
#include <poll.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "support/temp_folder.hpp"

namespace rp::test {

// A RolePath that holds a database: the terminal questionnaire, waiting for an answer that never
// comes. Ready once it has printed its first statement, so the database is open and locked.
class Holder {
 public:
  Holder(const std::string& binary, const TempFolder& home, const std::filesystem::path& db) {
    int to_child[2], from_child[2];
    REQUIRE(::pipe(to_child) == 0);
    REQUIRE(::pipe(from_child) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      ::close(to_child[1]);
      ::close(from_child[0]);
      const std::string data = "XDG_DATA_HOME=" + (home / "data").string();
      const std::string config = "XDG_CONFIG_HOME=" + (home / "config").string();
      const std::string path = db.string();
      char* envp[] = {const_cast<char*>(data.c_str()), const_cast<char*>(config.c_str()), nullptr};
      char* argv[] = {const_cast<char*>(binary.c_str()), const_cast<char*>("--db"), const_cast<char*>(path.c_str()),
                      const_cast<char*>("fit"), const_cast<char*>("--terminal"), nullptr};
      ::execve(binary.c_str(), argv, envp);
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    input_ = to_child[1];
    output_ = from_child[0];
    pollfd ready{output_, POLLIN, 0};
    REQUIRE(::poll(&ready, 1, 20'000) == 1);  // its first statement: the database is open
  }
  ~Holder() {
    ::kill(pid_, SIGTERM);
    ::close(input_);
    ::close(output_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  Holder(const Holder&) = delete;
  Holder& operator=(const Holder&) = delete;

 private:
  pid_t pid_ = -1;
  int input_ = -1, output_ = -1;
};

// A small tmpfs where the test runs as root (CI does), so the disk really fills; otherwise none.
struct SmallDisk {
  std::filesystem::path folder;
  bool mounted = false;
  SmallDisk(const std::filesystem::path& at, const char* size) : folder(at) {
    std::filesystem::create_directories(folder);
    mounted = ::geteuid() == 0 && ::mount("tmpfs", folder.c_str(), "tmpfs", 0, size) == 0;
  }
  ~SmallDisk() {
    if (mounted) ::umount2(folder.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
};

}  // namespace rp::test
