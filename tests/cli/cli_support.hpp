#pragma once

// Helpers for end-to-end tests: run the built bpack (BPACK_BINARY) with arguments and
// capture exit status, stdout and stderr; a temporary directory. JSON is read with
// support/json.hpp.

#include "support/json.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bpack::test {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs BPACK_BINARY with `args` (each passed as one argument, no shell expansion), with
// standard input from `stdin_path` (else /dev/null).
Run run_bpack(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null");

// Runs any program the same way (the sqlite3 shell).
Run run_program(const std::string& program, const std::vector<std::string>& args);

std::string corpus_file(const std::string& name);  // BPACK_SOURCE_DIR/corpus/NAME
std::string read_text(const std::string& path);
std::vector<std::string> split_lines(const std::string& text);  // without empty last line

class ScratchDir {
 public:
  ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace bpack::test
