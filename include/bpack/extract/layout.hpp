#pragma once

// Layout text (pdftotext -layout, bpack's own PDF rendering, Markdown table rows) sets the
// cells of a table row side by side, apart by gutters of two or more spaces. A line's cells,
// with the character column where each starts, let readers put text in its column.

#include <string_view>
#include <vector>

namespace bpack::extract {

struct Cell {
  std::string_view text;
  std::size_t column = 0;  // in characters from the start of the line
  std::size_t end = 0;     // the column after its last character
};

// The cells of a line: runs of text apart by a tab or by two or more spaces.
std::vector<Cell> layout_cells(std::string_view line);

// Characters (UTF-8 code points) in `text`.
std::size_t char_count(std::string_view text);

}  // namespace bpack::extract
