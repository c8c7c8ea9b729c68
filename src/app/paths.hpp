#pragma once
// Where RolePath keeps things, following the XDG base directory rules.
#include <filesystem>

namespace rp::app {

// $XDG_DATA_HOME/rolepath, else ~/.local/share/rolepath
std::filesystem::path data_folder();
// $XDG_CONFIG_HOME/rolepath, else ~/.config/rolepath
std::filesystem::path config_folder();
// data_folder()/rolepath.db
std::filesystem::path default_database_path();
// data_folder()/backups: every database's backups, each in a folder named by its identity
std::filesystem::path backup_root();

}  // namespace rp::app
