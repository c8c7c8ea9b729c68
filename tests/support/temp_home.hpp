#pragma once
// A temporary home for one in-process test: XDG_DATA_HOME and XDG_CONFIG_HOME point into a fresh
// folder while it lives, so nothing the app resolves from them can reach the real home.
#include <cstdlib>
#include <optional>
#include <string>

#include "support/temp_folder.hpp"

namespace rp::test {

class TempHome {
 public:
  TempHome() : data_("XDG_DATA_HOME", folder_ / "data"), config_("XDG_CONFIG_HOME", folder_ / "config") {}

  const TempFolder& folder() const { return folder_; }
  std::filesystem::path operator/(const std::string& name) const { return folder_ / name; }

 private:
  class Variable {
   public:
    Variable(const char* name, const std::filesystem::path& value) : name_(name) {
      if (const char* old = std::getenv(name)) old_ = old;
      ::setenv(name, value.c_str(), 1);
    }
    ~Variable() {
      if (old_) {
        ::setenv(name_, old_->c_str(), 1);
      } else {
        ::unsetenv(name_);
      }
    }
    Variable(const Variable&) = delete;
    Variable& operator=(const Variable&) = delete;

   private:
    const char* name_;
    std::optional<std::string> old_;
  };

  TempFolder folder_;
  Variable data_, config_;
};

}  // namespace rp::test
