#pragma once

// Helpers for end-to-end tests: run the built bpack (BPACK_BINARY) with arguments and
// capture exit status, stdout and stderr; a temporary directory; and a strict JSON reader
// (RFC 8259), both to check that output is valid JSON and to read gold files.

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

namespace json {

struct Value {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object;

  bool is_null() const { return type == Type::null; }
  // Object member by key; throws std::runtime_error when absent or not an object.
  const Value& operator[](const std::string& key) const;
  bool has(const std::string& key) const;
  // The string value, or std::nullopt for null; throws for other types.
  std::optional<std::string> text() const;
};

// Parses exactly one JSON value (surrounding white space allowed). Throws
// std::runtime_error with the offset of the first error.
Value parse(std::string_view text);

// Parses JSON Lines: one value per non-empty line.
std::vector<Value> parse_lines(std::string_view text);

}  // namespace json

}  // namespace bpack::test
