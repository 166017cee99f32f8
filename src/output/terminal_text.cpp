#include "bpack/output/terminal_text.hpp"

#include <fmt/format.h>

#include <iterator>

#include "bpack/util/strings.hpp"

namespace bpack::output {

bool is_unsafe_code_point(char32_t code) {
  if (code < 0x20) {
    return code != '\t' && code != '\n';
  }
  return (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

void append_terminal_safe(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes that go out as they are
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Printable ASCII, tab and line feed: the common case, one byte at a time.
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
      ++i;
      continue;
    }
    const util::CodePoint cp = util::decode_utf8(text, i);
    if (cp.valid && !is_unsafe_code_point(cp.value)) {
      i += cp.size;
      continue;
    }
    out.append(text.substr(run, i - run));
    if (!cp.valid || cp.value < 0x80) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned>(c));
    } else {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(cp.value));
    }
    i += cp.size;
    run = i;
  }
  out.append(text.substr(run));
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_terminal_safe(out, text);
  return out;
}

}  // namespace bpack::output
