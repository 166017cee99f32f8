#pragma once

// A small JSON reader for tests: parses a document into a tree, or throws with the offset
// of the first error. Enough to check that output parses and to read gold files.

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bpack::test {

struct Json {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::vector<std::pair<std::string, Json>> object;  // in document order

  bool is_null() const { return type == Type::null; }
  // Member by key; a shared null when absent.
  const Json& operator[](std::string_view key) const;
  // String value, or "" for null.
  std::string str() const { return type == Type::string ? string : std::string(); }
  bool has(std::string_view key) const;
};

// Throws std::runtime_error("json: <what> at offset N").
Json parse_json(std::string_view text);

}  // namespace bpack::test
