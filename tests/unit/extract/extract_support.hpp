#pragma once

// Helpers for the extract unit tests: a section's lines built from strings as the segmenter
// would hand them on, and lists joined into one string so that a failed check prints them.

#include <string>
#include <utility>
#include <vector>

#include "bpack/segment/segmenter.hpp"

namespace bpack::extract::test {

// Lines numbered from 1, blank where only spaces, "\f" before a line's text starting a new
// page. The strings live as long as the SectionLines, which the SegLines point into.
struct SectionLines {
  std::vector<std::string> texts;
  std::vector<segment::SegLine> lines;
};

inline SectionLines section_lines(std::vector<std::string> texts) {
  SectionLines out;
  out.texts = std::move(texts);
  segment::LineNo page = 1;
  for (std::size_t i = 0; i < out.texts.size(); ++i) {
    std::string& t = out.texts[i];
    segment::SegLine line;
    if (!t.empty() && t[0] == '\f') {
      t.erase(0, 1);
      ++page;
      line.page_start = true;
    }
    line.number = static_cast<segment::LineNo>(i + 1);
    line.page = page;
    line.blank = t.find_first_not_of(' ') == std::string::npos;
    out.lines.push_back(line);
  }
  for (std::size_t i = 0; i < out.texts.size(); ++i) {
    out.lines[i].text = out.texts[i];
  }
  return out;
}

// "a / b / c".
inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : " / ") + item;
  }
  return out;
}

// "0110": one digit a line, 1 where the flag is set.
inline std::string flags(const std::vector<bool>& items) {
  std::string out;
  for (const bool item : items) {
    out.push_back(item ? '1' : '0');
  }
  return out;
}

}  // namespace bpack::extract::test
