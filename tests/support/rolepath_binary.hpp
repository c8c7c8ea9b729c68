#pragma once
// The rolepath binary under test, and the prefix that runs a command on a private virtual
// display. The including test target defines ROLEPATH_BINARY and ROLEPATH_SOURCE_DIR.
#include <string>

namespace rp::test {

inline const std::string binary = ROLEPATH_BINARY;
// Mesa's software GL leaves a few allocations at exit in code it has already unloaded, which
// LeakSanitizer cannot attribute or suppress; leak checks of our own code run in the headless
// UI tests and the terminal end-to-end tests.
inline const std::string xvfb = "env ASAN_OPTIONS=detect_leaks=0 bash " ROLEPATH_SOURCE_DIR "/tests/e2e/with_display.sh ";

}  // namespace rp::test
