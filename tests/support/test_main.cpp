// doctest's main, after one guard: every test binary and every program it starts (the real
// rolepath, xvfb-run, Mesa's shader cache) keeps its cache and state files in a folder of this run,
// never in the user's own ~/.cache or ~/.local/state; and HOME is a folder of this run too, so
// fontconfig, which the headless screens find their fonts through, reads no ~/.fonts.conf,
// ~/.config/fontconfig or ~/.local/share/fonts of the user's. Tests that need their own data and
// config folders still set those themselves (tests/ci/check_tests.sh checks that they do).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

int main(int argc, char** argv) {
  std::string pattern = (std::filesystem::temp_directory_path() / "rolepath-test-XXXXXX").string();
  const char* folder = mkdtemp(pattern.data());
  if (folder != nullptr) {
    setenv("XDG_CACHE_HOME", (std::filesystem::path(folder) / "cache").c_str(), 1);
    setenv("XDG_STATE_HOME", (std::filesystem::path(folder) / "state").c_str(), 1);
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(folder) / "home", ignored);
    setenv("HOME", (std::filesystem::path(folder) / "home").c_str(), 1);
  }
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (folder != nullptr) {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
  return result;
}
