#pragma once

#include <string>

namespace bpack::test {

struct RunResult {
  int status = -1;  // exit status of the command
  std::string out;  // its stdout
};

// Runs a shell command (stderr left alone unless redirected in `command`) and captures stdout.
RunResult run_command(const std::string& command);

// Quotes a path or argument for the shell.
std::string shell_quote(const std::string& text);

std::string read_file(const std::string& path);

}  // namespace bpack::test
