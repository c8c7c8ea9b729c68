#pragma once
// Runs a command through the shell and captures its exit status and output, for tests of the
// real binary.
#include <string>

namespace rp::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `command` is a shell command line; `stdin_text` is fed to it on standard input.
ProcessResult run(const std::string& command, const std::string& stdin_text = "");

// Quotes a string for the shell.
std::string shell_quote(const std::string& s);

}  // namespace rp::test
