#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bpack::util {

bool is_blank(std::string_view text);
std::string_view trim(std::string_view text);
// Runs of white space (including non-breaking spaces) become one space; ends trimmed.
std::string collapse_spaces(std::string_view text);
// Joins texts with single spaces, collapsing white space (the contract's text fields).
std::string join_collapsed(const std::vector<std::string_view>& parts);
std::string to_lower_ascii(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
bool contains_ci(std::string_view text, std::string_view needle);
// Strips a trailing '.', ':' or ';' and white space.
std::string_view trim_punctuation(std::string_view text);

// Appends the UTF-8 encoding of a Unicode code point.
void append_utf8(char32_t code, std::string& out);

// The code point whose UTF-8 encoding starts at text[i]. A byte that does not start a
// well-formed sequence (overlong, a surrogate, past U+10FFFF, cut short) is taken alone:
// {that byte, 1, false}.
struct CodePoint {
  char32_t value = 0;
  std::size_t size = 1;
  bool valid = true;
};
CodePoint decode_utf8(std::string_view text, std::size_t i);

}  // namespace bpack::util
