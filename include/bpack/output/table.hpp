#pragma once

// A list as aligned columns for a terminal (ListView::Layout::table).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bpack/output/view.hpp"
#include "bpack/util/page_block.hpp"

namespace bpack::output {

// Number of terminal columns the UTF-8 text takes (one per code point).
std::size_t display_width(std::string_view text);

// Aligned columns with a header line; line breaks inside cells become spaces, and what a
// terminal would act on is escaped (terminal_text.hpp). When `width` is not 0, flexible
// columns are shortened so that lines fit in it.
std::string render_table(const ListView& list, std::size_t width = 0);

// A table built a row at a time: of each row only the text its cells show is kept (in a few
// large strings), so that a list as long as a whole index's attendance is aligned without
// holding its cells. render_table is this, fed a ListView's rows.
class TableText {
 public:
  explicit TableText(const ListView& list);  // the list's columns; its rows are not read

  void add(const std::vector<Cell>& row);

  // Appends the header and the rows to `out` as render_table does, calling `spill` (when
  // given) after each line, so that the caller can pass on what is written so far.
  void write(std::size_t width, std::string& out, const std::function<void()>& spill) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::size_t> visible_;  // the columns shown (in_table)
  std::vector<std::string> header_;
  std::vector<std::size_t> widths_;      // the widest cell of each shown column so far
  std::vector<util::PageBlock> pieces_;  // every shown cell, one after another (keep())
  std::vector<std::string_view> above_;  // each column's last cell kept, in pieces_
  std::size_t rows_ = 0;

  void keep(std::size_t column, std::string_view cell);
};

}  // namespace bpack::output
