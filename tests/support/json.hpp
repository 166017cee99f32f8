#pragma once

// A strict JSON reader (RFC 8259) for tests: to check that bpack's output is valid JSON and
// to read it and the gold files.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bpack::test {

namespace json {

struct Value {
  enum class Type { null, boolean, number, string, array, object };
  // An object's member. Declared here and defined below Value: a std::pair<std::string,
  // Value> inside Value would need Value complete (clang with libstdc++ refuses it).
  struct Member;
  Type type = Type::null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<Value> array;
  std::vector<Member> object;

  bool is_null() const { return type == Type::null; }
  // Object member by key; throws std::runtime_error when absent or not an object.
  const Value& operator[](const std::string& key) const;
  bool has(const std::string& key) const;
  // The string value, or std::nullopt for null; throws for other types.
  std::optional<std::string> text() const;
};

struct Value::Member {
  std::string name;
  Value value;
};

// Parses exactly one JSON value (surrounding white space allowed). Throws
// std::runtime_error with the offset of the first error.
Value parse(std::string_view text);

// Parses JSON Lines: one value per non-empty line.
std::vector<Value> parse_lines(std::string_view text);

}  // namespace json

}  // namespace bpack::test
