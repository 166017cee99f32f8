#include "bpack/text/input_check.hpp"

#include <fmt/format.h>

#include <cstring>

#include "bpack/util/error.hpp"

namespace bpack::text {

std::size_t find_binary_byte(std::string_view line) {
  // Eight bytes at a time while none is below 0x20 (the test is exact for that bound).
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (;;) {
    for (; i + 8 <= line.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, line.data() + i, 8);
      if (((word - kOnes * 0x20) & ~word & kHigh) != 0) {
        break;
      }
    }
    const std::size_t end = std::min(i + 8, line.size());
    for (; i < end; ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      // Text extracted from PDFs carries tabs, form feeds and the odd vertical tab or ESC;
      // NUL and the other C0 controls mean a binary file (a PDF itself, an image, a zip).
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
        return i;
      }
    }
    if (i >= line.size()) {
      return std::string_view::npos;
    }
  }
}

std::string binary_message(const std::string& name, std::int64_t line, unsigned char byte) {
  return fmt::format(
      "{}:{}: not a text file (control byte 0x{:02X}); bpack reads text extracted from packs, e.g. by "
      "pdftotext -layout",
      name, line, byte);
}

std::string long_line_message(const std::string& name, std::int64_t line, std::size_t max_line) {
  return fmt::format("{}:{}: a line longer than {} bytes; not read (raise the limit with --max-line)", name, line,
                     max_line);
}

void InputCheck::update(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    const std::string_view part = bytes.substr(0, newline);
    if (const std::size_t bad = find_binary_byte(part); bad != std::string_view::npos) {
      throw Error(binary_message(name_, line_, static_cast<unsigned char>(part[bad])));
    }
    line_bytes_ += part.size();
    if (line_bytes_ > max_line_) {
      throw Error(long_line_message(name_, line_, max_line_));
    }
    if (newline == std::string_view::npos) {
      return;
    }
    ++line_;
    line_bytes_ = 0;
    bytes.remove_prefix(newline + 1);
  }
}

}  // namespace bpack::text
