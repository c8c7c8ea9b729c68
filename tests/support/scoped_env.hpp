#pragma once
// Sets an environment variable for one scope and puts back what was there; TZ changes take
// effect at once (tzset), so a test can walk across zones and the date line.
#include <time.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace rp::test {

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    set(value);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
    ::tzset();
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  void set(const std::string& value) {
    ::setenv(name_.c_str(), value.c_str(), 1);
    ::tzset();
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// The local zone for one scope.
struct ScopedTz : ScopedEnv {
  explicit ScopedTz(const char* zone) : ScopedEnv("TZ", zone) {}
};

}  // namespace rp::test
