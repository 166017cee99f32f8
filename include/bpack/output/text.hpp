#pragma once

// Views as text for a terminal or a pipe: a list as aligned columns (table.hpp) or as records,
// a detail view as its title, its lines and its lists each under its name.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/output/view.hpp"

namespace bpack::output {

struct TextStyle {
  std::size_t width = 0;  // the terminal's columns; 0: no limit (not a terminal)
  std::string_view bold_start = {};
  std::string_view bold_end = {};
};

std::string render_list_text(const ListView& list, const TextStyle& style);
// One row of a list in the records layout (RecordPart): its head line, then its body lines.
void append_record(std::string& out, const std::vector<Column>& columns, const std::vector<Cell>& row,
                   const TextStyle& style);
std::string render_detail_text(const DetailView& detail, const TextStyle& style);

}  // namespace bpack::output
