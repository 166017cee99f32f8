#pragma once

// A small streaming JSON writer: commas and escaping are its job, so renderers only say
// what goes where. Output is one line (JSON Lines friendly) unless `pretty` is set.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bpack::output {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::optional<std::string>& text);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  void separate();
  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quotes included). Control characters, C1 controls
// and bidirectional overrides are written as \u escapes (terminal_text.hpp): the value is
// exact, and a terminal showing the JSON shows them as text.
void append_json_string(std::string& out, std::string_view text);

}  // namespace bpack::output
