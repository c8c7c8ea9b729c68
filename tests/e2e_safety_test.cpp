// The real binary under stress: killed mid-quiz, out of disk space, in a read-only folder, run
// twice on one database, restoring a backup.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <string>

#include "support/holder.hpp"
#include "support/process.hpp"
#include "support/temp_folder.hpp"

using rp::test::run;
using rp::test::shell_quote;
using rp::test::TempFolder;

namespace {
const std::string binary = ROLEPATH_BINARY;

std::string env_for(const TempFolder& home) {
  return "env XDG_DATA_HOME=" + shell_quote((home / "data").string()) + " XDG_CONFIG_HOME=" +
         shell_quote((home / "config").string()) + " ";
}

std::string sql(const std::filesystem::path& db, const std::string& query) {
  const auto r = run("sqlite3 " + shell_quote(db.string()) + " " + shell_quote(query));
  return r.out.substr(0, r.out.find('\n'));
}

// Starts the terminal quiz, feeds it answers as fast as it takes them, and kills it with SIGKILL
// after `after_ms`. Returns how many "recorded" lines it printed before it died.
int quiz_until_killed(const TempFolder& home, int after_ms) {
  ::signal(SIGPIPE, SIG_IGN);  // the child may die while we write to it
  int to_child[2], from_child[2];
  REQUIRE(::pipe(to_child) == 0);
  REQUIRE(::pipe(from_child) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);
    ::close(to_child[1]);
    ::close(from_child[0]);
    const std::string data = "XDG_DATA_HOME=" + (home / "data").string();
    const std::string config = "XDG_CONFIG_HOME=" + (home / "config").string();
    char* envp[] = {const_cast<char*>(data.c_str()), const_cast<char*>(config.c_str()), nullptr};
    char* argv[] = {const_cast<char*>(binary.c_str()), const_cast<char*>("quiz"), const_cast<char*>("--terminal"),
                    const_cast<char*>("--count"), const_cast<char*>("200"), nullptr};
    ::execve(binary.c_str(), argv, envp);
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  ::fcntl(to_child[1], F_SETFL, O_NONBLOCK);
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(after_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string answers = "1\n1\n1\n1\n";
    (void)!::write(to_child[1], answers.data(), answers.size());  // a full pipe just waits for the quiz
    pollfd fd{from_child[0], POLLIN, 0};
    if (::poll(&fd, 1, 2) > 0 && (fd.revents & POLLIN)) {
      char buffer[4096];
      const auto got = ::read(from_child[0], buffer, sizeof buffer);
      if (got > 0) output.append(buffer, static_cast<std::size_t>(got));
    }
  }
  ::kill(pid, SIGKILL);
  // What it printed before dying is still in the pipe.
  char buffer[4096];
  for (ssize_t got; (got = ::read(from_child[0], buffer, sizeof buffer)) > 0;) output.append(buffer, static_cast<std::size_t>(got));
  ::close(to_child[1]);
  ::close(from_child[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  int recorded = 0;
  for (std::size_t at = output.find("\nrecorded\n"); at != std::string::npos; at = output.find("\nrecorded\n", at + 1)) ++recorded;
  return recorded;
}
}  // namespace

TEST_CASE("killed 30 times mid-quiz: every answer it said was recorded is there and the file is intact") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  REQUIRE(run(env_for(home) + shell_quote(binary) + " report").exit_code == 0);  // create it
  std::mt19937 rng(30);
  std::uniform_int_distribution<int> delay(30, 400);
  long long stored = 0;
  for (int round = 0; round < 30; ++round) {
    CAPTURE(round);
    const long long before = stored;
    const int printed = quiz_until_killed(home, delay(rng));
    stored = std::stoll(sql(db, "SELECT count(*) FROM answer"));
    CHECK(stored >= before + printed);      // every answer it called recorded is there
    CHECK(stored <= before + printed + 1);  // and at most the one commit the kill cut off before its line
    CHECK(sql(db, "PRAGMA integrity_check") == "ok");
  }
  MESSAGE("answers stored over 30 kills: ", stored);
  CHECK(stored > 30);
  CHECK(run(env_for(home) + shell_quote(binary) + " report --json").exit_code == 0);  // opens normally
}

TEST_CASE("out of space while recording: a clear error and earlier answers intact and the quiz goes on") {
  TempFolder home;
  rp::test::SmallDisk disk(home / "small", "size=2m");
  const auto db = disk.folder / "rolepath.db";
  const auto base = env_for(home) + shell_quote(binary) + " --db " + shell_quote(db.string()) + " ";
  REQUIRE(run(base + "report").exit_code == 0);
  std::string limit;
  if (disk.mounted) {
    MESSAGE("disk full: a 2 MiB tmpfs, filled to its last 64 KiB");
    run("dd if=/dev/zero of=" + shell_quote((disk.folder / "filler").string()) + " bs=4k 2>/dev/null; " +
        "truncate -s -64K " + shell_quote((disk.folder / "filler").string()));
  } else {
    MESSAGE("disk full: not root, so a 48 KiB file-size limit stands in");
    limit = "ulimit -f 48; ";
  }
  std::string answers;
  for (int i = 0; i < 40; ++i) answers += "1\n";
  const auto r = run("bash -c " + shell_quote(limit + "exec " + base + "quiz --terminal --count 40"), answers);
  INFO(r.err);
  CHECK(r.err.find("Your answer was not recorded: " + db.string()) != std::string::npos);
  CHECK(r.exit_code == 1);  // a script is told that answers were lost
  if (disk.mounted) CHECK(r.err.find("the disk is full") != std::string::npos);
  int recorded = 0;
  for (std::size_t at = r.out.find("\nrecorded\n"); at != std::string::npos; at = r.out.find("\nrecorded\n", at + 1)) ++recorded;
  CHECK(recorded >= 1);
  // With room again, the next start opens the database (its -wal included) with every answer.
  std::filesystem::remove(disk.folder / "filler");
  const auto next = run(base + "report");
  INFO(next.err);
  CHECK(next.exit_code == 0);
  CHECK(sql(db, "PRAGMA integrity_check") == "ok");
  CHECK(std::stoll(sql(db, "SELECT count(*) FROM answer")) == recorded);
  CHECK(sql(db, "SELECT sum(answers) FROM daily_activity") == std::to_string(recorded));
}

TEST_CASE("a database path in a read-only folder gets a clear error and no file") {
  TempFolder home;
  const auto folder = home / "locked";
  std::filesystem::create_directories(folder);
  std::filesystem::permissions(folder, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                           std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                           std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  std::filesystem::permissions(home.path(), std::filesystem::perms::all);
  // Root ignores folder permissions, so run as an ordinary user when we are root. That user may
  // not enter the build folder (a clone under /root is 0700), so it runs a copy kept here.
  const std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const auto copy = home / "rolepath";
  std::filesystem::copy_file(binary, copy);
  std::filesystem::permissions(copy, std::filesystem::perms::all & ~std::filesystem::perms::group_write &
                                         ~std::filesystem::perms::others_write);
  const auto r = run(as_user + "env XDG_DATA_HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent " + shell_quote(copy.string()) +
                     " --db " + shell_quote((folder / "rolepath.db").string()) + " report");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((folder / "rolepath.db").string()) != std::string::npos);
  CHECK(r.err.find("read-only") != std::string::npos);
  CHECK(std::filesystem::is_empty(folder));
}

TEST_CASE("a second RolePath on the same database is told it is in use and writes nothing") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  REQUIRE(run(env_for(home) + shell_quote(binary) + " report").exit_code == 0);
  rp::test::Holder first(binary, home, db);  // holds the database while it waits for input
  const std::string before = rp::test::read_bytes(db) + rp::test::read_bytes(db.string() + "-wal");
  const auto started = std::chrono::steady_clock::now();
  const auto r = run(env_for(home) + shell_quote(binary) + " report");
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("in use by rolepath (process") != std::string::npos);
  CHECK(rp::test::read_bytes(db) + rp::test::read_bytes(db.string() + "-wal") == before);
  MESSAGE("refused after ", std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), " ms");
}

TEST_CASE("backup and restore from the command line keep the current database aside") {
  TempFolder home;
  const auto db = home / "data/rolepath/rolepath.db";
  const auto base = env_for(home) + shell_quote(binary) + " ";
  REQUIRE(run(base + "report").exit_code == 0);
  const auto made = run(base + "backup");
  REQUIRE(made.exit_code == 0);
  const auto backup = made.out.substr(made.out.find(" to ") + 4, made.out.find('\n') - made.out.find(" to ") - 4);
  CHECK(std::filesystem::exists(backup));
  REQUIRE(run(base + "quiz --terminal --count 3", "1\n1\n1\n").exit_code == 0);
  CHECK(sql(db, "SELECT count(*) FROM answer") == "3");
  const auto restored = run(base + "restore " + shell_quote(backup));
  INFO(restored.err);
  REQUIRE(restored.exit_code == 0);
  CHECK(restored.out.find("is kept as") != std::string::npos);
  CHECK(sql(db, "SELECT count(*) FROM answer") == "0");
  CHECK(run(base + "report").exit_code == 0);
}
