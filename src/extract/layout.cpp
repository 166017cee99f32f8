#include "bpack/extract/layout.hpp"

namespace bpack::extract {

std::size_t char_count(std::string_view text) {
  std::size_t chars = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++chars;
    }
  }
  return chars;
}

std::vector<Cell> layout_cells(std::string_view line) {
  std::vector<Cell> out;
  std::size_t chars = 0;
  std::size_t i = 0;
  const auto advance = [&] {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U) {
      ++chars;
    }
    ++i;
  };
  const auto gap_at = [&](std::size_t at) {
    return line[at] == '\t' ||
           (line[at] == ' ' && (at + 1 >= line.size() || line[at + 1] == ' ' || line[at + 1] == '\t'));
  };
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      advance();
      continue;
    }
    const std::size_t begin = i;
    const std::size_t start = chars;
    while (i < line.size() && !gap_at(i)) {
      advance();
    }
    std::size_t end = i;
    while (end > begin && line[end - 1] == ' ') {
      --end;
    }
    out.push_back({line.substr(begin, end - begin), start, chars});
  }
  return out;
}

}  // namespace bpack::extract
