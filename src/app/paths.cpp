#include "app/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace rp::app {

namespace {
std::filesystem::path home_folder() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_dir) return entry->pw_dir;
  return std::filesystem::current_path();
}

// XDG says a relative value is invalid and must be ignored.
std::filesystem::path xdg_folder(const char* variable, const char* fallback_below_home) {
  if (const char* value = std::getenv(variable); value && *value == '/') return std::filesystem::path(value) / "rolepath";
  return home_folder() / fallback_below_home / "rolepath";
}
}  // namespace

std::filesystem::path data_folder() { return xdg_folder("XDG_DATA_HOME", ".local/share"); }
std::filesystem::path config_folder() { return xdg_folder("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path default_database_path() { return data_folder() / "rolepath.db"; }
std::filesystem::path backup_root() { return data_folder() / "backups"; }

}  // namespace rp::app
